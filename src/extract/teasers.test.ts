import { describe, expect, it } from 'vitest';
import { parseHtml, textOf, type Element } from './dom.ts';
import { computeStats } from './stats.ts';
import { removeTeaserLists } from './teasers.ts';

// A list of teasers (linked headlines with a line of summary) goes; the entries of a ranked
// listicle look the same (each names a thing with its own page) but are the article.

function removed(html: string): string[] {
  const doc = parseHtml(html);
  const out: string[] = [];
  removeTeaserLists(doc, computeStats(doc), (el: Element) => out.push(textOf(el).trim().slice(0, 20)));
  return out;
}

const entry = (heading: string, i: number) =>
  `<div class="item"><h2>${heading}<a href="/school-${i}">School number ${i}</a></h2><p>School ${i} is known for its teaching and its links with the industry nearby.</p></div>`;

describe('removeTeaserLists', () => {
  it('removes sibling cards with linked headlines', () => {
    const html = `<html><body><div class="list">${[1, 2, 3, 4].map((i) => entry('', i)).join('')}</div></body></html>`;
    expect(removed(html)).toHaveLength(4);
  });

  it('keeps the entries of a ranked listicle whose headings count on', () => {
    const html = `<html><body><div class="list">${[1, 2, 3, 4].map((i) => entry(`${i}. `, i)).join('')}</div></body></html>`;
    expect(removed(html)).toEqual([]);
  });

  it('keeps them when longer entries between them are not teasers', () => {
    const long = (i: number) =>
      `<div class="item"><h2>${i}. <a href="/s${i}">School ${i}</a></h2><p>${'A long description of the school and its programmes. '.repeat(14)}</p></div>`;
    const html = `<html><body><div class="list">${entry('1. ', 1)}${long(2)}${entry('3. ', 3)}${long(4)}${entry('5. ', 5)}</div></body></html>`;
    expect(removed(html)).toEqual([]);
  });

  it('still removes numbered cards that do not count on (a "most read" box of ranks out of order)', () => {
    const html = `<html><body><div class="list">${[3, 1, 4, 2].map((i) => entry(`${i}. `, i)).join('')}</div></body></html>`;
    expect(removed(html)).toHaveLength(4);
  });
});
