import { describe, expect, it } from 'vitest';
import { lcsMatches } from './myers.ts';

/** Reference LCS length by dynamic programming. */
function lcsLength(a: number[], b: number[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
    }
  }
  return dp[a.length][b.length];
}

/** Deterministic pseudo-random sequences (a small LCG) so failures reproduce. */
function sequence(seed: number, length: number, alphabet: number): number[] {
  let s = seed;
  return Array.from({ length }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % alphabet;
  });
}

function checkValid(a: number[], b: number[], matches: [number, number][]) {
  for (let i = 0; i < matches.length; i++) {
    const [x, y] = matches[i];
    expect(a[x]).toBe(b[y]);
    if (i > 0) {
      expect(x).toBeGreaterThan(matches[i - 1][0]);
      expect(y).toBeGreaterThan(matches[i - 1][1]);
    }
  }
}

describe('lcsMatches', () => {
  it.each([
    ['both empty', [], []],
    ['left empty', [], [1, 2]],
    ['right empty', [1, 2], []],
    ['identical', [1, 2, 3], [1, 2, 3]],
    ['one inserted', [1, 2, 3], [1, 9, 2, 3]],
    ['one deleted', [1, 2, 3], [1, 3]],
    ['disjoint', [1, 2, 3], [4, 5, 6]],
    ['classic ABCABBA/CBABAC', [0, 1, 2, 0, 1, 1, 0], [2, 1, 0, 1, 0, 2]],
  ])('%s', (_name, a, b) => {
    const matches = lcsMatches(a, b)!;
    checkValid(a, b, matches);
    expect(matches.length).toBe(lcsLength(a, b));
  });

  it('finds a longest common subsequence on random inputs', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const a = sequence(seed, 5 + (seed % 40), 2 + (seed % 7));
      const b = sequence(seed * 7 + 3, 5 + ((seed * 3) % 40), 2 + (seed % 7));
      const matches = lcsMatches(a, b)!;
      checkValid(a, b, matches);
      expect(matches.length).toBe(lcsLength(a, b));
    }
  });

  it('gives up (null) instead of going quadratic past its budget', () => {
    const a = sequence(1, 5000, 1000);
    const b = sequence(2, 5000, 1000).map((x) => x + 1000);
    expect(lcsMatches(a, b, 10_000)).toBeNull();
    expect(lcsMatches(a, a, 10_000)!.length).toBe(5000);
  });
});
