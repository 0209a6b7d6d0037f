import { commonEnds, lcsMatches } from './myers.ts';
import { isWord, tokenize } from './tokens.ts';
import type { Segment } from './types.ts';

export interface TextDiff {
  left: Segment[];
  right: Segment[];
  wordsAdded: number;
  wordsRemoved: number;
}

/** Token-level LCS work allowed per paragraph; past it the paragraph is shown as replaced whole. */
const WORD_BUDGET = 400_000;

type Chunk = { same: true; tokens: string[] } | { same: false; del: string[]; ins: string[] };

/** Word-level diff of two texts: left side is same+del segments, right side same+ins. */
export function diffText(oldText: string, newText: string): TextDiff {
  return diffTokens(tokenize(oldText), tokenize(newText));
}

export function diffTokens(a: string[], b: string[]): TextDiff {
  // The shared head and tail (most of an edited paragraph) become one 'same' chunk each, without
  // a match per token; the LCS runs on the middle.
  const { start, endA, endB } = commonEnds(a, b);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const matches = lcsMatches(midA, midB, WORD_BUDGET);
  if (!matches) return toTextDiff([{ same: false, del: a, ins: b }]);
  const chunks: Chunk[] = start ? [{ same: true, tokens: a.slice(0, start) }] : [];
  for (const c of toChunks(midA, midB, matches)) {
    const last = chunks[chunks.length - 1];
    if (c.same && last?.same) last.tokens.push(...c.tokens);
    else chunks.push(c);
  }
  if (endA < a.length) {
    const last = chunks[chunks.length - 1];
    if (last?.same) last.tokens.push(...a.slice(endA));
    else chunks.push({ same: true, tokens: a.slice(endA) });
  }
  // Only spaces and punctuation are absorbed: a word both sides share is never marked.
  return toTextDiff(mergeIslands(chunks, isSeparatorIsland));
}

function toChunks(a: string[], b: string[], matches: [number, number][]): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  let j = 0;
  const pushSame = (token: string) => {
    const last = chunks[chunks.length - 1];
    if (last?.same) last.tokens.push(token);
    else chunks.push({ same: true, tokens: [token] });
  };
  for (const [x, y] of [...matches, [a.length, b.length] as [number, number]]) {
    if (x > i || y > j) chunks.push({ same: false, del: a.slice(i, x), ins: b.slice(j, y) });
    if (x < a.length) pushSame(a[x]);
    i = x + 1;
    j = y + 1;
  }
  return chunks;
}

function wordCount(tokens: string[]): number {
  let n = 0;
  for (const t of tokens) if (isWord(t)) n++;
  return n;
}

type IslandTest = (same: string[]) => boolean;

/**
 * A change, a lone space or comma, and another change read better as one replacement:
 * "[-said Monday-]{+claimed Tuesday+}" rather than "[-said-]{+claimed+} [-Monday-]{+Tuesday+}".
 */
const isSeparatorIsland: IslandTest = (same) => !same.some(isWord);

function mergeIslands(chunks: Chunk[], isIsland: IslandTest): Chunk[] {
  const out: Chunk[] = [];
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k];
    const prev = out[out.length - 1];
    const next = chunks[k + 1];
    if (c.same && prev && !prev.same && next && !next.same && isIsland(c.tokens)) {
      prev.del.push(...c.tokens, ...next.del);
      prev.ins.push(...c.tokens, ...next.ins);
      k++;
    } else if (!c.same && prev && !prev.same) {
      prev.del.push(...c.del);
      prev.ins.push(...c.ins);
    } else {
      out.push(c.same ? { same: true, tokens: [...c.tokens] } : { same: false, del: [...c.del], ins: [...c.ins] });
    }
  }
  return out;
}

function toTextDiff(chunks: Chunk[]): TextDiff {
  const left: Segment[] = [];
  const right: Segment[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const c of chunks) {
    if (c.same) {
      const text = c.tokens.join('');
      left.push({ op: 'same', text });
      right.push({ op: 'same', text });
      continue;
    }
    if (c.del.length > 0) left.push({ op: 'del', text: c.del.join('') });
    if (c.ins.length > 0) right.push({ op: 'ins', text: c.ins.join('') });
    wordsRemoved += wordCount(c.del);
    wordsAdded += wordCount(c.ins);
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
export function diffParts(leftParts: string[][], rightParts: string[][]): PartsDiff {
  const d = diffTokens(joinParts(leftParts), joinParts(rightParts));
  return {
    left: cutSegments(d.left, 'ins', leftParts),
    right: cutSegments(d.right, 'del', rightParts),
    wordsAdded: d.wordsAdded,
    wordsRemoved: d.wordsRemoved,
  };
}

function joinParts(parts: string[][]): string[] {
  const out: string[] = [];
  parts.forEach((p, k) => {
    if (k > 0) out.push(' ');
    out.push(...p);
  });
  return out;
}

/** Cuts one side's segments (skipping the other side's `other` op) at the part boundaries, dropping each joining space. */
function cutSegments(segments: Segment[], other: Segment['op'], parts: string[][]): Segment[][] {
  const lengths = parts.map((p) => p.reduce((n, t) => n + t.length, 0));
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
