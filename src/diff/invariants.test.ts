import { describe, expect, it } from 'vitest';
import { diffVersions } from './engine.ts';
import type { DiffRow, Segment } from './types.ts';

/** Deterministic pseudo-random edits (an LCG), so a failing seed reproduces. */
function generator(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = [
    'the',
    'council',
    'said',
    'on',
    'Monday',
    '12',
    'people',
    'were',
    'hurt',
    'police',
    'a',
    'new',
    'plan',
    'vote',
    '東京',
    'café',
  ];
  const sentence = () =>
    Array.from({ length: 3 + Math.floor(next() * 12) }, () => words[Math.floor(next() * words.length)]).join(' ') + '.';
  const edit = (p: string) =>
    p
      .split(' ')
      .map((w) => (next() < 0.2 ? words[Math.floor(next() * words.length)] : w))
      .join(' ');
  return { next, sentence, edit };
}

function mutate(paragraphs: string[], g: ReturnType<typeof generator>): string[] {
  const out = [...paragraphs];
  for (let k = 0; k < 4; k++) {
    const at = Math.floor(g.next() * (out.length + 1));
    const roll = g.next();
    if (roll < 0.25) out.splice(at, 0, g.sentence());
    else if (roll < 0.5) out.splice(at, 1);
    else if (roll < 0.75 && out[at]) out[at] = g.edit(out[at]);
    else if (out.length > 1) out.splice(at, 0, ...out.splice(Math.floor(g.next() * out.length), 1));
  }
  return out;
}

const leftOf = (r: DiffRow): number[] =>
  r.kind === 'merged' ? r.leftIndices : 'leftIndex' in r && r.kind !== 'moved-to' ? [r.leftIndex] : [];
const rightOf = (r: DiffRow): number[] =>
  r.kind === 'split' ? r.rightIndices : 'rightIndex' in r && r.kind !== 'moved-from' ? [r.rightIndex] : [];
const sideText = (segments: Segment[], skip: Segment['op']) =>
  segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('');

describe('diffVersions invariants on random edits', () => {
  it('accounts for every paragraph exactly once per side, and the segments rebuild both texts', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const g = generator(seed);
      const a = Array.from({ length: Math.floor(g.next() * 15) }, g.sentence);
      const b = mutate(a, g);
      const m = diffVersions(
        { title: 'T', byline: null, published: null, paragraphs: a },
        { title: 'T', byline: null, published: null, paragraphs: b },
      );
      const lefts = m.rows.flatMap(leftOf);
      const rights = m.rows.flatMap(rightOf);
      expect(lefts, `seed ${seed}: left side in reading order`).toEqual(a.map((_, k) => k));
      expect(rights, `seed ${seed}: right side in reading order`).toEqual(b.map((_, k) => k));
      for (const row of m.rows) {
        if (row.kind === 'changed') {
          expect(
            row.left
              .filter((s) => s.op !== 'ins')
              .map((s) => s.text)
              .join(''),
          ).toBe(a[row.leftIndex]);
          expect(
            row.right
              .filter((s) => s.op !== 'del')
              .map((s) => s.text)
              .join(''),
          ).toBe(b[row.rightIndex]);
        } else if (row.kind === 'same') {
          expect(a[row.leftIndex]).toBe(b[row.rightIndex]);
        } else if (row.kind === 'moved-to' && row.edit) {
          expect(sideText(row.edit.left, 'ins')).toBe(a[row.leftIndex]);
          expect(sideText(row.edit.right, 'del')).toBe(b[row.rightIndex]);
        } else if (row.kind === 'split') {
          expect(sideText(row.left, 'ins')).toBe(a[row.leftIndex]);
          expect(row.right.map((p) => sideText(p, 'del'))).toEqual(row.rightIndices.map((j) => b[j]));
        } else if (row.kind === 'merged') {
          expect(row.left.map((p) => sideText(p, 'ins'))).toEqual(row.leftIndices.map((i) => a[i]));
          expect(sideText(row.right, 'del')).toBe(b[row.rightIndex]);
        }
      }
      const count = (kind: DiffRow['kind']) => m.rows.filter((r) => r.kind === kind).length;
      expect(count('moved-from')).toBe(count('moved-to'));
      expect(m.summary.paragraphsMoved).toBe(count('moved-to'));
    }
  });
});
