/** The state the paragraph alignment steps (paragraphs.ts, regroup.ts, gaps.ts) share. */
import type { Lexicon, TokenSeq } from './lexicon.ts';
import type { Corpus } from './similarity.ts';

/** A non-empty paragraph: its position in the version's list and its normalised text. */
export interface Para {
  index: number;
  text: string;
}

/**
 * One unit of the alignment: old paragraphs [oldStart..oldEnd] correspond to new paragraphs
 * [newStart..newEnd]. 1:1 for kept and edited paragraphs, 1:n for a split, n:1 for a merge.
 */
export interface Unit {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  identical: boolean;
  weight: number;
}

/** Everything the alignment steps share: both versions, their tokens and bags, and who is paired with whom. */
export interface Alignment {
  olds: Para[];
  news: Para[];
  lexicon: Lexicon;
  oldTokens: TokenSeq[];
  newTokens: TokenSeq[];
  corpus: Corpus;
  /** For each old / new paragraph: the unit it belongs to, or null while unpaired. */
  oldUnit: (Unit | null)[];
  newUnit: (Unit | null)[];
  /** Which gap between identical LCS anchors each paragraph falls in (anchors have their own number). */
  oldGap: Int32Array;
  newGap: Int32Array;
}

/** A 1:1 unit; its chain weight prefers more pairs in place first, then closer ones. */
export function link(al: Alignment, i: number, j: number, identical: boolean, sim: number): Unit {
  const unit: Unit = { oldStart: i, oldEnd: i, newStart: j, newEnd: j, identical, weight: 1 + 0.01 * sim };
  al.oldUnit[i] = unit;
  al.newUnit[j] = unit;
  return unit;
}
