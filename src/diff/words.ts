import { Lexicon, startOf, type TokenSeq } from './lexicon.ts';
import { commonEnds, myersPairs } from './myers.ts';
import type { Segment } from './types.ts';

export interface TextDiff {
  left: Segment[];
  right: Segment[];
  wordsAdded: number;
  wordsRemoved: number;
}

/** Token-level LCS work allowed per paragraph; past it the paragraph is shown as replaced whole. */
const WORD_BUDGET = 400_000;

/** A run of the diff: tokens a[a0..a1) and b[b0..b1), the same on both sides or replaced. */
interface Run {
  same: boolean;
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Word-level diff of two texts: left side is same+del segments, right side same+ins. */
export function diffText(oldText: string, newText: string): TextDiff {
  const lexicon = new Lexicon();
  return diffSeqs(lexicon.read(oldText), lexicon.read(newText), lexicon);
}

export function diffTokens(a: string[], b: string[]): TextDiff {
  const lexicon = new Lexicon();
  return diffSeqs(lexicon.seqOf(a), lexicon.seqOf(b), lexicon);
}

/** Word-level diff of two token sequences of one lexicon. */
export function diffSeqs(a: TokenSeq, b: TokenSeq, lexicon: Lexicon): TextDiff {
  // The shared head and tail (most of an edited paragraph) become one 'same' run each, without
  // a match per token; the LCS runs on the middle.
  const { start, endA, endB } = commonEnds(a.ids, b.ids);
  // Past the shared ends, the middles' first and last tokens differ: the LCS runs on them as they stand.
  const matches = myersPairs(a.ids, b.ids, start, endA, start, endB, WORD_BUDGET);
  if (!matches) return toTextDiff([{ same: false, a0: 0, a1: a.ids.length, b0: 0, b1: b.ids.length }], a, b, lexicon);
  const runs: Run[] = [];
  const pushSame = (x: number, to: number, y: number) => {
    if (to === x) return;
    const last = runs[runs.length - 1];
    if (last?.same) {
      last.a1 = to;
      last.b1 = y + to - x;
    } else runs.push({ same: true, a0: x, a1: to, b0: y, b1: y + to - x });
  };
  pushSame(0, start, 0);
  let i = start;
  let j = start;
  for (let k = 0; k < matches.length; k += 2) {
    const x = matches[k];
    const y = matches[k + 1];
    if (x > i || y > j) runs.push({ same: false, a0: i, a1: x, b0: j, b1: y });
    pushSame(x, x + 1, y);
    i = x + 1;
    j = y + 1;
  }
  if (endA > i || endB > j) runs.push({ same: false, a0: i, a1: endA, b0: j, b1: endB });
  pushSame(endA, a.ids.length, endB);
  // Only spaces and punctuation are absorbed: a word both sides share is never marked.
  return toTextDiff(
    mergeIslands(runs, (r) => lexicon.wordsIn(a.ids, r.a0, r.a1) === 0),
    a,
    b,
    lexicon,
  );
}

/**
 * A change, a lone space or comma, and another change read better as one replacement:
 * "[-said Monday-]{+claimed Tuesday+}" rather than "[-said-]{+claimed+} [-Monday-]{+Tuesday+}".
 * Runs are contiguous on both sides, so joining them only widens ranges.
 */
function mergeIslands(runs: Run[], isIsland: (same: Run) => boolean): Run[] {
  const out: Run[] = [];
  for (let k = 0; k < runs.length; k++) {
    const c = runs[k];
    const prev = out[out.length - 1];
    const next = runs[k + 1];
    if (c.same && prev && !prev.same && next && !next.same && isIsland(c)) {
      prev.a1 = next.a1;
      prev.b1 = next.b1;
      k++;
    } else if (!c.same && prev && !prev.same) {
      prev.a1 = c.a1;
      prev.b1 = c.b1;
    } else out.push(c);
  }
  return out;
}

function toTextDiff(runs: Run[], a: TokenSeq, b: TokenSeq, lexicon: Lexicon): TextDiff {
  const left: Segment[] = [];
  const right: Segment[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const r of runs) {
    if (r.same) {
      const text = a.text.slice(startOf(a, r.a0), startOf(a, r.a1));
      left.push({ op: 'same', text });
      right.push({ op: 'same', text });
      continue;
    }
    if (r.a1 > r.a0) left.push({ op: 'del', text: a.text.slice(startOf(a, r.a0), startOf(a, r.a1)) });
    if (r.b1 > r.b0) right.push({ op: 'ins', text: b.text.slice(startOf(b, r.b0), startOf(b, r.b1)) });
    wordsRemoved += lexicon.wordsIn(a.ids, r.a0, r.a1);
    wordsAdded += lexicon.wordsIn(b.ids, r.b0, r.b1);
  }
  return { left, right, wordsAdded, wordsRemoved };
}

export interface PartsDiff {
  left: Segment[][];
  right: Segment[][];
  wordsAdded: number;
  wordsRemoved: number;
}

/**
 * Word diff of paragraphs that were split or merged: each side's parts are read as one text
 * (joined by a space, which a paragraph break amounts to), then the segments are cut back into
 * one list per part. A split with no other edit therefore marks nothing.
 */
export function diffParts(leftParts: TokenSeq[], rightParts: TokenSeq[], lexicon: Lexicon): PartsDiff {
  const d = diffSeqs(lexicon.join(leftParts), lexicon.join(rightParts), lexicon);
  return {
    left: cutSegments(d.left, 'ins', leftParts),
    right: cutSegments(d.right, 'del', rightParts),
    wordsAdded: d.wordsAdded,
    wordsRemoved: d.wordsRemoved,
  };
}

/** Cuts one side's segments (skipping the other side's `other` op) at the part boundaries, dropping each joining space. */
function cutSegments(segments: Segment[], other: Segment['op'], parts: TokenSeq[]): Segment[][] {
  const lengths = parts.map((p) => p.text.length);
  const out: Segment[][] = [[]];
  let part = 0;
  let room = lengths[0];
  const push = (op: Segment['op'], text: string) => {
    if (!text) return;
    const list = out[out.length - 1];
    const last = list[list.length - 1];
    if (last?.op === op) last.text += text;
    else list.push({ op, text });
  };
  for (const s of segments) {
    if (s.op === other) continue;
    let text = s.text;
    while (text.length > room && part < parts.length - 1) {
      push(s.op, text.slice(0, room));
      text = text.slice(room + 1); // the joining space
      part++;
      room = lengths[part];
      out.push([]);
    }
    push(s.op, text);
    room -= text.length;
  }
  while (out.length < parts.length) out.push([]);
  return out;
}
