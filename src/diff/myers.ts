/**
 * Longest common subsequence of two sequences (tokens or paragraphs, compared with ===) by Myers'
 * O((N+M)·D) algorithm. Equal prefixes and suffixes are matched first, so near-identical inputs
 * cost O(N). Returns the matched index pairs in order, or null when the work would exceed
 * `budget` steps: callers fall back to something cheaper instead of going quadratic.
 */
export type Match = [leftIndex: number, rightIndex: number];

export const DEFAULT_BUDGET = 2_000_000;

/** The shared head a[0..start) = b[0..start) and tail a[endA..) = b[endB..) of two sequences. */
export function commonEnds<T>(a: ArrayLike<T>, b: ArrayLike<T>): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

export function lcsMatches<T>(a: ArrayLike<T>, b: ArrayLike<T>, budget = DEFAULT_BUDGET): Match[] | null {
  const { start, endA, endB } = commonEnds(a, b);
  const middle = myersPairs(a, b, start, endA, start, endB, budget);
  if (middle === null) return null;
  const matches: Match[] = [];
  for (let i = 0; i < start; i++) matches.push([i, i]);
  for (let k = 0; k < middle.length; k += 2) matches.push([middle[k], middle[k + 1]]);
  for (let i = 0; endA + i < a.length; i++) matches.push([endA + i, endB + i]);
  return matches;
}

/**
 * Forward greedy Myers on a[a0..a1) × b[b0..b1), keeping each round's frontier for the backtrack.
 * The matches come flat and in order: [a index, b index, a index, b index, ...]; null over budget.
 */
export function myersPairs<T>(
  a: ArrayLike<T>,
  b: ArrayLike<T>,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  budget: number,
): number[] | null {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0) return [];
  const max = n + m;
  const offset = max + 1;
  const v = scratch(0, 2 * max + 3);
  v.fill(0, 0, 2 * max + 3);
  // Frontier snapshots, all rounds in one buffer: round d's 2d+1 entries start at d², and
  // trace[d² + k + d] = furthest x on diagonal k before round d.
  let trace = scratch(1, Math.min((max + 1) * (max + 1), 1024));
  let work = 0;
  for (let d = 0; d <= max; d++) {
    const base = d * d;
    if (base + 2 * d + 1 > trace.length) trace = scratch(1, Math.min((max + 1) * (max + 1), 2 * (base + 2 * d + 1)), trace, base);
    for (let k = 0; k <= 2 * d; k++) trace[base + k] = v[offset - d + k];
    work += 2 * d + 1;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      const x0 = x;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      work += x - x0;
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m, a0, b0);
    }
    if (work > budget) return null;
  }
  return null; // unreachable: d = n + m always reaches the end
}

/**
 * Work buffers reused between calls (the diff is single-threaded and never re-enters Myers):
 * each call would otherwise allocate, and the garbage collector then runs far more often.
 * A buffer that grows carries over `keep` entries of `from`; buffers past RETAINED entries are not kept.
 */
const buffers = [new Int32Array(256), new Int32Array(1024)];
const RETAINED = 1 << 16;

function scratch(which: number, length: number, from?: Int32Array, keep = 0): Int32Array {
  const buffer = buffers[which];
  if (buffer.length >= length) return buffer;
  const grown = new Int32Array(Math.max(length, Math.min(2 * buffer.length, RETAINED)));
  if (from && keep) grown.set(from.subarray(0, keep));
  if (grown.length <= RETAINED) buffers[which] = grown;
  return grown;
}

function backtrack(trace: Int32Array, last: number, n: number, m: number, a0: number, b0: number): number[] {
  const matches: number[] = [];
  let x = n;
  let y = m;
  for (let d = last; d >= 0; d--) {
    const at = d * d + d; // trace[at + k] is the furthest x on diagonal k before round d
    const k = x - y;
    const prevK = k === -d || (k !== d && trace[at + k - 1] < trace[at + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : trace[at + prevK];
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      matches.push(b0 + y - 1, a0 + x - 1);
      x--;
      y--;
    }
    x = prevX;
    y = prevY;
  }
  return matches.reverse();
}
