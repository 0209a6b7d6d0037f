import { normalizeText } from './normalize.ts';

// Sentences added or removed between two versions of a text, for subscriptions such as "a change
// that adds or removes a sentence containing 'Rwanda'". Rule-based and deliberately simple: a
// sentence ends at . ! ? or … (with closing quotes or brackets) followed by a space and a capital,
// digit or opening quote. Abbreviations such as "Mr." may split a sentence; both halves still
// carry their words, and the same split happens on both sides of the comparison.

const BOUNDARY = /(?<=[.!?…]["'”’»)\]]*)\s+(?=["'“‘«([]?[\p{Lu}\p{N}])/u;

/** The sentences of one paragraph, normalised (NFC, single spaces). */
export function splitSentences(paragraph: string): string[] {
  const text = normalizeText(paragraph);
  if (!text) return [];
  return text.split(BOUNDARY).filter((s) => s.length > 0);
}

export interface SentenceChanges {
  added: string[];
  removed: string[];
}

/**
 * Sentences of `after` not in `before` (added) and of `before` not in `after` (removed), counted
 * as multisets so a repeated sentence that loses one copy counts as removed once. Order follows
 * the texts. A sentence merely moved is neither.
 */
export function changedSentences(before: string[], after: string[]): SentenceChanges {
  const left = before.flatMap(splitSentences);
  const right = after.flatMap(splitSentences);
  return { added: minus(right, left), removed: minus(left, right) };
}

function minus(from: string[], take: string[]): string[] {
  const counts = new Map<string, number>();
  for (const s of take) counts.set(s, (counts.get(s) ?? 0) + 1);
  const out: string[] = [];
  for (const s of from) {
    const n = counts.get(s) ?? 0;
    if (n > 0) counts.set(s, n - 1);
    else out.push(s);
  }
  return out;
}

/** Lower case without accents, for matching words: "Zürich" and "zurich" are the same word. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text (letters and digits), folded. */
export function matchWords(text: string): string[] {
  return foldForMatch(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * True when every term (a word, or a phrase of consecutive words) occurs in `sentence` as whole
 * words: "Rwanda" matches "Rwanda's" and "RWANDA" but not "Rwandan".
 */
export function sentenceHasTerms(sentence: string, terms: string[][]): boolean {
  return wordsHaveTerms(matchWords(sentence), terms);
}

/** sentenceHasTerms on a sentence already split by matchWords (split once, match many queries). */
export function wordsHaveTerms(words: string[], terms: string[][]): boolean {
  if (terms.length === 0) return false;
  return terms.every((term) => hasRun(words, term.map(foldForMatch)));
}

function hasRun(words: string[], run: string[]): boolean {
  if (run.length === 0) return true;
  for (let i = 0; i + run.length <= words.length; i++) {
    let j = 0;
    while (j < run.length && words[i + j] === run[j]) j++;
    if (j === run.length) return true;
  }
  return false;
}
