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

describe('longAfterTitle', () => {
  const article = (inserted: string) =>
    `<html><body><p>Menu and a line of site text long enough to count as a long block here.</p><div class="story"><h1>Council votes on the road</h1>` +
    `<p>By A. Writer</p>${inserted}<p class="dek">The vote on the new road was closer than anyone on the council expected it to be.</p>` +
    `${[1, 2, 3, 4].map(para).join('')}</div></body></html>`;
  const values = (html: string) => {
    const { analysis } = analyseHtml(html, 'https://news.example.com/road');
    return analysis.blocks.map((b, i) => [b.text.slice(0, 12), analysis.base[i][F.longAfterTitle]]);
  };

  it('counts the long blocks under the headline, from 0 for the standfirst', () => {
    expect(values(article(''))).toEqual([
      ['Menu and a l', -1],
      ['Council vote', -1],
      ['By A. Writer', 0],
      ['The vote on ', 0],
      ['Paragraph 1 ', 1],
      ['Paragraph 2 ', 2],
      ['Paragraph 3 ', 3],
      ['Paragraph 4 ', 3],
    ]);
  });

  it('is not moved by a newsletter promo (cut) inserted between the headline and the standfirst', () => {
    const promo = '<p>Sign up for our newsletter to get the latest news delivered to your inbox every morning.</p>';
    const steady = (html: string) => values(html).filter(([t]) => t !== 'Sign up for ');
    expect(steady(article(promo))).toEqual(values(article('')));
  });
});
