import { normalizeText as normal } from '../text/normalize.ts';
import { link, type Alignment, type Para, type Unit } from './alignment.ts';
import { heaviestChain } from './chain.ts';
import { lcsMatches, type Match } from './myers.ts';
import { pairInGaps } from './gaps.ts';
import { patienceMatches } from './patience.ts';
import { findGroups, type Group } from './regroup.ts';
import { candidatePairs, Corpus } from './similarity.ts';
import { Lexicon, type TokenSeq } from './lexicon.ts';
import type { DiffRow, WordEdit } from './types.ts';
import { diffParts, diffSeqs } from './words.ts';

/** Paragraph-level LCS work allowed before falling back to patience anchors. */
const PARAGRAPH_BUDGET = 250_000;

/** Paragraphs this similar are the same paragraph, edited, wherever they stand. */
export const PAIR_THRESHOLD = 0.5;
/** A pair between the same two kept paragraphs is likelier: it wins ties against pairs elsewhere. */
const SAME_GAP_BONUS = 0.05;

function prepare(paragraphs: string[]): Para[] {
  const out: Para[] = [];
  paragraphs.forEach((p, index) => {
    const text = normal(p);
    if (text) out.push({ index, text });
  });
  return out;
}

/**
 * Aligns two paragraph lists into rows in reading order (the new version's order, removed
 * paragraphs where they stood):
 * 1. identical paragraphs pair up (an LCS, then identical ones elsewhere);
 * 2. the remaining paragraphs pair across the whole article by similarity (candidate pairs
 *    from rare shared terms, then best-first assignment above PAIR_THRESHOLD);
 * 3. a paired paragraph whose neighbour holds the rest of its text becomes a split or a merge;
 * 4. the heaviest chain of pairs that keeps both orders stays in place, fewest moves first, and
 *    every other pair is a move (moved + changed when its text differs);
 * 5. between two paragraphs of that chain, what is left pairs with a lower threshold, because
 *    the position supports it (the same slot between the same kept paragraphs).
 */
export function alignParagraphs(oldParagraphs: string[], newParagraphs: string[]): DiffRow[] {
  return align(oldParagraphs, newParagraphs).rows;
}

/** The rows, and what the labels need to know of both versions' words (see labels.ts). */
export function align(oldParagraphs: string[], newParagraphs: string[]): { rows: DiffRow[]; writtenLower: (word: string) => boolean } {
  const al = start(prepare(oldParagraphs), prepare(newParagraphs));
  pairGlobally(al);
  findGroups(al);
  const units = uniqueUnits(al.oldUnit);
  const chain = heaviestChain(units, al.news.length);
  const inPlace = new Set(chain);
  for (const u of units) if (!inPlace.has(u) && u.oldStart !== u.oldEnd) ungroup(al, u);
  for (const u of units) if (!inPlace.has(u) && u.newStart !== u.newEnd) ungroup(al, u);
  const kept = chain.filter((u) => al.oldUnit[u.oldStart] === u);
  const local = pairInGaps(al, kept);
  const finalChain = [...kept, ...local].sort((x, y) => x.oldStart - y.oldStart);
  return { rows: toRows(al, finalChain), writtenLower: (word) => al.corpus.writtenLower(word) };
}

function start(olds: Para[], news: Para[]): Alignment {
  // Each distinct text gets an id (the LCS compares numbers, not strings) and is tokenised once.
  const textIds = new Map<string, number>();
  const lexicon = new Lexicon();
  const tokensOf: TokenSeq[] = [];
  const idsOf = (list: Para[]) =>
    Int32Array.from(list, (p) => {
      let id = textIds.get(p.text);
      if (id === undefined) {
        id = textIds.size;
        textIds.set(p.text, id);
        tokensOf.push(lexicon.read(p.text));
      }
      return id;
    });
  const a = idsOf(olds);
  const b = idsOf(news);
  const anchors = sharesAny(a, b) ? (worthMyers(a, b) && lcsMatches(a, b, PARAGRAPH_BUDGET)) || patienceMatches(a, b) : [];
  const oldTokens = Array.from(a, (id) => tokensOf[id]);
  const newTokens = Array.from(b, (id) => tokensOf[id]);
  const al: Alignment = {
    olds,
    news,
    lexicon,
    oldTokens,
    newTokens,
    corpus: new Corpus(
      lexicon,
      oldTokens.map((t) => t.ids),
      newTokens.map((t) => t.ids),
    ),
    oldUnit: new Array(olds.length).fill(null),
    newUnit: new Array(news.length).fill(null),
    oldGap: gapNumbers(
      olds.length,
      anchors.map((m) => m[0]),
    ),
    newGap: gapNumbers(
      news.length,
      anchors.map((m) => m[1]),
    ),
  };
  // LCS anchors weigh a little more, so that between equally good chains the LCS stays in place.
  for (const [i, j] of anchors) link(al, i, j, true, 1.1);
  for (const [i, j] of identicalElsewhere(a, b, anchors)) link(al, i, j, true, 1);
  return al;
}

/** Whether any paragraph stands in both versions (when none does, there is no LCS to look for). */
function sharesAny(a: Int32Array, b: Int32Array): boolean {
  const inA = new Set(a);
  for (const p of b) if (inA.has(p)) return true;
  return false;
}

/**
 * Myers costs about (N+M)·D, and D is at least N+M−2·(paragraphs the versions share): when that
 * bound is already over budget, go straight to patience anchors.
 */
function worthMyers(a: Int32Array, b: Int32Array): boolean {
  const inA = new Set(a);
  let shared = 0;
  for (const p of b) if (inA.has(p)) shared++;
  const d = a.length + b.length - 2 * Math.min(shared, a.length);
  return (a.length + b.length) * d <= PARAGRAPH_BUDGET;
}

/** Gap k lies between anchor k-1 and anchor k; anchors get odd numbers of their own. */
function gapNumbers(length: number, anchorPositions: number[]): Int32Array {
  const out = new Int32Array(length);
  let k = 0;
  for (let p = 0; p < length; p++) {
    if (anchorPositions[k] === p) {
      out[p] = 2 * k + 1;
      k++;
    } else out[p] = 2 * k;
  }
  return out;
}

/** Identical paragraphs outside the LCS: moved without a change. */
function identicalElsewhere(a: Int32Array, b: Int32Array, anchors: Match[]): Match[] {
  const anchoredA = new Set(anchors.map((m) => m[0]));
  const anchoredB = new Set(anchors.map((m) => m[1]));
  const unmatchedOld = new Map<number, number[]>();
  for (let i = 0; i < a.length; i++) {
    if (anchoredA.has(i)) continue;
    const list = unmatchedOld.get(a[i]);
    if (list) list.push(i);
    else unmatchedOld.set(a[i], [i]);
  }
  const out: Match[] = [];
  for (let j = 0; j < b.length; j++) {
    if (anchoredB.has(j)) continue;
    const i = unmatchedOld.get(b[j])?.shift();
    if (i !== undefined) out.push([i, j]);
  }
  return out;
}

/** Step 2: best-first assignment on similarity over candidate pairs from the whole article. */
function pairGlobally(al: Alignment): void {
  const freeOld = al.olds.map((_, i) => i).filter((i) => !al.oldUnit[i]);
  const freeNew = al.news.map((_, j) => j).filter((j) => !al.newUnit[j]);
  if (freeOld.length === 0 || freeNew.length === 0) return;
  const edges = candidatePairs(al.corpus, freeOld, freeNew, PAIR_THRESHOLD).map(([i, j, sim]) => ({
    i,
    j,
    sim,
    score: sim + (al.oldGap[i] === al.newGap[j] ? SAME_GAP_BONUS : 0),
  }));
  edges.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const e of edges) if (!al.oldUnit[e.i] && !al.newUnit[e.j]) link(al, e.i, e.j, false, e.sim);
}

function uniqueUnits(list: (Unit | null)[]): Unit[] {
  const out: Unit[] = [];
  for (const u of list) if (u && out[out.length - 1] !== u) out.push(u);
  return out;
}

/** A split or merge that would have to move keeps only its main pair (as a move); the other parts are free again. */
function ungroup(al: Alignment, u: Unit): void {
  const g = u as Group;
  for (let i = u.oldStart; i <= u.oldEnd; i++) al.oldUnit[i] = null;
  for (let j = u.newStart; j <= u.newEnd; j++) al.newUnit[j] = null;
  link(al, g.mainOld ?? u.oldStart, g.mainNew ?? u.newStart, false, 0);
}

/** Rows in reading order: between two in-place units, old-only rows, then new-only rows, then the unit. */
function toRows(al: Alignment, chain: Unit[]): DiffRow[] {
  const moveEdits = new Map<Unit, WordEdit | null>();
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  const end: Unit = {
    oldStart: al.olds.length,
    oldEnd: al.olds.length,
    newStart: al.news.length,
    newEnd: al.news.length,
    identical: true,
    weight: 0,
  };
  for (const u of [...chain, end]) {
    for (; i < u.oldStart; i++) rows.push(oldOnlyRow(al, i, moveEdits));
    for (; j < u.newStart; j++) rows.push(newOnlyRow(al, j, moveEdits));
    if (u !== end) rows.push(unitRow(al, u));
    i = u.oldEnd + 1;
    j = u.newEnd + 1;
  }
  return rows;
}

function oldOnlyRow(al: Alignment, i: number, edits: Map<Unit, WordEdit | null>): DiffRow {
  const u = al.oldUnit[i];
  if (!u) return { kind: 'removed', leftIndex: al.olds[i].index, text: al.olds[i].text };
  return {
    kind: 'moved-from',
    leftIndex: al.olds[i].index,
    rightIndex: al.news[u.newStart].index,
    text: al.olds[i].text,
    edit: moveEdit(al, u, edits),
  };
}

function newOnlyRow(al: Alignment, j: number, edits: Map<Unit, WordEdit | null>): DiffRow {
  const u = al.newUnit[j];
  if (!u) return { kind: 'added', rightIndex: al.news[j].index, text: al.news[j].text };
  return {
    kind: 'moved-to',
    leftIndex: al.olds[u.oldStart].index,
    rightIndex: al.news[j].index,
    text: al.news[j].text,
    edit: moveEdit(al, u, edits),
  };
}

function moveEdit(al: Alignment, u: Unit, edits: Map<Unit, WordEdit | null>): WordEdit | null {
  if (u.identical) return null;
  let edit = edits.get(u);
  if (edit === undefined) {
    edit = diffSeqs(al.oldTokens[u.oldStart], al.newTokens[u.newStart], al.lexicon);
    edits.set(u, edit);
  }
  return edit;
}

function unitRow(al: Alignment, u: Unit): DiffRow {
  const { olds, news } = al;
  if (u.oldStart === u.oldEnd && u.newStart === u.newEnd) {
    const leftIndex = olds[u.oldStart].index;
    const rightIndex = news[u.newStart].index;
    if (u.identical) return { kind: 'same', leftIndex, rightIndex, text: news[u.newStart].text };
    return { kind: 'changed', leftIndex, rightIndex, ...diffSeqs(al.oldTokens[u.oldStart], al.newTokens[u.newStart], al.lexicon) };
  }
  const oldRange = range(u.oldStart, u.oldEnd);
  const newRange = range(u.newStart, u.newEnd);
  const d = diffParts(
    oldRange.map((i) => al.oldTokens[i]),
    newRange.map((j) => al.newTokens[j]),
    al.lexicon,
  );
  if (oldRange.length === 1) {
    return {
      kind: 'split',
      leftIndex: olds[u.oldStart].index,
      rightIndices: newRange.map((j) => news[j].index),
      left: d.left[0],
      right: d.right,
      wordsAdded: d.wordsAdded,
      wordsRemoved: d.wordsRemoved,
    };
  }
  return {
    kind: 'merged',
    leftIndices: oldRange.map((i) => olds[i].index),
    rightIndex: news[u.newStart].index,
    left: d.left,
    right: d.right[0],
    wordsAdded: d.wordsAdded,
    wordsRemoved: d.wordsRemoved,
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
