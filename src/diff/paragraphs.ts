import { normalizeText as normal } from '../text/normalize.ts';
import { lcsMatches, type Match } from './myers.ts';
import { pairParagraphs } from './pairing.ts';
import { patienceMatches } from './patience.ts';
import { Interner, tokenize } from './tokens.ts';
import type { DiffRow } from './types.ts';
import { diffTokens } from './words.ts';

/** Paragraph-level LCS work allowed before falling back to patience anchors. */
const PARAGRAPH_BUDGET = 1_000_000;

/** A non-empty paragraph: its position in the version's list and its normalised text. */
interface Para {
  index: number;
  text: string;
}

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
 * paragraphs where they stood): identical paragraphs in LCS order are anchors; identical ones
 * outside it have moved; between anchors, similar paragraphs pair as changed and the rest are
 * removed or added.
 */
export function alignParagraphs(oldParagraphs: string[], newParagraphs: string[]): DiffRow[] {
  const olds = prepare(oldParagraphs);
  const news = prepare(newParagraphs);
  const a = olds.map((p) => p.text);
  const b = news.map((p) => p.text);
  const anchors = lcsMatches(a, b, PARAGRAPH_BUDGET) ?? patienceMatches(a, b);
  const moves = findMoves(a, b, anchors);
  const words = new Interner();
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  for (const [x, y] of [...anchors, [olds.length, news.length] as Match]) {
    for (const row of gapRows(olds, news, range(i, x), range(j, y), moves, words)) rows.push(row);
    if (x < olds.length) rows.push({ kind: 'same', leftIndex: olds[x].index, rightIndex: news[y].index, text: news[y].text });
    i = x + 1;
    j = y + 1;
  }
  return rows;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

interface Moves {
  /** old position → new position, and back, for identical paragraphs outside the LCS. */
  toNew: Map<number, number>;
  toOld: Map<number, number>;
}

function findMoves(a: string[], b: string[], anchors: Match[]): Moves {
  const anchoredA = new Set(anchors.map((m) => m[0]));
  const anchoredB = new Set(anchors.map((m) => m[1]));
  const unmatchedOld = new Map<string, number[]>();
  for (let i = 0; i < a.length; i++) {
    if (anchoredA.has(i)) continue;
    const list = unmatchedOld.get(a[i]);
    if (list) list.push(i);
    else unmatchedOld.set(a[i], [i]);
  }
  const moves: Moves = { toNew: new Map(), toOld: new Map() };
  for (let j = 0; j < b.length; j++) {
    if (anchoredB.has(j)) continue;
    const i = unmatchedOld.get(b[j])?.shift();
    if (i === undefined) continue;
    moves.toNew.set(i, j);
    moves.toOld.set(j, i);
  }
  return moves;
}

/** Rows for the paragraphs between two anchors: old-only rows before new-only rows before each pair. */
function gapRows(olds: Para[], news: Para[], oldGap: number[], newGap: number[], moves: Moves, words: Interner): DiffRow[] {
  if (oldGap.length === 0 && newGap.length === 0) return [];
  const oldFree = oldGap.filter((i) => !moves.toNew.has(i));
  const newFree = newGap.filter((j) => !moves.toOld.has(j));
  const oldTokens = oldFree.map((i) => tokenize(olds[i].text));
  const newTokens = newFree.map((j) => tokenize(news[j].text));
  const pairs = pairParagraphs(oldTokens, newTokens, words).map(([p, q]) => [p, q, oldFree[p], newFree[q]]);

  const rows: DiffRow[] = [];
  let po = 0;
  let pn = 0;
  const flushOld = (until: number) => {
    for (; po < oldGap.length && oldGap[po] < until; po++) rows.push(oldOnlyRow(olds, news, oldGap[po], moves));
  };
  const flushNew = (until: number) => {
    for (; pn < newGap.length && newGap[pn] < until; pn++) rows.push(newOnlyRow(olds, news, newGap[pn], moves));
  };
  for (const [p, q, x, y] of pairs) {
    flushOld(x);
    flushNew(y);
    const d = diffTokens(oldTokens[p], newTokens[q]);
    rows.push({ kind: 'changed', leftIndex: olds[x].index, rightIndex: news[y].index, ...d });
    po++;
    pn++;
  }
  flushOld(Infinity);
  flushNew(Infinity);
  return rows;
}

function oldOnlyRow(olds: Para[], news: Para[], i: number, moves: Moves): DiffRow {
  const j = moves.toNew.get(i);
  if (j === undefined) return { kind: 'removed', leftIndex: olds[i].index, text: olds[i].text };
  return { kind: 'moved-from', leftIndex: olds[i].index, rightIndex: news[j].index, text: olds[i].text };
}

function newOnlyRow(olds: Para[], news: Para[], j: number, moves: Moves): DiffRow {
  const i = moves.toOld.get(j);
  if (i === undefined) return { kind: 'added', rightIndex: news[j].index, text: news[j].text };
  return { kind: 'moved-to', leftIndex: olds[i].index, rightIndex: news[j].index, text: news[j].text };
}
