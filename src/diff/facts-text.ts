import { isName, textBefore, wordsWithContext, type ContextWord } from './chunks.ts';
import { numberValue } from './number-words.ts';
import { splitSentences } from './sentences.ts';
import type { DiffRow, Segment } from './types.ts';

// Small readers of words, numbers, rows and sentences for the fact collector (facts.ts).

/** Preview excerpts are cut to this many characters. */
export const PREVIEW_CHARS = 200;

export const LOWER_WORD = /(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]*/gu;

export function numbersIn(words: ContextWord[]): string[] {
  const out: string[] = [];
  for (const w of words) if (w.number) out.push(numberValue(w.word));
  return out;
}

export function namesIn(words: ContextWord[], lower: (w: string) => boolean): string[] {
  const out: string[] = [];
  for (const w of words) if (!w.number && isName(w.word, () => textBefore(w), lower)) out.push(w.word);
  return out;
}

export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** How often `word` stands in `text` as a whole word. */
export function wordCount(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + word.length] ?? ' ';
    if (!LETTER_OR_DIGIT.test(before) && !LETTER_OR_DIGIT.test(after)) n++;
  }
  return n;
}

/** How often each number or date value stands in a text. */
export function numbersOf(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of numbersIn(wordsWithContext(text, 0, text))) out.set(n, (out.get(n) ?? 0) + 1);
  return out;
}

export function sameBag(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

export function sideText(segments: Segment[], skip: Segment['op']): string {
  let text = '';
  for (const s of segments) if (s.op !== skip) text += s.text;
  return text;
}

/** Old and new text of a row (one string per side; parts joined). */
export function rowTexts(row: DiffRow): string[] {
  switch (row.kind) {
    case 'same':
    case 'removed':
    case 'added':
    case 'moved-from':
      return [row.text];
    case 'moved-to':
      return row.edit ? [sideText(row.edit.left, 'ins'), row.text] : [row.text];
    case 'changed':
      return [sideText(row.left, 'ins'), sideText(row.right, 'del')];
    case 'split':
      return [sideText(row.left, 'ins'), row.right.map((s) => sideText(s, 'del')).join(' ')];
    case 'merged':
      return [row.left.map((s) => sideText(s, 'ins')).join(' '), sideText(row.right, 'del')];
  }
}

export function leftIndices(row: DiffRow): number[] {
  if (row.kind === 'added') return [];
  if (row.kind === 'merged') return row.leftIndices;
  return [row.leftIndex];
}

export function rightIndices(row: DiffRow): number[] {
  if (row.kind === 'removed') return [];
  if (row.kind === 'split') return row.rightIndices;
  return [row.rightIndex];
}

/** The sentence of `text` that holds position `at`. */
export function sentenceAt(text: string, at: number): string {
  let offset = 0;
  for (const s of splitSentences(text)) {
    const start = text.indexOf(s, offset);
    const end = start + s.length;
    if (at < end || end >= text.length) return s;
    offset = end;
  }
  return text;
}

export function cut(text: string): string {
  if (text.length <= PREVIEW_CHARS) return text;
  const head = text.slice(0, PREVIEW_CHARS - 1);
  const space = head.lastIndexOf(' ');
  return (space > PREVIEW_CHARS / 2 ? head.slice(0, space) : head) + '…';
}
