import { sortedDice } from './similarity.ts';
import { Interner, isWord } from './tokens.ts';

/** Two paragraphs are the same paragraph, edited, when at least half their words are shared (Dice). */
export const PAIR_THRESHOLD = 0.5;

/** Paragraphs this similar, facing each other at the edge of a gap, are paired without a search. */
const SURE = 0.8;

/** Largest gap (old × new paragraphs between two anchors) we pair; past it, unpaired rows are cheaper than a quadratic scan. */
const MAX_PAIR_CELLS = 250_000;
/** Gaps up to this many cells compare every pair; larger ones only pairs near the gap's diagonal. */
const FULL_CELLS = 1_600;
/** How far (in paragraphs) from the diagonal a large gap still looks for a partner. */
const BAND = 12;

/** A paragraph's words, case-folded, as a sorted multiset of ids. */
export type WordBag = Int32Array;

export function wordBag(tokens: string[], interner: Interner): WordBag {
  const ids: number[] = [];
  for (const t of tokens) if (isWord(t)) ids.push(interner.id(t.toLowerCase()));
  return Int32Array.from(ids).sort();
}

/** Dice coefficient on word multisets: 2·|A∩B| / (|A|+|B|). */
export function similarity(a: WordBag, b: WordBag): number {
  if (a.length === 0 && b.length === 0) return 1;
  // Even full overlap of the shorter bag cannot reach the threshold: skip the merge.
  if ((2 * Math.min(a.length, b.length)) / (a.length + b.length) < PAIR_THRESHOLD) return 0;
  return sortedDice(a, b);
}

/**
 * Pairs the old and new paragraphs of one gap (between two identical anchors). Takes each
 * paragraph's tokens; returns [oldPos, newPos] positions within the given lists, in order.
 *
 * Paragraphs edited in place are the common case, so sure pairs (similarity >= SURE) are first
 * taken from both ends of the gap at linear cost; the rest goes to the best-match search.
 */
export function pairParagraphs(oldTokens: string[][], newTokens: string[][], interner: Interner): [number, number][] {
  const n = oldTokens.length;
  const m = newTokens.length;
  if (n === 0 || m === 0) return [];
  const oldBags = oldTokens.map((t) => wordBag(t, interner));
  const newBags = newTokens.map((t) => wordBag(t, interner));
  let head = 0;
  while (head < n && head < m && similarity(oldBags[head], newBags[head]) >= SURE) head++;
  let tail = 0;
  while (head + tail < n && head + tail < m && similarity(oldBags[n - 1 - tail], newBags[m - 1 - tail]) >= SURE) tail++;
  const middle = bestPairs(oldBags.slice(head, n - tail), newBags.slice(head, m - tail));
  const pairs: [number, number][] = [];
  for (let k = 0; k < head; k++) pairs.push([k, k]);
  for (const [i, j] of middle) pairs.push([head + i, head + j]);
  for (let k = tail; k > 0; k--) pairs.push([n - k, m - k]);
  return pairs;
}

/**
 * Best order-preserving pairing: maximises the total similarity over pairs that pass the
 * threshold (a weighted LCS), so a paragraph pairs with the one it resembles most, not the one
 * that happens to stand at the same position. In large gaps only partners within BAND positions
 * of the diagonal are considered, which keeps a total rewrite of a long article cheap; a
 * paragraph moved far *and* edited then shows as removed plus added.
 */
function bestPairs(oldBags: WordBag[], newBags: WordBag[]): [number, number][] {
  const n = oldBags.length;
  const m = newBags.length;
  if (n === 0 || m === 0 || n * m > MAX_PAIR_CELLS) return [];
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const everyPair = n * m <= FULL_CELLS;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const near = everyPair || Math.abs(j - (i * m) / n) <= BAND;
      const sim = near ? similarity(oldBags[i - 1], newBags[j - 1]) : 0;
      const diagonal = sim >= PAIR_THRESHOLD ? score[(i - 1) * width + j - 1] + sim : -1;
      score[i * width + j] = Math.max(score[(i - 1) * width + j], score[i * width + j - 1], diagonal);
    }
  }
  const pairs: [number, number][] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const here = score[i * width + j];
    if (here === score[(i - 1) * width + j]) i--;
    else if (here === score[i * width + j - 1]) j--;
    else {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    }
  }
  return pairs.reverse();
}
