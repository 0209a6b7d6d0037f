import type { Alignment, Unit } from './alignment.ts';
import type { TokenSeq } from './lexicon.ts';
import type { Bag } from './similarity.ts';
import { diffParts } from './words.ts';

/** A split (one old paragraph, several new) or a merge (the reverse), with the pair it grew from. */
export interface Group extends Unit {
  mainOld: number;
  mainNew: number;
}

/** A neighbour is worth trying as a part when this share of its weight is found in the whole. */
const CONTAINED = 0.6;
/** A split or merge must read as the same text: word Dice of the whole against the joined parts. */
const GROUP_MIN = 0.8;
/** ...and the new part must explain itself: joining it removes at least this share of its words from the changes. */
const EXPLAINED = 0.5;

/**
 * Step 3: an edited pair (x, y) where y's free neighbours hold the rest of x's text is a split
 * of x; where x's free neighbours hold the rest of y's text it is a merge into y. Parts are added
 * one neighbour at a time while the joined text keeps matching better.
 */
export function findGroups(al: Alignment): void {
  const pairs = al.oldUnit.filter((u): u is Unit => u !== null && !u.identical && u.oldStart === u.oldEnd && u.newStart === u.newEnd);
  for (const u of pairs) {
    if (al.oldUnit[u.oldStart] !== u) continue;
    grow(al, u, 'split') || grow(al, u, 'merge');
  }
}

function grow(al: Alignment, u: Unit, kind: 'split' | 'merge'): boolean {
  const split = kind === 'split';
  const whole = split ? u.oldStart : u.newStart;
  const wholeTokens = split ? al.oldTokens[whole] : al.newTokens[whole];
  const wholeBag = split ? al.corpus.old[whole] : al.corpus.new[whole];
  const partBags = split ? al.corpus.new : al.corpus.old;
  const partUnit = split ? al.newUnit : al.oldUnit;
  const partTokens = split ? al.newTokens : al.oldTokens;
  let lo = split ? u.newStart : u.oldStart;
  let hi = lo;
  // The pair's own score is only needed once a neighbour looks like a part: most pairs have none.
  let current: Fit | null = null;
  let grown = false;
  for (;;) {
    let step = 0;
    for (const side of [hi + 1, lo - 1]) {
      if (side < 0 || side >= partUnit.length || partUnit[side] || al.corpus.containment(partBags[side], wholeBag) < CONTAINED) continue;
      current ??= fit(al, wholeTokens, wholeBag, [partTokens[lo]], [partBags[lo]], split);
      const from = Math.min(lo, side);
      const to = Math.max(hi, side);
      const ids = Array.from({ length: to - from + 1 }, (_, k) => from + k);
      const joined = fit(
        al,
        wholeTokens,
        wholeBag,
        ids.map((p) => partTokens[p]),
        ids.map((p) => partBags[p]),
        split,
      );
      const gain = current.changes - joined.changes;
      if (joined.dice >= GROUP_MIN && gain >= Math.max(1, EXPLAINED * partBags[side].words)) {
        current = joined;
        [lo, hi] = [from, to];
        step = 1;
        break;
      }
    }
    if (!step) break;
    grown = true;
  }
  if (!grown) return false;
  const group: Group = split
    ? {
        oldStart: whole,
        oldEnd: whole,
        newStart: lo,
        newEnd: hi,
        identical: false,
        weight: u.weight,
        mainOld: u.oldStart,
        mainNew: u.newStart,
      }
    : {
        oldStart: lo,
        oldEnd: hi,
        newStart: whole,
        newEnd: whole,
        identical: false,
        weight: u.weight,
        mainOld: u.oldStart,
        mainNew: u.newStart,
      };
  for (let i = group.oldStart; i <= group.oldEnd; i++) al.oldUnit[i] = group;
  for (let j = group.newStart; j <= group.newEnd; j++) al.newUnit[j] = group;
  return true;
}

interface Fit {
  /** Word Dice between the whole and the parts joined. */
  dice: number;
  /** Words added plus words removed. */
  changes: number;
}

/** How well a whole paragraph and its parts joined match, from the word diff. */
function fit(al: Alignment, wholeTokens: TokenSeq, wholeBag: Bag, parts: TokenSeq[], partBags: Bag[], split: boolean): Fit {
  const d = split ? diffParts([wholeTokens], parts, al.lexicon) : diffParts(parts, [wholeTokens], al.lexicon);
  const partWords = partBags.reduce((n, b) => n + b.words, 0);
  const total = wholeBag.words + partWords;
  const kept = split ? wholeBag.words - d.wordsRemoved : wholeBag.words - d.wordsAdded;
  return { dice: total === 0 ? 0 : (2 * kept) / total, changes: d.wordsAdded + d.wordsRemoved };
}
