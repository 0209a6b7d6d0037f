import { describe, expect, it } from 'vitest';
import { parseHtml } from './dom.ts';
import { chooseTitle, headlineCandidates } from './headline.ts';
import { readJsonLd } from './jsonld.ts';
import { collectMeta } from './metadata.ts';

/** The headline of a synthetic page: its <head> and <body> markup, and where it was served from. */
const headline = (head: string, body: string, url = 'https://news.example.org/a/story') => {
  const doc = parseHtml(`<html><head>${head}</head><body>${body}</body></html>`);
  return chooseTitle(collectMeta(doc), readJsonLd(doc), url);
};
const og = (content: string) => `<meta property="og:title" content="${content}">`;
const site = (content: string) => `<meta property="og:site_name" content="${content}">`;

describe('headline: site names and section paths', () => {
  it('drops a site name the host gives, and the section path beside it ("BBC NEWS | World | Middle East | …")', () => {
    const head = '<title>BBC NEWS | World | Middle East | Gaza truce extended</title>';
    expect(headline(head, '<p>no h1</p>', 'http://news.bbc.co.uk/1/hi/world/middle_east/123.stm')).toBe('Gaza truce extended');
    // A two-word headline is cut from its name only when the host says which part the name is.
    expect(headline('<title>GAME CHANGER - Newegg.com</title>', '', 'https://promotions.newegg.com/zotac/index.html')).toBe('GAME CHANGER');
    expect(headline('<title>GAME CHANGER - Newegg.com</title>', '', 'https://shop.example.com/')).toBe('GAME CHANGER - Newegg.com');
  });

  it('does not take the host word at the start of a headline for a name', () => {
    const head = '<title>Apple unveils a thinner iPhone - Apple Newsroom</title>';
    expect(headline(head, '', 'https://www.apple.com/newsroom/2026/09/x/')).toBe('Apple unveils a thinner iPhone');
  });

  it('learns a name from what <title> adds to og:title, and keeps the headline’s closing bracket', () => {
    const head = `<title>Open-sourcing the CAD files under a new licence (OCL) - Prusa Printers</title>${og('Open-sourcing the CAD files under a new licence (OCL)')}`;
    expect(headline(head, '<h1>Prusa Printers</h1>')).toBe('Open-sourcing the CAD files under a new licence (OCL)');
    const named = `<title>Open-sourcing the CAD files under a new licence (OCL) - Prusa Printers</title>${site('Prusa Printers')}`;
    expect(headline(named, '')).toBe('Open-sourcing the CAD files under a new licence (OCL)');
  });

  it('keeps a subtitle the <h1> repeats whole from <title>: it is not a site name', () => {
    const full = 'The Programming Language Death Spiral - How Small Languages Die in the Age of AI';
    expect(headline(`<title>${full}</title>`, `<h1>${full}</h1>`)).toBe(full);
  });

  it('passes over an <h1> that is the blog’s name, which <title> puts before the headline with a colon', () => {
    const head = `<title>Engora Data Blog: Small adventures with small language models</title>${og('Small adventures with small language models')}`;
    expect(headline(head, '<h1>Engora Data Blog</h1><h2>Small is the new large</h2>')).toBe('Small adventures with small language models');
  });

  it('does not cut a colon-led phrase from an <h1> when a declared title has it after a colon too', () => {
    const h1 = 'Docker Hardened Images: Security Independently Validated';
    expect(headline(`<title>${h1} | Docker</title>${og(`${h1} | Docker`)}`, `<h1>${h1}</h1>`)).toBe(h1);
  });

  it('matches the first words of og:site_name ("Thrive Internet Marketing" of "… Agency")', () => {
    const head = `${og('Web Portfolio - Thrive Internet Marketing')}${site('Thrive Internet Marketing Agency')}`;
    expect(headline(head, '<h1>Our work</h1>')).toBe('Web Portfolio');
  });

  it('keeps the last letter’s marks and joiners when a name is cut after it (Hindi matra, Persian ZWNJ)', () => {
    expect(headline(`<title>भारत ने मैच जीता है - समाचार</title>${site('समाचार')}`, '')).toBe('भारत ने मैच जीता है');
    expect(headline(`<title>گزارش تازه می‌رود | خبرگزاری</title>${site('خبرگزاری')}`, '')).toBe('گزارش تازه می‌رود');
  });

  it('keeps no " | " inside the headline: a tagline after a pipe goes', () => {
    const h1 = 'Best Residential Movers in NYC 2025 | Top 19 Companies';
    expect(headline(`<title>${h1} | Supermove</title>`, `<h1>${h1}</h1>`)).toBe('Best Residential Movers in NYC 2025');
  });
});

describe('headline: the <h1> element', () => {
  it('cuts a date line or a comment count the <h1> holds beside the declared headline', () => {
    const head = `${og('Preparing a transition in Debusine')}<title>Preparing a transition in Debusine | A blog</title>`;
    expect(headline(head, '<h1><span>Dec 18 2025</span> Preparing a transition in Debusine</h1>')).toBe(
      'Preparing a transition in Debusine',
    );
    const slash = `${og('Computer Science Grads Find Fewer Jobs - Slashdot')}`;
    expect(headline(slash, '<h1>Computer Science Grads Find Fewer Jobs <span>(latimes.com)</span> <span>87</span></h1>')).toBe(
      'Computer Science Grads Find Fewer Jobs',
    );
    // A year the headline itself holds stays.
    expect(headline(og('The Best Films'), '<h1>The Best Films 2025</h1>')).toBe('The Best Films 2025');
  });

  it('reads a line break inside the <h1> as a space', () => {
    expect(headline('<title>Weekend Coding Agent | Labs</title>', '<h1>WEEKEND<br>CODING<br> <span>AGENT</span></h1>')).toBe(
      'WEEKEND CODING AGENT',
    );
  });

  it('compares curly and straight quotes alike, and writes them as most candidates do', () => {
    // The rendered <h1> curls the apostrophe; og:title and <title> declare it straight: 2 against 1.
    const head = `${og("Why Hasn't Tutoring Been More Effective?")}<title>Why Hasn't Tutoring Been More Effective? - Ed Weekly</title>`;
    expect(headline(head, '<h1>Ed Weekly</h1><h1>Why Hasn’t Tutoring Been More Effective?</h1>')).toBe(
      "Why Hasn't Tutoring Been More Effective?",
    );
    // Double quotes too, and the declared titles' own majority when no <h1> is there.
    const quoted = `${og('The results? “Sobering”')}<meta name="twitter:title" content='The results? "Sobering"'><title>The results? "Sobering"</title>`;
    expect(headline(quoted, '<p>no h1</p>')).toBe('The results? "Sobering"');
  });

  it('keeps the <h1>’s quote marks on a tie, and when the words differ beyond quote marks', () => {
    const h1 = '<h1>Why Hasn’t Tutoring Been More Effective?</h1>';
    expect(headline(`${og("Why Hasn't Tutoring Been More Effective?")}<title>Why Hasn’t Tutoring Been More Effective?</title>`, h1)).toBe(
      'Why Hasn’t Tutoring Been More Effective?',
    );
    expect(headline(og("Why Hasn't Tutoring Been More Effective?"), h1)).toBe('Why Hasn’t Tutoring Been More Effective?');
    // An en dash for a hyphen, or a capital, is no mark SmartyPants educates: the <h1> stays as written.
    const dashed = `${og('Tutoring Worked - Yet Not Everywhere')}<title>Tutoring Worked - Yet Not Everywhere</title>`;
    expect(headline(dashed, '<h1>Tutoring Worked – Yet Not Everywhere</h1>')).toBe('Tutoring Worked – Yet Not Everywhere');
    const capital = `${og('Tutoring worked, yet not everywhere')}<title>Tutoring worked, yet not everywhere</title>`;
    expect(headline(capital, '<h1>Tutoring Worked, Yet Not Everywhere</h1>')).toBe('Tutoring Worked, Yet Not Everywhere');
  });

  it('writes "--" and "..." as most candidates do, as it does quote marks', () => {
    const typed = `${og('Brains Are Not Required--Simple Cells Can Do It')}<title>Brains Are Not Required--Simple Cells Can Do It</title>`;
    expect(headline(typed, '<h1>Brains Are Not Required—Simple Cells Can Do It</h1>')).toBe(
      'Brains Are Not Required--Simple Cells Can Do It',
    );
    const dots = `${og('A guide to... low light houseplants')}<title>A guide to... low light houseplants</title>`;
    expect(headline(dots, '<h1>A guide to… low light houseplants</h1>')).toBe('A guide to... low light houseplants');
    // One declared title against the <h1> is a tie: the <h1>'s dash stays.
    expect(headline(og('Brains Are Not Required--Simple Cells Can Do It'), '<h1>Brains Are Not Required—Simple Cells Can Do It</h1>')).toBe(
      'Brains Are Not Required—Simple Cells Can Do It',
    );
  });

  it('writes an apostrophe as most candidates that hold its word do, when they word the rest otherwise', () => {
    const head = `${og("First Trip to Japan: A First Time Visitor's Guide")}<title>Japan: What to Expect - A First Time Visitor's Guide</title>`;
    expect(headline(head, '<h1>What to Expect on Your First Trip to Japan- A First Time Visitor’s Guide</h1>')).toBe(
      "What to Expect on Your First Trip to Japan- A First Time Visitor's Guide",
    );
    // One title against the <h1> is a tie; a title without the word has no say.
    const one = `${og("First Trip to Japan: A First Time Visitor's Guide")}<title>What to Expect in Japan</title>`;
    expect(headline(one, '<h1>What to Expect on Your First Trip to Japan- A First Time Visitor’s Guide</h1>')).toBe(
      'What to Expect on Your First Trip to Japan- A First Time Visitor’s Guide',
    );
  });

  it('reads again as UTF-8 a title whose UTF-8 was read as Latin-1', () => {
    const garbled = 'A DIY Investor\u00e2\u0080\u0099s Guide to Retirement Calculators';
    const head = `${og(`${garbled} 2025 | White Coat Investor`)}<title>${garbled} 2025 | White Coat Investor</title>`;
    expect(headline(head, `<h1>${garbled} in 2025</h1>`)).toBe('A DIY Investor’s Guide to Retirement Calculators in 2025');
  });
});

describe('headlineCandidates', () => {
  it('lists the cleaned <h1>s and declared titles with their sources, and the choice chooseTitle makes', () => {
    const doc = parseHtml(
      `<html><head><title>Council approves budget | Example News</title>${og('Council approves the budget')}</head>` +
        '<body><h1>Example News</h1><h1>Council approves budget</h1></body></html>',
    );
    const c = headlineCandidates(collectMeta(doc), readJsonLd(doc), 'https://example-news.org/a');
    expect(c.chosen).toBe(chooseTitle(collectMeta(doc), readJsonLd(doc), 'https://example-news.org/a'));
    expect(c.chosen).toBe('Council approves budget');
    // "Example News" is learned as the site's name: the <h1> holding only it is no candidate.
    expect(c.headings).toEqual(['Council approves budget']);
    expect(c.agreements[0]).toBe(1);
    expect(c.declared).toEqual([
      { source: 'og:title', text: 'Council approves the budget' },
      { source: 'title', text: 'Council approves budget' },
    ]);
  });
});
