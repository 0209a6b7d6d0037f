import { describe, expect, it } from 'vitest';
import { removeJunk } from './clean.ts';
import { Element, elementsIn, parseHtml, textOf, type ParentNode } from './dom.ts';
import { extractArticle } from './index.ts';
import { MAX_MOVES, placeStreamedSegments } from './streamed.ts';

// React's streamed server rendering (most Next.js pages): the late parts of the page come at the
// end of the body as hidden segments, and inline scripts move them over their placeholders and
// loading fallbacks. A reader sees the segments' text in place and never the fallbacks.

const PARAGRAPHS = [
  'The city council voted on Monday to approve a plan for two thousand new homes on the old rail yard site.',
  'Critics said the roads in the area were already full and that the plan had no money for new bus routes.',
  'The developer said the first homes would be ready in three years and that a fifth of them would be affordable.',
  'A public inquiry into the plan is expected to begin in the spring, officials said on Tuesday evening.',
  'Residents who spoke at the meeting asked for a new school and a health centre to be built before the homes.',
];
const p = (i: number) => `<p>${PARAGRAPHS[i]}</p>`;

/** Paragraphs 0-1 in the page, 2-4 streamed: `scripts` and `comments` as a saved page may lack them. */
function streamedPage(opts: { scripts: boolean; comments: boolean }): string {
  const c = (data: string) => (opts.comments ? `<!--${data}-->` : '');
  const s = (code: string) => (opts.scripts ? `<script>${code}</script>` : '');
  return `<!doctype html><html><head><title>Council approves housing plan</title></head><body>
<main><article><h1>Council approves housing plan</h1>
${p(0)}${p(1)}
${c('$?')}<template id="B:0"></template><div class="skeleton">Loading paragraph...</div>${c('/$')}
<template id="P:1"></template>
</article></main>
<footer><p>© 2026 The Daily Example. All rights reserved.</p></footer>
<div hidden id="S:0">${p(2)}${p(3)}</div>${s('$RC("B:0","S:0")')}
<div hidden id="S:1">${p(4)}</div>${s('$RS("S:1","P:1")')}
</body></html>`;
}

const body = (html: string) => extractArticle(html, 'https://news.example.com/housing').paragraphs;

describe('placeStreamedSegments', () => {
  it('reads the streamed paragraphs where the scripts put them, without the loading fallback', () => {
    expect(body(streamedPage({ scripts: true, comments: true }))).toEqual(PARAGRAPHS);
  });

  it('pairs segments with placeholders and boundaries by number on a page saved without its scripts', () => {
    const doc = parseHtml(streamedPage({ scripts: false, comments: true }));
    placeStreamedSegments(elementsIn(doc));
    const article = elementsIn(doc).find((el) => el.name === 'article')!;
    expect(textOf(article)).not.toContain('Loading paragraph');
    expect(body(streamedPage({ scripts: false, comments: true }))).toEqual(PARAGRAPHS);
  });

  it('keeps a fallback whose end is not marked (a page saved without comments) and still reads the segments in place', () => {
    const doc = parseHtml(streamedPage({ scripts: false, comments: false }));
    placeStreamedSegments(elementsIn(doc));
    const article = elementsIn(doc).find((el) => el.name === 'article')!;
    for (const text of PARAGRAPHS) expect(textOf(article)).toContain(text);
  });

  it('leaves hidden elements that are no segment of a stream hidden', () => {
    const html = streamedPage({ scripts: true, comments: true }).replace(
      '</article>',
      '<div hidden id="S:9"><p>A draft paragraph the page never shows to a reader, left hidden in the markup.</p></div></article>',
    );
    expect(body(html)).toEqual(PARAGRAPHS);
  });

  it('lists the elements in their new document order once the segments are moved', () => {
    const doc = parseHtml(streamedPage({ scripts: true, comments: true }));
    removeJunk(doc);
    const walk = (node: ParentNode): Element[] => node.children.flatMap((c) => (c instanceof Element ? [c, ...walk(c)] : []));
    const all = elementsIn(doc);
    expect(all).toEqual(walk(doc));
    // The last streamed paragraph comes before the footer now.
    const last = all.findIndex((el) => el.name === 'p' && textOf(el) === PARAGRAPHS[4]);
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThan(all.findIndex((el) => el.name === 'footer'));
  });

  it(`makes at most ${MAX_MOVES} moves, however many segments a page sends`, () => {
    const n = MAX_MOVES + 5;
    const slots = Array.from({ length: n }, (_v, i) => `<template id="P:${i.toString(16)}"></template>`).join('');
    const segments = Array.from({ length: n }, (_v, i) => `<div hidden id="S:${i.toString(16)}"><b>w${i}</b></div>`).join('');
    const doc = parseHtml(`<body><div id="slots">${slots}</div>${segments}</body>`);
    expect(placeStreamedSegments(elementsIn(doc))).toBe(true);
    const slotsDiv = elementsIn(doc).find((el) => el.attribs.id === 'slots')!;
    expect(slotsDiv.children.filter((c) => c instanceof Element && c.name === 'b')).toHaveLength(MAX_MOVES);
  });
});
