import type { Lexicon } from './lexicon.ts';

/**
 * How alike two paragraphs are, for pairing them as "the same paragraph, edited". Each paragraph
 * is a bag of terms (case-folded words, cut to their first STEM letters so "announced" and
 * "announces" agree); a term weighs ln(1 + N/df), N being the number of paragraphs of both
 * versions and df how many contain it, so "the" and "said" count for little and names, numbers
 * and rare words for much. Similarity is the weighted Dice coefficient
 * 2·Σ min(countA, countB)·w / (ΣA w + ΣB w): word order does not matter (reordered sentences
 * score as high as the originals) and a paragraph with half its words replaced still shares the
 * weighty half.
 */
const STEM = 6;

/** Dice coefficient 2·|A∩B| / (|A|+|B|) of two sorted lists read as multisets (two empty lists: 1). */
export function sortedDice<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (a.length + b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

export interface Bag {
  /** Sorted distinct term ids, with their counts. */
  terms: Int32Array;
  counts: Int32Array;
  /** Σ count·weight over the bag. */
  total: number;
  /** Number of words (for the short-paragraph rule). */
  words: number;
}

/** A token not classified yet (see Corpus). */
const UNSEEN = -2;

const STARTS_WITH_LETTER = /^\p{L}/u;

function term(token: string): string {
  return stem(token.toLowerCase());
}

function stem(lower: string): string {
  const c = lower.charCodeAt(0);
  // ASCII answers without the regex: only a-z start with a letter (the word is in lower case).
  const letter = c < 0x80 ? c >= 0x61 && c <= 0x7a : STARTS_WITH_LETTER.test(lower);
  return letter ? lower.slice(0, STEM) : lower;
}

/** Term bags of both versions' paragraphs, weighted over both. */
export class Corpus {
  readonly old: Bag[];
  readonly new: Bag[];
  readonly weight: Float64Array;
  readonly df: Int32Array;

  private readonly ids = new Map<string, number>();
  /** Per term: some word of it was written in lower case (for telling names from sentence starts). */
  private readonly lower: Uint8Array;

  constructor(lexicon: Lexicon, oldTokens: Int32Array[], newTokens: Int32Array[]) {
    // Tokens repeat ("the", " "): each distinct one is classified and stemmed once. Term ids are
    // given in order of first appearance (old paragraphs, then new), weights summed in term order.
    const termOf = new Int32Array(lexicon.size).fill(UNSEEN);
    const lowerSeen: number[] = [];
    const count = new Int32Array(lexicon.size);
    const df = new Int32Array(lexicon.size);
    const distinct = new Int32Array(lexicon.size);
    const bags: Bag[] = [];
    for (const tokens of [...oldTokens, ...newTokens]) {
      let kinds = 0;
      let words = 0;
      for (let k = 0; k < tokens.length; k++) {
        const token = tokens[k];
        let id = termOf[token];
        if (id === UNSEEN) id = termOf[token] = this.termOfToken(lexicon, token, lowerSeen);
        if (id < 0) continue;
        words++;
        if (count[id]++ === 0) distinct[kinds++] = id;
      }
      const terms = sortedInts(distinct, kinds);
      const counts = new Int32Array(kinds);
      for (let k = 0; k < kinds; k++) {
        const t = terms[k];
        counts[k] = count[t];
        count[t] = 0;
        df[t]++;
      }
      bags.push({ terms, counts, total: 0, words });
    }
    const n = bags.length;
    const weight = new Float64Array(this.ids.size);
    for (let t = 0; t < weight.length; t++) weight[t] = Math.log(1 + n / df[t]);
    for (const bag of bags) {
      let total = 0;
      for (let k = 0; k < bag.terms.length; k++) total += bag.counts[k] * weight[bag.terms[k]];
      bag.total = total;
    }
    this.old = bags.slice(0, oldTokens.length);
    this.new = bags.slice(oldTokens.length);
    this.weight = weight;
    this.df = df;
    this.lower = Uint8Array.from(lowerSeen);
  }

  /** The term of a token seen for the first time (-1: not a word). */
  private termOfToken(lexicon: Lexicon, token: number, lowerSeen: number[]): number {
    if (!lexicon.isWord(token)) return -1;
    const t = lexicon.strings[token];
    const lower = t.toLowerCase();
    const key = stem(lower);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      lowerSeen.push(0);
    }
    if (lower === t) lowerSeen[id] = 1;
    return id;
  }

  /** Whether either version writes this (lower-case) word, or one sharing its first letters, in lower case. */
  writtenLower(word: string): boolean {
    const id = this.ids.get(term(word));
    return id !== undefined && this.lower[id] === 1;
  }

  /** Weighted Dice of two bags, 0..1 (two empty bags are alike). */
  similarity(a: Bag, b: Bag): number {
    if (a.total + b.total === 0) return a.words === 0 && b.words === 0 ? 1 : 0;
    return (2 * this.shared(a, b)) / (a.total + b.total);
  }

  /** Share of `part`'s weight found in `whole`: 1 when every term of part is in whole. */
  containment(part: Bag, whole: Bag): number {
    return part.total === 0 ? 0 : this.shared(part, whole) / part.total;
  }

  /** Weighted Dice of `a` against the union (sum) of several bags. */
  similarityToMany(a: Bag, parts: Bag[]): number {
    let shared = 0;
    let total = a.total;
    const left = new Map<number, number>();
    for (let k = 0; k < a.terms.length; k++) left.set(a.terms[k], a.counts[k]);
    for (const p of parts) {
      total += p.total;
      for (let k = 0; k < p.terms.length; k++) {
        const have = left.get(p.terms[k]) ?? 0;
        const take = Math.min(have, p.counts[k]);
        if (take > 0) {
          shared += take * this.weight[p.terms[k]];
          left.set(p.terms[k], have - take);
        }
      }
    }
    return total === 0 ? 0 : (2 * shared) / total;
  }

  private shared(a: Bag, b: Bag): number {
    const x = a.terms;
    const y = b.terms;
    const weight = this.weight;
    let i = 0;
    let j = 0;
    let shared = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        shared += Math.min(a.counts[i], b.counts[j]) * weight[x[i]];
        i++;
        j++;
      } else if (x[i] < y[j]) i++;
      else j++;
    }
    return shared;
  }
}

/** The first n entries of list, sorted ascending (insertion sort: a paragraph has a few dozen terms). */
function sortedInts(list: Int32Array, n: number): Int32Array {
  const out = list.slice(0, n);
  if (n > 64) return out.sort();
  for (let k = 1; k < n; k++) {
    const v = out[k];
    let p = k - 1;
    while (p >= 0 && out[p] > v) {
      out[p + 1] = out[p];
      p--;
    }
    out[p + 1] = v;
  }
  return out;
}

/** Terms in more paragraphs than this are too common to find candidates by (they still count in the score). */
const COMMON = 24;
/** Candidates scored exactly per new paragraph, best first by their rare-term overlap. */
const PER_PARAGRAPH = 4;

/**
 * Candidate pairs (old, new) among the given paragraphs, found through an inverted index of their
 * uncommon terms instead of comparing every pair: each new paragraph accumulates the weight it
 * shares with each old one over those terms, and only its best few are scored exactly. Cost is
 * about linear in the text (each rare term's postings are short). Returns [old, new, similarity]
 * for pairs scoring at least `min`.
 */
export function candidatePairs(corpus: Corpus, oldIds: number[], newIds: number[], min: number): [number, number, number][] {
  const postings: (number[] | undefined)[] = new Array(corpus.weight.length);
  oldIds.forEach((id, k) => {
    const bag = corpus.old[id];
    for (let t = 0; t < bag.terms.length; t++) {
      const term = bag.terms[t];
      if (corpus.df[term] > COMMON) continue;
      const list = postings[term];
      if (list) list.push(k);
      else postings[term] = [k];
    }
  });
  const acc = new Float64Array(oldIds.length);
  const touched: number[] = [];
  const out: [number, number, number][] = [];
  for (const j of newIds) {
    const bag = corpus.new[j];
    for (let t = 0; t < bag.terms.length; t++) {
      const list = postings[bag.terms[t]];
      if (!list) continue;
      const w = corpus.weight[bag.terms[t]];
      for (const k of list) {
        if (acc[k] === 0) touched.push(k);
        acc[k] += w;
      }
    }
    for (const k of best(touched, acc, PER_PARAGRAPH)) {
      const i = oldIds[k];
      const sim = corpus.similarity(corpus.old[i], bag);
      if (sim >= min) out.push([i, j, sim]);
    }
    for (const k of touched) acc[k] = 0;
    touched.length = 0;
  }
  return out;
}

/** The `n` entries of `list` with the highest `score`, best first (a short insertion list: n is small). */
function best(list: number[], score: Float64Array, n: number): number[] {
  const top: number[] = [];
  for (const k of list) {
    if (top.length === n && score[k] <= score[top[n - 1]]) continue;
    let p = Math.min(top.length, n - 1);
    top[p] = k;
    while (p > 0 && score[top[p - 1]] < score[k]) {
      top[p] = top[p - 1];
      top[p - 1] = k;
      p--;
    }
  }
  return top;
}
