import { describe, expect, it } from 'vitest';
import { heaviestChain, type ChainItem } from './chain.ts';

const item = (o: number, n: number, weight = 1, oEnd = o, nEnd = n): ChainItem => ({
  oldStart: o,
  oldEnd: oEnd,
  newStart: n,
  newEnd: nEnd,
  weight,
});
const pairs = (chain: ChainItem[]) => chain.map((c) => [c.oldStart, c.newStart]);

describe('heaviestChain', () => {
  it.each([
    ['empty', [], []],
    [
      'in order',
      [item(0, 0), item(1, 1), item(2, 2)],
      [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
    ],
    [
      'one moved to the end',
      [item(0, 2), item(1, 0), item(2, 1)],
      [
        [1, 0],
        [2, 1],
      ],
    ],
    ['the heavier of two crossing pairs', [item(0, 1, 1), item(1, 0, 1.5)], [[1, 0]]],
    [
      'two candidates for one old item never both join',
      [item(0, 0, 1), item(0, 1, 1), item(1, 2, 1)],
      [
        [0, 0],
        [1, 2],
      ],
    ],
    [
      'a range blocks what it covers',
      [item(0, 0, 1, 0, 1), item(1, 1), item(2, 2)],
      [
        [0, 0],
        [2, 2],
      ],
    ],
  ])('%s', (_name, items, expected) => {
    expect(pairs(heaviestChain(items as ChainItem[], 5))).toEqual(expected);
  });
});
