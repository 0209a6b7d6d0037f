import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION, ExtractError, extractArticle, fingerprint } from './index.ts';

const BODY = [
  'The city council voted on Monday evening to approve a new housing plan that will add two thousand homes by 2030.',
  'Supporters said the plan would ease rents, while critics warned that roads and schools in the area were already full.',
];

function newsPage(opts: { extraBody?: string; headline?: string } = {}): string {
  const headline = opts.headline ?? 'Council approves housing plan';
  return `<!doctype html><html><head>
<title>${headline} | The Daily Example</title>
<meta property="og:title" content="${headline}"><meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2026-01-05T10:00:00Z">
<link rel="canonical" href="/news/housing-plan?ref=canon">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${headline}","author":[{"@type":"Person","name":"Ann Writer"}]}</script>
</head><body>
<div id="cookie-notice"><p>We use cookies to improve your experience on our site. Accept all cookies to continue reading.</p></div>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>${headline}</h1>
<div class="byline">By Ann Writer</div><p class="timestamp">Updated 3 minutes ago</p>
<div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Share on X</a></div>
<div class="story-body">
<p>${BODY[0]}</p>
<div class="ad-slot"><p>Advertisement</p><iframe src="https://ads.example/1"></iframe></div>
<h2>What happens next</h2>
<p>${BODY[1]}</p>
<ul><li>Work on the first site starts in the spring of next year.</li><li>A public consultation runs until the end of March.</li></ul>
<blockquote><p>“This is the most important decision we have taken in a decade,” the council leader said.</p></blockquote>
${opts.extraBody ?? ''}
<figure><img src="a.jpg"><figcaption>The site of the new homes. Photo: Example Agency</figcaption></figure>
<div class="newsletter-signup"><p>Get our morning briefing: the news you need, in your inbox every day before breakfast.</p></div>
</div>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Rents rise again in the city centre this year</a></li><li><a href="/b">Schools warn of shortage of places</a></li></ul></aside>
<section id="comments"><p>Great news, about time the council did something about the housing crisis in this town!</p></section>
</article></main>
<footer><p>© 2026 The Daily Example. All rights reserved. Registered in England and Wales.</p></footer>
</body></html>`;
}

describe('extractArticle', () => {
  const result = extractArticle(newsPage(), 'https://daily.example/news/housing-plan');

  it('reads headline, byline, published time and canonical URL', () => {
    expect(result.title).toBe('Council approves housing plan');
    expect(result.byline).toBe('Ann Writer');
    expect(result.published).toBe('2026-01-05T10:00:00Z');
    expect(result.canonicalUrl).toBe('https://daily.example/news/housing-plan?ref=canon');
    expect(result.extractorVersion).toBe(EXTRACTOR_VERSION);
  });

  it('keeps paragraphs, sub-headings, list items and quotes in order, and nothing else', () => {
    expect(result.paragraphs).toEqual([
      BODY[0],
      'What happens next',
      BODY[1],
      'Work on the first site starts in the spring of next year.',
      'A public consultation runs until the end of March.',
      '“This is the most important decision we have taken in a decade,” the council leader said.',
    ]);
  });

  it('fingerprints headline and paragraphs', () => {
    expect(result.fingerprint).toBe(fingerprint(result.title, result.paragraphs));
    expect(result.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('strips a site-name suffix from <title> when there is no better headline', () => {
    const html = `<html><head><title>Storm closes schools across the north - Example News</title></head><body><div><p>${BODY[0]}</p><p>${BODY[1]}</p></div></body></html>`;
    expect(extractArticle(html, 'https://x.example/a').title).toBe('Storm closes schools across the north');
  });

  it('splits div-and-br layouts into paragraphs at <br><br> and decodes entities', () => {
    const html = `<html><body><div class="post">${BODY[0]}<br><br>Caf&eacute; owners &amp; residents welcomed the move,<br>saying the neighbourhood badly needed more homes.</div></body></html>`;
    expect(extractArticle(html, 'https://x.example/b').paragraphs).toEqual([
      BODY[0],
      'Café owners & residents welcomed the move, saying the neighbourhood badly needed more homes.',
    ]);
  });

  it('rejects binary and markup-less input as not-html, pages without text as empty', () => {
    const kind = (html: string) => {
      try {
        extractArticle(html, 'https://x.example/c');
        return 'ok';
      } catch (err) {
        expect(err).toBeInstanceOf(ExtractError);
        return (err as ExtractError).kind;
      }
    };
    expect(kind('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toBe('not-html');
    expect(kind('just some plain text without any markup at all')).toBe('not-html');
    expect(kind('<html><body><nav><a href="/">Home</a></nav></body></html>')).toBe('empty');
  });

  it('takes a body of one short line (a soft error page) for no article, and a short sentence in any script for one', () => {
    const body = (html: string) => {
      try {
        return extractArticle(html, 'https://x.example/c').paragraphs;
      } catch (err) {
        return (err as ExtractError).kind;
      }
    };
    const page = (p: string) => `<html><head><title>Council news</title></head><body><p>${p}</p></body></html>`;
    for (const line of ['Service unavailable', 'Access denied', 'Just a moment...', 'Please enable JavaScript'])
      expect(body(page(line))).toBe('empty');
    expect(body(page('The page you asked for could not be found.'))).toEqual(['The page you asked for could not be found.']);
    // Written without spaces: each character counts as a word.
    expect(body(page('市议会周一投票批准了新的住房计划。'))).toEqual(['市议会周一投票批准了新的住房计划。']);
    expect(body(page('उत्तर प्रदेश में आज भारी बारिश हुई।'))).toEqual(['उत्तर प्रदेश में आज भारी बारिश हुई।']);
  });

  it('survives pathological nesting without a stack overflow', () => {
    const deep = '<div>'.repeat(20000) + `<p>${BODY[0]}</p>` + '</div>'.repeat(20000);
    expect(extractArticle(`<html><body>${deep}</body></html>`, 'https://x.example/d').paragraphs).toContain(BODY[0]);
    const unclosed = '<font>'.repeat(30000) + BODY[1];
    expect(() => extractArticle(`<html><body><p>${unclosed}</p></body></html>`, 'https://x.example/e')).not.toThrow();
  });
});

describe('fingerprint', () => {
  it('ignores whitespace and Unicode normalisation differences', () => {
    expect(fingerprint(' Title ', ['a  b', 'Cafe\u0301'])).toBe(fingerprint('Title', ['a b', 'Café']));
  });

  it('changes with the headline, a word, or the paragraph split', () => {
    const base = fingerprint('Title', ['one two', 'three']);
    expect(fingerprint('Title!', ['one two', 'three'])).not.toBe(base);
    expect(fingerprint('Title', ['one too', 'three'])).not.toBe(base);
    expect(fingerprint('Title', ['one', 'two three'])).not.toBe(base);
  });
});
