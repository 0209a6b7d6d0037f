import { describe, expect, it } from 'vitest';
import { F } from './feature-names.ts';
import { analyseHtml } from './index.ts';

// A related list, an ad or a share bar inserted beside the article's paragraphs is cut by the
// passes; the features of the paragraphs' parent are read without it, so no paragraph's
// features (and so no decision of the model) move when it comes or goes.

const para = (i: number) =>
  `<p>Paragraph ${i} of the story tells what the council decided on the new road, and why the vote was so close this time.</p>`;
const items = [1, 2, 3, 4].map((i) => `<li><a href="/news/${i}">Story ${i}: Minister resigns over report ${i}</a></li>`).join('');
const page = (inserted: string) =>
  `<html><body><h1>Council votes on the road</h1><div class="story">${[1, 2, 3, 4, 5].map(para).join('')}${inserted}</div></body></html>`;

const PARENT = [F.parentLogText, F.parentLinkDensity, F.parentProseShare];
function parentFeatures(html: string): number[][] {
  const { analysis } = analyseHtml(html, 'https://news.example.com/road');
  return analysis.blocks.flatMap((b, i) => (b.kind === 'p' ? [PARENT.map((f) => analysis.base[i][f])] : []));
}

describe('parent features without what the passes cut', () => {
  it.each([
    ['an anonymous related list', `<section><h2>More on this story</h2><ul>${items}</ul></section>`],
    ['a related list with a telling class', `<div class="related-stories"><h3>Related stories</h3><ul>${items}</ul></div>`],
    ['a bare link list', `<ul>${items}</ul>`],
  ])('are not moved by %s inserted after the last paragraph', (_name, inserted) => {
    const before = parentFeatures(page(''));
    expect(before).toHaveLength(5);
    expect(parentFeatures(page(inserted))).toEqual(before);
  });

  it('still see the parent of a paragraph that no pass cut anything from', () => {
    const [first] = parentFeatures(page(''));
    expect(first[0]).toBeGreaterThan(Math.log1p(500));
    expect(first[1]).toBe(0);
  });
});

describe('parent features inside a wrapper a later pass cut', () => {
  // The weak pass takes out the wrapper ("sidebar" class) after the link pass took the list out
  // of it: the list is left out of the wrapper's own statistics too.
  const wrapped = (inserted: string) =>
    `<html><body><h1>Council votes on the road</h1><div class="story">${[1, 2, 3, 4, 5, 6, 7, 8].map(para).join('')}</div>` +
    `<div class="sidebar-widget">${[1, 2].map(para).join('')}${inserted}</div></body></html>`;

  it('are not moved by a related list inserted beside the wrapper’s paragraphs', () => {
    const before = parentFeatures(wrapped(''));
    expect(before).toHaveLength(10);
    expect(parentFeatures(wrapped(`<section><h2>More on this story</h2><ul>${items}</ul></section>`))).toEqual(before);
  });
});
