/**
 * The pieces the known-answer edit generator works with (bench/lib/diff-edits.ts): words with their
 * origin, the paragraphs being built, and this folder's own simple rules for sentences, quotes and
 * spelling distance. Nothing here calls the diff engine.
 */

/** A word of the new version: its text and where it came from (old paragraph and word position), or null when inserted. */
export interface Word {
  text: string;
  from: [number, number] | null;
}

/** A paragraph of the new version being built. */
export interface Draft {
  /** Old paragraphs it comes from: one (kept, edited, or one part of a split), two (merged), none (added). */
  origin: number[];
  words: Word[];
  /** Words were replaced, inserted or deleted (beyond a typo). */
  edited: boolean;
  /** A typo was fixed (a cosmetic edit). */
  typo: boolean;
  /** The answer for word marks is not sharp (sentences reordered): left out of word-mark scores. */
  fuzzy: boolean;
  heavy: boolean;
}

/** A paragraph with no origin and no marks yet, made of these words. */
export function newDraft(origin: number[], words: Word[], edited: boolean): Draft {
  return { origin, words, edited, typo: false, fuzzy: false, heavy: false };
}

export const LOWER_WORD = /^\p{Ll}{3,}[,.;:]?$/u;
export const POOL_WORD = /^\p{Ll}{4,12}$/u;
export const NUMBER = /^[($£€]?\d[\d,.]*%?[,.;:)]?$/;
export const QUOTE_CHARS = /["“”„«»‹›「」『』‘’']/;
export const SENTENCE_END = /[.!?]["”’)]*$/;
export const SENTENCE_START = /^["“‘(]*[\p{Lu}\d]/u;
export const ABBREVIATION = /^(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Jr|Sr|No|vs|[A-Z])\.$/;
/** Month and weekday names: inserting one would be a date change, not a reword. */
export const DATE_NAMES = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

/** [start, end) word ranges of the sentences of a paragraph (this file's own rule). */
export function sentences(words: string[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let k = 0; k < words.length; k++) {
    const end =
      k === words.length - 1 || (SENTENCE_END.test(words[k]) && !ABBREVIATION.test(words[k]) && SENTENCE_START.test(words[k + 1]));
    if (end) {
      out.push([start, k + 1]);
      start = k + 1;
    }
  }
  return out;
}

/** Which words stand inside quotation marks (or carry one): “…”, „…“, «…», "…", and ‘…’ (a ’ inside a word is an apostrophe). */
export function quoted(words: string[]): boolean[] {
  let inside = false;
  return words.map((w) => {
    const here = inside || QUOTE_CHARS.test(w);
    for (const [k, m] of [...w].entries()) {
      if ('“„«‘'.includes(m)) inside = true;
      else if ('”»'.includes(m)) inside = false;
      else if (m === '"') inside = !inside;
      else if (m === '’' && !/\p{L}/u.test([...w][k + 1] ?? '')) inside = false;
    }
    return here;
  });
}

/** The index of a sentence holding a complete “…” or "…" quotation, or -1. */
export function quotedSentence(d: Draft): number {
  const spans = sentences(d.words.map((w) => w.text));
  return spans.findIndex(([a, b]) => {
    const text = d.words
      .slice(a, b)
      .map((w) => w.text)
      .join(' ');
    return /“[^”]{3,}”/.test(text) || /"[^"]{3,}"/.test(text);
  });
}

export function shuffle<T>(list: T[], g: { int(from: number, to: number): number }): T[] {
  const out = [...list];
  for (let k = out.length - 1; k > 0; k--) {
    const r = g.int(0, k);
    [out[k], out[r]] = [out[r], out[k]];
  }
  return out;
}

/** Levenshtein distance (this folder's own, for choosing replacement words that are no near-spelling). */
export function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
