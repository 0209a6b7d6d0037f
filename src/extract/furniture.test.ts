import { describe, expect, it } from 'vitest';
import { isFurnitureText } from './filter.ts';
import { FURNITURE_PATTERNS, matchesFurniture } from './furniture.ts';
import { extractArticle } from './index.ts';

// Kinds of furniture that sites put inside the article container: affiliate disclosures, the
// table of contents' label, the comment form, reading times, loading placeholders, shop buttons,
// calls to action, paywall and donation notices, opinion disclaimers. Each line is furniture as
// a whole block; the article sentences below mention the same words and must stay.

const FURNITURE = [
  'We may earn commission from links on this page, but we only recommend products we back.',
  'This post contains affiliate links. Click here to read my full disclosure.',
  'Products are chosen independently by our editors. Purchases made through our links may earn us a commission.',
  'As an Amazon Associate we earn from qualifying purchases.',
  'Note: The views expressed on Example.org are not necessarily those of the Example Institute.',
  'Table of Contents',
  'In this article:',
  'Jump to section',
  'Leave a Reply Cancel reply',
  'By posting a comment, you consent to have your personally identifiable information collected.',
  'Loading paragraph...',
  'Jane Doe | 5 min read',
  'View on Amazon',
  'Get a free quote today.',
  'PIN FOR LATER',
  '---------- SHARE YOUR STORY',
  'This article is exclusive to PLUS subscribers',
  'This story is funded by readers like you',
  'Why Trust Us?',
  'You may be interested in the following topics as well:',
  '15 Dec, 2025',
  'Editorial Note: Example News may contain affiliate links on some articles.',
  'I use affiliate links where I can, to keep reviewing sustainable!',
  'Securities and Advisory Services are: · NOT FDIC INSURED · NOT BANK GUARANTEED',
  'This article is provided for informational purposes only.',
  'In partnership with',
  'Join Our Genius Newsletter',
  'Catch up on our coverage of tech and tools, and follow us on Facebook and Instagram.',
  'Feature image by Example Studio, all other images via the brands mentioned.',
];

const ARTICLE_TEXT = [
  'Affiliate programs let streamers earn a commission when viewers buy games through their links, and many rely on them.',
  'The contents of the box were listed on the customs form, the inspectors said.',
  'She said she would leave a comment with the council before the meeting closed.',
  'Loading the lorries took three hours longer than planned because of the rain.',
  'The views expressed at the meeting were not those of the whole village, the mayor said.',
  'Readers like you asked how the fund was spent; the answer is in the accounts.',
  'The bank said the deposits were insured and that the losses were limited to its own shareholders.',
  'The partnership with the university will fund two new research posts, the company said.',
  'Thousands of fans follow the club on Instagram, where the video was first posted.',
  'The feature image of the exhibition was taken by a student from the art school.',
];

describe('furniture kinds inside the article', () => {
  it.each(FURNITURE)('is furniture: %s', (text) => expect(isFurnitureText(text)).toBe(true));
  it('judges a disclosure of two or three sentences, but no longer block', () => {
    const disclosure =
      'Disclosure: As an Amazon Associate, I earn from qualifying purchases. If you click a product link and buy it, I may receive a small share of the sale at no extra cost to you. I only recommend the tools I use in my own kitchen every week.';
    expect(disclosure.length).toBeGreaterThan(200);
    expect(isFurnitureText(disclosure)).toBe(true);
    expect(isFurnitureText(`${disclosure} ${ARTICLE_TEXT.join(' ')}`)).toBe(false);
  });
  it.each(ARTICLE_TEXT)('is article text: %s', (text) => expect(isFurnitureText(text)).toBe(false));

  it('leaves the furniture out of the body and keeps every paragraph', () => {
    const paragraphs = [
      'The city council voted on Monday to approve a plan for two thousand new homes on the old rail yard site.',
      'Critics said the roads in the area were already full and that the plan had no money for new bus routes.',
      'The developer said the first homes would be ready in three years and that a fifth of them would be affordable.',
      'A public inquiry into the plan is expected to begin in the spring, officials said on Tuesday evening.',
      ...ARTICLE_TEXT,
    ];
    const html = `<!doctype html><html><head><title>Council approves housing plan</title></head><body>
<article><h1>Council approves housing plan</h1>
<p class="disclosure">${FURNITURE[0]}</p><div class="meta">${FURNITURE[11]}</div>
<h2>${FURNITURE[5]}</h2>
${paragraphs.map((p, i) => `<p>${p}</p>${i === 3 ? `<p>${FURNITURE[10]}</p><p>${FURNITURE[16]}</p>` : ''}`).join('\n')}
<h3>${FURNITURE[8]}</h3><p>${FURNITURE[9]}</p>
</article></body></html>`;
    const body = extractArticle(html, 'https://news.example.com/housing').paragraphs;
    expect(body).toEqual(paragraphs);
  });
});

describe('matchesFurniture', () => {
  const plain = (text: string) => FURNITURE_PATTERNS.some((re) => re.test(text));
  // Each text as written, shouting, after a prefix (unanchored patterns match off the start),
  // inside a sentence, and with a non-ASCII letter next to the words.
  const variants = (t: string) => [t, t.toUpperCase(), t.toLowerCase(), `x ${t}`, `Note: ${t} Thanks.`, `${t} é`, `ſ${t}`];
  const texts = [
    ...FURNITURE,
    ...ARTICLE_TEXT,
    'Sign up for our newsletter',
    'Get the best stories delivered straight to your inbox.',
    'This site uses cookies. Accept all cookies',
    'You need to enable JavaScript to run this app.',
    '© 2024 Example Media',
    'Example Media ©',
    'All Rights Reserved.',
    'Jane Doe, 12 min read',
    'Story by Jane Doe, published 3 May 2021',
    'Header image via Example Studio',
    'This article contains content provided by Twitter.',
    'Past performance is not a guarantee of future results.',
    'Advertisement',
    'Related: the story behind the vote',
    '',
  ];
  it.each(texts.flatMap(variants))('answers as the patterns one by one: %s', (text) => {
    expect(matchesFurniture(text)).toBe(plain(text));
  });
  it('finds furniture whatever case a guarded pattern meets', () => {
    expect(matchesFurniture('SUBSCRIBE to the Daily NEWSLETTER now')).toBe(true);
    expect(matchesFurniture('The inbox was full, she said, and nobody could subscribe')).toBe(true);
    expect(matchesFurniture('Supported by PEOPLE LIKE YOU')).toBe(true);
    expect(matchesFurniture('We use cookies')).toBe(true);
    expect(matchesFurniture('Example Media 2024 ©')).toBe(true);
    expect(matchesFurniture('The cook is subscribed to nothing at all')).toBe(false);
  });
});
