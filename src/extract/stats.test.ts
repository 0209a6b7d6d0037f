import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize.ts';
import { elementsIn, parseHtml, Removals, type ParentNode } from './dom.ts';
import { computeStats, refreshStats, visibleLength } from './stats.ts';

describe('refreshStats', () => {
  it('after removals equals a fresh computeStats of the page, for every element left', () => {
    const doc = parseHtml(`<html><body><div id="a"><p>A first paragraph that is long enough to count as prose in the page.</p>
<div class="x"><span>inline <a href="/">link text</a> and more</span><ul><li><a href="/1">one</a></li><li>two</li></ul></div>
<p>Another paragraph, <b>bold <i>and italic</i></b>, long enough to be prose as well, with words.</p></div>
<aside><p>Aside text that is also long enough to be prose, more than sixty characters.</p></aside></body></html>`);
    const stats = computeStats(doc);
    const all = elementsIn(doc);
    const body = all.find((e) => e.name === 'body')!;
    const before = { ...stats.get(body)! };
    const inList = all.find((e) => e.name === 'a' && e.attribs.href === '/1')!;
    const removals = new Removals();
    const parents: ParentNode[] = [];
    // An inline element, a list, a link inside that already removed list, an inline element of a paragraph, a whole section.
    for (const el of [
      all.find((e) => e.name === 'span')!,
      all.find((e) => e.name === 'ul')!,
      inList,
      all.find((e) => e.name === 'i')!,
      all.find((e) => e.name === 'aside')!,
    ]) {
      const parent = el.parent!;
      removals.remove(el, 'weak');
      if (!el.parent) parents.push(parent);
    }
    removals.flush();
    const raw = stats.copy();
    refreshStats(stats, parents);
    const fresh = computeStats(doc);
    const left = elementsIn(doc);
    expect(left.length).toBeLessThan(all.length);
    for (const el of left) expect(stats.get(el)).toEqual(fresh.get(el));
    // The copy taken before keeps the page's statistics before the removals.
    expect(raw.get(body)).toEqual(before);
    expect(parents).toHaveLength(4);
    expect(stats.get(body)!.text).toBeLessThan(before.text);
    expect(stats.get(body)!.prose).toBeLessThan(before.prose);
  });
});

describe('visibleLength', () => {
  // Space, \n, \t, \r, \f and NBSP runs count as one character, none before the first other one.
  const reference = (s: string) => s.replace(/[ \n\t\r\f\u00a0]+/g, ' ').replace(/^ /, '').length;
  it('counts like collapsing those spaces, for every character below U+3100', () => {
    for (let c = 0; c < 0x3100; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `${ch}${ch}a`, `a ${ch} `, `${ch}\u00a0`]) expect(visibleLength(s)).toBe(reference(s));
    }
  });
});

describe('visibleLength of a normalised text', () => {
  it('is its length (collectBlocks counts a block by its length)', () => {
    const alphabet = [
      'a',
      'Z',
      '.',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r',
      '\f',
      '\v',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u2028',
      '\u00e9',
      'e\u0301',
    ].concat(['\u200b', '\u200c', '\u0085', '\u1680', '\u202f', '\ud83d\ude00']);
    let seed = 7;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let k = 0; k < 20000; k++) {
      let s = '';
      for (let n = rnd(14); n > 0; n--) s += alphabet[rnd(alphabet.length)];
      const text = normalizeText(s);
      expect(visibleLength(text)).toBe(text.length);
    }
  });
});
