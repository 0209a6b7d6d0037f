import { describe, expect, it } from 'vitest';
import { extractArticle } from '../index.ts';
import { ruleFor } from './index.ts';
import { SITE_RULES } from './sites.ts';

/** Body paragraphs every mirrored page carries; each case wraps them in its site's markup. */
const P = [
  'The government announced on Tuesday that it would delay the vote on the new budget until next month, citing the need for more talks.',
  'Opposition leaders criticised the decision, saying it left thousands of public workers uncertain about their pay for the coming year.',
  'Officials said a revised plan would be published before the end of the week, after consultations with regional authorities.',
];
const TITLE = 'Budget vote delayed as talks continue';

const chrome = (body: string, head = '') => `<!doctype html><html><head><title>${TITLE} - Site</title>${head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>${body}
<footer><p>Copyright 2026 Example Media. All rights reserved. Terms of use and privacy policy apply to this site.</p></footer></body></html>`;

/** In-body furniture that generic extraction would keep: long, prose-like, without telling classes. */
const PROMO = 'Sign-up offer: the best journalism from our newsroom, delivered to your inbox every single morning for free.';

const CASES: Record<string, { url: string; html: string }> = {
  bbc: {
    url: 'https://www.bbc.co.uk/news/articles/c0000000000o',
    html: chrome(`<main><article><header><h1 id="main-heading">${TITLE}</h1></header>
<div data-component="byline-block"><p>By Jane Reporter, Political correspondent in Westminster and the regions today</p></div>
<div data-component="image-block"><figure><img src="a.jpg"><p>${PROMO}</p></figure></div>
<div data-component="text-block"><p><b>${P[0]}</b></p></div><div data-component="text-block"><p>${P[1]}</p></div>
<div data-component="links-block"><p>${PROMO}</p></div>
<div data-component="text-block"><p>${P[2]}</p></div><div data-component="tag-list"><p>${PROMO}</p></div></article></main>`),
  },
  guardian: {
    url: 'https://www.theguardian.com/world/2026/jan/01/budget-vote-delayed',
    html: chrome(`<main id="maincontent"><div data-gu-name="headline"><h1>${TITLE}</h1></div><div data-gu-name="body"><div class="article-body-commercial-selector article-body-viewer-selector">
<p>${P[0]}</p><gu-island name="RichLinkComponent"><p>${PROMO}</p></gu-island><p>${P[1]}</p><figure><p>${PROMO}</p></figure><p>${P[2]}</p></div>
<div class="submeta"><p>${PROMO}</p></div></div></main>`),
  },
  nyt: {
    url: 'https://www.nytimes.com/2026/01/01/world/budget-vote.html',
    html: chrome(`<main><article><header><h1 data-testid="headline">${TITLE}</h1></header><section name="articleBody"><div class="StoryBodyCompanionColumn"><div><p class="css-at9mc1">${P[0]}</p><p class="css-at9mc1">${P[1]}</p></div></div>
<div id="story-ad-1-wrapper"><p>${PROMO}</p></div><div class="StoryBodyCompanionColumn"><div><p class="css-at9mc1">${P[2]}</p></div></div></section><div class="bottom-of-article"><p>${PROMO}</p></div></article></main>`),
  },
  aljazeera: {
    url: 'https://www.aljazeera.com/news/2026/1/1/budget-vote-delayed',
    html: chrome(
      `<main><header class="article-header"><h1>${TITLE}</h1></header><div class="wysiwyg wysiwyg--all-content"><p>${P[0]}</p><div class="more-on"><p>${PROMO}</p></div><p>${P[1]}</p><p>${P[2]}</p></div></main>`,
    ),
  },
  npr: {
    url: 'https://www.npr.org/2026/01/01/1234567890/budget-vote-delayed',
    html: chrome(
      `<article class="story"><div class="storytitle"><h1>${TITLE}</h1></div><div id="storytext" class="storytext"><div class="bucketwrap image"><p>${PROMO}</p></div><p>${P[0]}</p><p>${P[1]}</p><div class="bucketwrap internallink"><p>${PROMO}</p></div><p>${P[2]}</p></div></article>`,
    ),
  },
  reuters: {
    url: 'https://www.reuters.com/world/budget-vote-delayed-2026-01-01/',
    html: chrome(`<main><article><h1 data-testid="Heading">${TITLE}</h1><div data-testid="ArticleBody"><div data-testid="paragraph-0">${P[0]}</div><div data-testid="paragraph-1">${P[1]}</div>
<div data-testid="ResponsiveAdSlot"><p>${PROMO}</p></div><div><p>${PROMO}</p></div><div data-testid="paragraph-2">${P[2]}</div></div></article></main>`),
  },
  washingtonpost: {
    url: 'https://www.washingtonpost.com/world/2026/01/01/budget-vote-delayed/',
    html: chrome(`<main><h1 data-qa="headline">${TITLE}</h1><div class="article-body"><p data-el="text">${P[0]}</p></div><div data-qa="article-body-ad"><p>${PROMO}</p></div>
<div class="article-body"><p data-el="text">${P[1]}</p><div data-qa="interstitial-link"><p>${PROMO}</p></div><p data-el="text">${P[2]}</p></div></main>`),
  },
  dw: {
    url: 'https://www.dw.com/en/budget-vote-delayed/a-12345678',
    html: chrome(
      `<main><article><h1>${TITLE}</h1><div class="rich-text"><p>${P[0]}</p><div class="advertisement"><p>${PROMO}</p></div><p>${P[1]}</p><p>${P[2]}</p></div></article></main>`,
    ),
  },
  france24: {
    url: 'https://www.france24.com/en/europe/20260101-budget-vote-delayed',
    html: chrome(
      `<main><article><h1 class="t-content__title">${TITLE}</h1><div class="t-content__body"><p>${P[0]}</p><div class="m-em-read-also"><p>${PROMO}</p></div><p>${P[1]}</p><div class="o-self-promo"><p>${PROMO}</p></div><p>${P[2]}</p></div></article></main>`,
    ),
  },
  cbc: {
    url: 'https://www.cbc.ca/news/politics/budget-vote-delayed-1.1234567',
    html: chrome(
      `<main><h1 class="detailHeadline">${TITLE}</h1><div class="story"><p>${P[0]}</p><div class="similarAuthorStoriesPlaceholder"><p>${PROMO}</p></div><p>${P[1]}</p><div class="sclt-inlineStory"><p>${PROMO}</p></div><p>${P[2]}</p></div></main>`,
    ),
  },
  independent: {
    url: 'https://www.independent.co.uk/news/world/budget-vote-delayed-b1234567.html',
    html: chrome(
      `<article><h1>${TITLE}</h1><div id="main"><p>${P[0]}</p><div class="inline-readmore"><p>${PROMO}</p></div><p>${P[1]}</p><div data-mpu="1"><p>${PROMO}</p></div><p>${P[2]}</p></div></article>`,
    ),
  },
  skynews: {
    url: 'https://news.sky.com/story/budget-vote-delayed-13000000',
    html: chrome(
      `<main><h1 class="sdc-article-header__title">${TITLE}</h1><div class="sdc-article-body sdc-article-body--story"><p>${P[0]}</p><div class="sdc-article-widget"><p>${PROMO}</p></div><p>${P[1]}</p><p>${P[2]}</p><div class="sdc-article-related-stories"><p>${PROMO}</p></div></div></main>`,
    ),
  },
};

describe('site rules', () => {
  it('cover every default source once', () => {
    expect(Object.keys(CASES)).toHaveLength(SITE_RULES.length);
    for (const c of Object.values(CASES)) expect(ruleFor(c.url)).not.toBeNull();
    expect(ruleFor('https://example.com/news')).toBeNull();
    expect(ruleFor('https://notbbc.co.uk/x')).toBeNull();
  });

  it.each(Object.entries(CASES))('%s: headline and body paragraphs only', (_site, { url, html }) => {
    const result = extractArticle(html, url);
    expect(result.title).toBe(TITLE);
    expect(result.paragraphs).toEqual(P);
  });

  it('npr: reads the transcript of a broadcast story, which follows #storytext in a container of its own', () => {
    const html = chrome(
      `<article class="story"><div class="storytitle"><h1>${TITLE}</h1></div><div id="storytext" class="storytext"><p>${P[0]}</p></div><div class="transcript storytext" aria-label="Transcript"><p>${P[1]}</p><p>${P[2]}</p></div></article>`,
    );
    expect(extractArticle(html, CASES.npr.url).paragraphs).toEqual(P);
  });

  it('falls back to generic extraction when the body selector no longer matches (a redesign)', () => {
    const redesigned = chrome(`<main><h1>${TITLE}</h1><div class="new-body"><p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p></div></main>`);
    expect(extractArticle(redesigned, 'https://www.bbc.co.uk/news/articles/x').paragraphs).toEqual(P);
  });
});
