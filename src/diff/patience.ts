import type { Match } from './myers.ts';

/**
 * Cheap alignment for inputs too large for Myers within budget: items that occur exactly once on
 * each side, kept in the longest run that is increasing on both sides (patience diff). O(n log n).
 */
export function patienceMatches<T>(a: ArrayLike<T>, b: ArrayLike<T>): Match[] {
  const countA = counts(a);
  const countB = counts(b);
  const positionInB = new Map<T, number>();
  for (let j = 0; j < b.length; j++) if (countB.get(b[j]) === 1) positionInB.set(b[j], j);
  const candidates: Match[] = [];
  for (let i = 0; i < a.length; i++) {
    const j = positionInB.get(a[i]);
    if (j !== undefined && countA.get(a[i]) === 1) candidates.push([i, j]);
  }
  return longestIncreasing(candidates);
}

function counts<T>(items: ArrayLike<T>): Map<T, number> {
  const map = new Map<T, number>();
  for (let i = 0; i < items.length; i++) map.set(items[i], (map.get(items[i]) ?? 0) + 1);
  return map;
}

/** Longest subsequence of candidates (already increasing in left index) increasing in right index. */
function longestIncreasing(candidates: Match[]): Match[] {
  const tails: number[] = []; // tails[len-1] = index of the candidate ending the best run of that length
  const previous = new Int32Array(candidates.length).fill(-1);
  for (let c = 0; c < candidates.length; c++) {
    const y = candidates[c][1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[tails[mid]][1] < y) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[c] = tails[lo - 1];
    tails[lo] = c;
  }
  const run: Match[] = [];
  for (let c = tails.length ? tails[tails.length - 1] : -1; c !== -1; c = previous[c]) run.push(candidates[c]);
  return run.reverse();
}
