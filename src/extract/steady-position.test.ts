import { describe, expect, it } from 'vitest';
import { F } from './feature-names.ts';
import { analyseHtml } from './index.ts';

const para = (i: number) =>
  `<p>Paragraph ${i} of the story tells what the council decided on the new road, and why the vote was so close this time.</p>`;
const items = [1, 2, 3, 4].map((i) => `<li><a href="/news/${i}">Story ${i}: Minister resigns over report ${i}</a></li>`).join('');
const page = (inserted: string) =>
  `<html><body><h1>Council votes on the road</h1><div class="story">${[1, 2, 3].map(para).join('')}${inserted}${[4, 5, 6].map(para).join('')}</div></body></html>`;

function paragraphs(html: string, f: number): number[] {
  const { analysis } = analyseHtml(html, 'https://news.example.com/road');
  return analysis.blocks.flatMap((b, i) => (b.kind === 'p' ? [analysis.base[i][f]] : []));
}

describe('sectionText', () => {
  it('is not split by the cut heading of a related list inserted between paragraphs', () => {
    const before = paragraphs(page(''), F.sectionText);
    expect(before).toHaveLength(6);
    expect(new Set(before).size).toBe(1);
    expect(paragraphs(page(`<section><h2>More on this story</h2><ul>${items}</ul></section>`), F.sectionText)).toEqual(before);
  });

  it('is split by a heading of the article', () => {
    const split = paragraphs(page('<h2>What the council said about the new road</h2>'), F.sectionText);
    expect(split[0]).toBe(split[5]);
    expect(split[0]).toBeLessThan(paragraphs(page(''), F.sectionText)[0]);
  });
});
