/**
 * Scores a diff against a known answer (diff-edits.ts). The engine's rows are read back as
 * units (old paragraphs → new paragraphs, edited or not) and compared with the generator's.
 */
import type { ChangeLabel, ChangeLevel, DiffModel, DiffRow, Segment } from '../../src/diff/types.ts';
import { minimalMoves, type EditCase, type TrueUnit } from './diff-edits.ts';

export interface Unit {
  old: number[];
  new: number[];
  edited: boolean;
}

const key = (u: Unit) => `${u.old.join(',')}>${u.new.join(',')}${u.edited ? '~' : '='}`;

/** The engine's rows as units, and how many of them it shows as moved. */
export function unitsOfRows(rows: DiffRow[]): { units: Unit[]; moves: number } {
  const units: Unit[] = [];
  let moves = 0;
  for (const r of rows) {
    if (r.kind === 'same') units.push({ old: [r.leftIndex], new: [r.rightIndex], edited: false });
    else if (r.kind === 'changed') units.push({ old: [r.leftIndex], new: [r.rightIndex], edited: true });
    else if (r.kind === 'moved-to') {
      units.push({ old: [r.leftIndex], new: [r.rightIndex], edited: r.edit !== null });
      moves++;
    } else if (r.kind === 'split')
      units.push({
        old: [r.leftIndex],
        new: r.rightIndices,
        edited: r.wordsAdded + r.wordsRemoved > 0 || hasMarks(r.left) || r.right.some(hasMarks),
      });
    else if (r.kind === 'merged')
      units.push({
        old: r.leftIndices,
        new: [r.rightIndex],
        edited: r.wordsAdded + r.wordsRemoved > 0 || hasMarks(r.right) || r.left.some(hasMarks),
      });
  }
  return { units, moves };
}

function hasMarks(segments: Segment[]): boolean {
  return segments.some((s) => s.op !== 'same');
}

/** News Sniffer's row-by-row pairing: paragraph k against paragraph k. */
export function positionalUnits(before: string[], after: string[]): { units: Unit[]; moves: number } {
  const units: Unit[] = [];
  for (let k = 0; k < Math.min(before.length, after.length); k++) units.push({ old: [k], new: [k], edited: before[k] !== after[k] });
  return { units, moves: 0 };
}

export interface PairScore {
  exact: boolean;
  rowsRight: number;
  rowsTouched: number;
}

/** Whole answer right (every unit, edited flags, and the fewest moves), and per-paragraph fates over the paragraphs either side touched. */
export function scorePairs(c: EditCase, got: { units: Unit[]; moves: number }): PairScore {
  const want = c.units;
  const wantKeys = new Set(want.map(key));
  const gotKeys = new Set(got.units.map(key));
  const exact = wantKeys.size === gotKeys.size && [...wantKeys].every((k) => gotKeys.has(k)) && got.moves === minimalMoves(want);
  const fate = (units: Unit[], side: 'old' | 'new', k: number) => {
    const u = units.find((x) => x[side].includes(k));
    return u ? key(u) : 'none';
  };
  const plain = (units: Unit[], side: 'old' | 'new', k: number) => {
    const u = units.find((x) => x[side].includes(k));
    return !!u && !u.edited && u.old.length === 1 && u.new.length === 1 && u.old[0] === u.new[0];
  };
  let rowsRight = 0;
  let rowsTouched = 0;
  for (const [side, n] of [
    ['old', c.before.paragraphs.length],
    ['new', c.after.paragraphs.length],
  ] as const) {
    for (let k = 0; k < n; k++) {
      if (plain(want, side, k) && plain(got.units, side, k)) continue;
      rowsTouched++;
      if (fate(want, side, k) === fate(got.units, side, k)) rowsRight++;
    }
  }
  return { exact, rowsRight, rowsTouched };
}

export interface DetailScore {
  marksTrue: number;
  marksFalse: number;
  marksMissed: number;
  unchangedMarked: number;
  unchangedTotal: number;
  removedShown: number;
  removedTotal: number;
  heavyPaired: number;
  heavyTotal: number;
  labelsRight: boolean;
  levelRight: boolean;
}

/** The level each label stands for (the definition, restated here so the bench does not read the engine's table). */
const LEVEL: Record<ChangeLabel, ChangeLevel> = {
  'headline-changed': 'major',
  'lede-changed': 'major',
  'typo-only': 'minor',
  'number-changed': 'major',
  'name-changed': 'major',
  'quote-changed': 'major',
  reworded: 'substantive',
  'paragraphs-added': 'substantive',
  'paragraphs-removed': 'major',
  'paragraphs-moved': 'substantive',
  'byline-changed': 'minor',
  'notice-added': 'major',
  rewrite: 'major',
};
const RANK: Record<ChangeLevel, number> = { minor: 0, substantive: 1, major: 2 };

export function expectedLevel(labels: ChangeLabel[]): ChangeLevel {
  let level: ChangeLevel = 'minor';
  for (const l of labels) if (RANK[LEVEL[l]] > RANK[level]) level = LEVEL[l];
  return level;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Word marks, unchanged paragraphs left alone, removed text shown, heavy rewrites paired, labels. */
export function scoreDetails(c: EditCase, model: DiffModel): DetailScore {
  const s: DetailScore = {
    marksTrue: 0,
    marksFalse: 0,
    marksMissed: 0,
    unchangedMarked: 0,
    unchangedTotal: 0,
    removedShown: 0,
    removedTotal: 0,
    heavyPaired: 0,
    heavyTotal: 0,
    labelsRight: false,
    levelRight: false,
  };
  const rows = model.rows;
  const { units } = unitsOfRows(rows);
  for (const [i, j] of c.markedPairs) {
    const row = rows.find((r) => (r.kind === 'changed' || (r.kind === 'moved-to' && r.edit)) && r.leftIndex === i && r.rightIndex === j);
    if (!row) continue;
    const edit = row.kind === 'changed' ? row : row.kind === 'moved-to' ? row.edit! : null;
    if (!edit) continue;
    tally(s, markedWords(edit.left, 'del', 'ins'), c.removedWords.get(i) ?? new Set());
    tally(s, markedWords(edit.right, 'ins', 'del'), c.insertedWords.get(j) ?? new Set());
  }
  for (const u of c.units) {
    if (u.edited || u.old.length !== 1 || u.new.length !== 1) continue;
    s.unchangedTotal++;
    if (shownWithMarks(rows, u)) s.unchangedMarked++;
  }
  c.before.paragraphs.forEach((p, i) => {
    const gone = c.units.some((u) => u.old.includes(i)) ? c.removedWords.get(i) : new Set(p.split(' ').map((_, w) => w));
    if (!gone?.size) return;
    const words = p.split(' ');
    const want = bag([...gone].flatMap((w) => words[w].match(WORD) ?? []));
    const shown = bag(deletedText(rows, i).flatMap((t) => t.match(WORD) ?? []));
    for (const [w, n] of want) {
      s.removedTotal += n;
      s.removedShown += Math.min(n, shown.get(w) ?? 0);
    }
  });
  for (const [i, j] of c.heavy) {
    s.heavyTotal++;
    if (units.some((u) => u.old.length === 1 && u.old[0] === i && u.new.length === 1 && u.new[0] === j)) s.heavyPaired++;
  }
  const want = new Set(c.labels);
  s.labelsRight = want.size === model.labels.length && model.labels.every((l) => want.has(l));
  s.levelRight = expectedLevel(c.labels) === model.level;
  return s;
}

function tally(s: DetailScore, got: Set<number>, want: Set<number>): void {
  for (const w of got)
    if (want.has(w)) s.marksTrue++;
    else s.marksFalse++;
  for (const w of want) if (!got.has(w)) s.marksMissed++;
}

/** Positions of the whitespace-separated words that have a letter or digit inside a segment of `op`. */
function markedWords(segments: Segment[], op: Segment['op'], skip: Segment['op']): Set<number> {
  const marked: boolean[] = [];
  let text = '';
  for (const seg of segments) {
    if (seg.op === skip) continue;
    for (const ch of seg.text) {
      text += ch;
      marked.push(seg.op === op && /[\p{L}\p{N}]/u.test(ch));
    }
  }
  const out = new Set<number>();
  let word = 0;
  let k = 0;
  for (const ch of text) {
    if (ch === ' ') word++;
    else if (marked[k]) out.add(word);
    k++;
  }
  return out;
}

function shownWithMarks(rows: DiffRow[], u: TrueUnit): boolean {
  const [i] = u.old;
  const [j] = u.new;
  for (const r of rows) {
    if (r.kind === 'removed' && r.leftIndex === i) return true;
    if (r.kind === 'added' && r.rightIndex === j) return true;
    if (r.kind === 'changed' && (r.leftIndex === i || r.rightIndex === j)) return true;
    if ((r.kind === 'moved-to' || r.kind === 'moved-from') && r.edit && (r.leftIndex === i || r.rightIndex === j)) return true;
    if (r.kind === 'split' && (r.leftIndex === i || r.rightIndices.includes(j))) return r.wordsAdded + r.wordsRemoved > 0;
    if (r.kind === 'merged' && (r.leftIndices.includes(i) || r.rightIndex === j)) return r.wordsAdded + r.wordsRemoved > 0;
  }
  return false;
}

/** The text the engine shows as removed from old paragraph i. */
function deletedText(rows: DiffRow[], i: number): string[] {
  const dels = (segments: Segment[]) => segments.filter((s) => s.op === 'del').map((s) => s.text);
  for (const r of rows) {
    if (r.kind === 'removed' && r.leftIndex === i) return [r.text];
    if (r.kind === 'changed' && r.leftIndex === i) return dels(r.left);
    if (r.kind === 'moved-from' && r.leftIndex === i) return r.edit ? dels(r.edit.left) : [];
    if (r.kind === 'split' && r.leftIndex === i) return dels(r.left);
    if (r.kind === 'merged' && r.leftIndices.includes(i)) return dels(r.left[r.leftIndices.indexOf(i)]);
  }
  return [];
}

function bag(words: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words) out.set(w.toLowerCase(), (out.get(w.toLowerCase()) ?? 0) + 1);
  return out;
}
