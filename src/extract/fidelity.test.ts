import { describe, expect, it } from 'vitest';
import { collectMeta, chooseTitle } from './metadata.ts';
import { elementsIn, isElement, MAX_DEPTH, parseHtml, Removals, type AnyNode } from './dom.ts';
import { analyseHtml, extractArticle } from './index.ts';
import { findLedes } from './lede.ts';
import { predict, type BlockModel } from './model/gbdt.ts';
import MODEL from './model/block-model.json' with { type: 'json' };
import { assembleFeatures, FEATURE_NAMES } from './features.ts';

const P = [
  'The regional parliament approved the water bill late on Thursday after a debate that lasted more than nine hours.',
  'Farmers had asked for an exemption during the summer months, but the amendment was rejected by a narrow margin.',
  'The bill now goes to the upper house, where ministers expect it to pass before the end of the session in July.',
  'Environmental groups welcomed the vote but said the limits on river extraction did not go far enough this year.',
];

const page = (body: string, head = '<title>Water bill approved - Example News</title>') =>
  `<!doctype html><html><head>${head}</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>${body}<footer><p>© 2026 Example News. All rights reserved.</p></footer></body></html>`;

describe('text is stored as the page showed it (issue 8)', () => {
  it('keeps ZWNJ, ZWJ and emoji sequences in paragraphs: only NFC and whitespace collapse', () => {
    const persian = 'وزیر گفت که دولت می‌خواهد قانون آب را پیش از پایان سال تصویب کند و نمایندگان باید هفته‌ی آینده رأی بدهند.';
    const hindi = 'मंत्री ने कहा कि सरकार जल विधेयक को इस सत्र में पारित करना चाहती है, क्‍षेत्रीय दलों ने र्‍य समर्थन दिया।';
    const emoji = 'Readers sent 👨‍👩‍👧 family photos and 🏳️‍🌈 flags from the parade, and 👩‍💻 developers built a live map of the route.';
    const html = page(
      `<article><h1>Water bill approved</h1><p>${persian}</p><p>  ${hindi.replace(/ /g, '  \n ')}</p><p>${emoji}</p><p>${P[0]}</p></article>`,
    );
    const { paragraphs } = extractArticle(html, 'https://news.example/water');
    expect(paragraphs).toContain(persian.normalize('NFC'));
    expect(paragraphs).toContain(hindi.normalize('NFC'));
    expect(paragraphs).toContain(emoji.normalize('NFC'));
    expect(paragraphs.join('')).toContain('\u200C');
    expect(paragraphs.join('').split('\u200D').length - 1).toBe((hindi + emoji).split('\u200D').length - 1);
  });
});

describe('parse stage stays linear on pathological nesting (issue 9)', () => {
  it('a tag, an attribute name and a class word of 300,000 characters each: the article still read', () => {
    const long = (c: string) => c.repeat(300_000);
    const html = `<html><head><title>T</title></head><body><article><p ${long('a')}=1>The first paragraph of the article has words enough to be read.</p>
      <${long('x')}>skipped</${long('x')}><p class="${long('B')}">The second paragraph of the article has words enough to be read too.</p></article></body></html>`;
    const out = extractArticle(html, 'https://x.example/long-names');
    expect(out.paragraphs.join(' ')).toContain('The first paragraph');
    expect(out.paragraphs.join(' ')).toContain('The second paragraph');
  });

  it('1,000,000 unclosed <b> in a 3 MB page: bounded depth, article still read', { timeout: 60_000 }, () => {
    const html = page(
      `<article><h1>Water bill approved</h1><p>${P[0]}</p><p>${P[1]}</p>${'<b>'.repeat(1_000_000)}<p>${P[2]}</p></article>`,
    );
    expect(html.length).toBeGreaterThan(3_000_000);
    const doc = parseHtml(html);
    let deepest = 0;
    const stack: [AnyNode, number][] = doc.children.map((c) => [c, 1]);
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      deepest = Math.max(deepest, depth);
      if (isElement(node)) for (const c of node.children) stack.push([c, depth + 1]);
    }
    expect(deepest).toBeLessThanOrEqual(MAX_DEPTH + 1);
    const result = extractArticle(html, 'https://news.example/deep');
    expect(result.paragraphs).toContain(P[0]);
    expect(result.paragraphs.join(' ')).toContain(P[2]);
  });

  it('keeps pages below the bound exactly as htmlparser2 builds them', () => {
    const html = `<div>${'<span>'.repeat(100)}deep text${'</span>'.repeat(100)}</div>`;
    expect(elementsIn(parseHtml(html))).toHaveLength(101);
  });
});

describe('Removals', () => {
  it('puts every removed subtree back where it was', () => {
    const doc = parseHtml('<div><p>a</p><p class="x">b</p><p>c</p><ul><li>d</li><li>e</li></ul></div>');
    const before = elementsIn(doc).map((e) => `${e.name}:${e.parent && isElement(e.parent) ? e.parent.name : '-'}`);
    const removals = new Removals();
    const all = elementsIn(doc);
    removals.remove(all[2], 'strong');
    removals.remove(all[5], 'teaser');
    removals.remove(all[4], 'linklist');
    removals.remove(all[5], 'weak'); // inside a removed subtree: ignored
    expect(elementsIn(doc)).toHaveLength(3);
    removals.restore();
    expect(elementsIn(doc).map((e) => `${e.name}:${e.parent && isElement(e.parent) ? e.parent.name : '-'}`)).toEqual(before);
    expect(removals.reasons.get(all[5])).toBe('teaser');
    const p = all[1];
    expect(p.next?.next).toBe(all[3]);
  });
});

describe('block model', () => {
  it('is trained on the current features and evaluates its trees', () => {
    const model = MODEL as BlockModel;
    expect(model.features).toEqual([...FEATURE_NAMES]);
    expect(model.trees.length).toBeGreaterThan(10);
    const tiny: BlockModel = {
      ...model,
      bias: 0,
      trees: [{ feature: [0, -1, -1], threshold: [1.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, -2, 3] }],
    };
    expect(predict(tiny, [1])).toBeCloseTo(1 / (1 + Math.exp(2)));
    expect(predict(tiny, [2])).toBeCloseTo(1 / (1 + Math.exp(-3)));
  });
});

describe('headline', () => {
  const title = (head: string, body: string) =>
    chooseTitle(collectMeta(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`)), null);

  it('drops a section path and site name ("BBC NEWS | World | Middle East | Headline")', () => {
    expect(title('<title>BBC NEWS | World | Middle East | Israel and Hamas agree to extend truce</title>', '<div>no h1</div>')).toBe(
      'Israel and Hamas agree to extend truce',
    );
    expect(
      title(
        '<title>BBC NEWS | World | Middle East | Israel and Hamas agree to extend truce</title>',
        '<h1>Israel and Hamas agree to extend truce</h1>',
      ),
    ).toBe('Israel and Hamas agree to extend truce');
  });

  it('prefers the visible h1 that agrees with og:title over an SEO variant, and passes over a logo h1', () => {
    const head =
      '<title>Best Apps to Learn a Language in 2025 - Top 10 Picks | Lingo</title><meta property="og:title" content="Best Apps to Learn a Language in 2025 – Top 10 Picks"><meta property="og:site_name" content="Lingo">';
    expect(title(head, '<h1>Lingo</h1><h1>Top 10: Best Language Learning Apps (tested by experts)</h1>')).toBe(
      'Top 10: Best Language Learning Apps (tested by experts)',
    );
    expect(title(head, '<h1>Menu</h1>')).toBe('Best Apps to Learn a Language in 2025');
  });

  it('strips the site name from an h1 that carries it', () => {
    expect(
      title('<title>Critics Choice: Best Exhibitions 2025 – Artlyst</title>', '<h1>Critics Choice: Best Exhibitions 2025 – Artlyst</h1>'),
    ).toBe('Critics Choice: Best Exhibitions 2025');
  });
});

describe('lede, promos and multi-section bodies (issue 8)', () => {
  it('keeps a standfirst, a bold intro and a dateline paragraph; drops in-body promos', () => {
    const html = page(`<main><article><header><h1>Water bill approved</h1>
<p class="standfirst">Ministers win a narrow vote on river extraction limits after months of protests by farmers and anglers.</p></header>
<div class="article-body"><p class="drop-cap"><strong>LONDON — The regional parliament approved the water bill late on Thursday after a debate of nine hours.</strong></p>
<p>Live tweets</p><p>${P[1]}</p><p>Last updated at 14:03 GMT</p>
<div class="embed"><p>Skip twitter content</p><p>Content from Twitter</p><p>This article contains content provided by Twitter. We ask for your permission before anything is loaded.</p><p>End of twitter content</p></div>
<p>${P[2]}</p><p>Read more: Farmers protest in the capital over water limits</p><p>${P[3]}</p></div></article></main>`);
    const { paragraphs } = extractArticle(html, 'https://news.example/water');
    expect(paragraphs[0]).toMatch(/^Ministers win a narrow vote/);
    expect(paragraphs).toContain('LONDON — The regional parliament approved the water bill late on Thursday after a debate of nine hours.');
    expect(paragraphs).toEqual(expect.arrayContaining([P[1], P[2], P[3]]));
    const joined = paragraphs.join('\n');
    for (const promo of ['Live tweets', 'Last updated', 'twitter content', 'Content from Twitter', 'provided by Twitter', 'Read more:'])
      expect(joined).not.toContain(promo);
  });

  it('takes as a lede only a class of its own at the start of the article, not repeated excerpts or a bio', () => {
    const excerpts = [
      'Storm hits the coast as the river rises above its banks for a second night.',
      'Markets fall after the central bank signals a longer pause in rate cuts this winter.',
      'Anglers count fewer salmon in the upper valley for the third year running, a survey says.',
    ]
      .map((t, k) => `<div class="card"><h3><a href="/s${k}">Story ${k}</a></h3><p class="excerpt">${t}</p></div>`)
      .join('');
    const html = page(`<main><article><h1>Water bill approved</h1>
<p class="standfirst">Ministers win a narrow vote on river extraction limits after months of protests by farmers and anglers.</p>
<div class="article-body">${P.map((t) => `<p>${t}</p>`).join('')}
<p class="intro">Jane Doe is our environment correspondent, covering water, farming and climate policy since 2015.</p>
<div class="more">${excerpts}</div></div></article></main>`);
    const analysed = analyseHtml(html, 'https://news.example/water');
    const ledes = [...findLedes(analysed.analysis, assembleFeatures(analysed.analysis, MODEL.tokens))].map(
      (i) => analysed.analysis.blocks[i].text,
    );
    expect(ledes).toEqual(['Ministers win a narrow vote on river extraction limits after months of protests by farmers and anglers.']);
  });

  it('keeps every section of a body split over sibling containers', () => {
    const sections = [1, 2, 3, 4].map(
      (n) => `<section class="listicle-item"><h2>${n}. Step ${n}</h2><p>${P[n - 1]}</p><p>${P[(n + 1) % 4]}</p></section>`,
    );
    const html = page(
      `<main><h1>Water bill approved</h1><div class="intro"><p>${P[3]} ${P[0]}</p></div>${sections.join('<div class="ad"><p>Advertisement</p></div>')}<aside><h3>Most read</h3><ul><li><a href="/a">Storm hits the coast</a></li><li><a href="/b">Markets fall</a></li></ul></aside></main>`,
    );
    const { paragraphs } = extractArticle(html, 'https://news.example/guide');
    for (const n of [1, 2, 3, 4]) expect(paragraphs).toContain(`${n}. Step ${n}`);
    expect(paragraphs.filter((p) => P.includes(p))).toHaveLength(8);
    expect(paragraphs.join(' ')).not.toMatch(/Advertisement|Most read|Storm hits/);
  });
});
