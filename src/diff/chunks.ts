import { C_APOSTROPHE, C_DIGIT, C_LETTER, C_SEPARATOR, classAt } from './tokens.ts';
import { editDistance } from './edit-distance.ts';
import { hasDigit, isDateWord, isNumberOrDate } from './number-words.ts';
import type { Segment } from './types.ts';

/**
 * One replacement inside an edited text: what was deleted and what was inserted between the same
 * two unchanged runs, with where each sits in its side's whole text (for context: sentence
 * starts, quotations, notices).
 */
export interface Chunk {
  del: string;
  ins: string;
  delAt: number;
  insAt: number;
  oldText: string;
  newText: string;
  /** Shared by the chunks of one edit: what the label rules found in its texts, kept once computed. */
  texts: EditTexts;
}

export interface EditTexts {
  oldQuotes?: [number, number][];
  newQuotes?: [number, number][];
  notices?: [number, number][];
  oldNumbers?: Map<string, number>;
  newNumbers?: Map<string, number>;
}

/** Walks both sides of an edit in step: between two shared 'same' runs there is at most one del and one ins. */
export function chunksOf(left: Segment[], right: Segment[]): Chunk[] {
  const oldText = left.map((s) => s.text).join('');
  const newText = right.map((s) => s.text).join('');
  const texts: EditTexts = {};
  const out: Chunk[] = [];
  let i = 0;
  let j = 0;
  let oldAt = 0;
  let newAt = 0;
  while (i < left.length || j < right.length) {
    let del = '';
    let ins = '';
    const delAt = oldAt;
    const insAt = newAt;
    while (i < left.length && left[i].op === 'del') {
      del += left[i].text;
      oldAt += left[i++].text.length;
    }
    while (j < right.length && right[j].op === 'ins') {
      ins += right[j].text;
      newAt += right[j++].text.length;
    }
    if (del || ins) out.push({ del, ins, delAt, insAt, oldText, newText, texts });
    if (i < left.length && left[i].op === 'same') oldAt += left[i++].text.length;
    if (j < right.length && right[j].op === 'same') newAt += right[j++].text.length;
  }
  return out;
}

/** Letters and digits only, case and accents folded: what is left when punctuation, spacing and case are ignored. */
export function squash(text: string): string {
  if (isAsciiAlnum(text)) return text.toLowerCase();
  const plain = ASCII.test(text) ? text : text.normalize('NFKD');
  return plain.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}

/** Only ASCII letters and digits: squash and fold then only lower the case. */
function isAsciiAlnum(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const lower = c | 0x20;
    if (!((lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

/**
 * A chunk that changes nothing a reader would call news: case, punctuation, accents, spacing,
 * hyphenation or digit grouping only, or a typo fix (each word within one letter of the old one,
 * two for words of six letters or more; never a number).
 */
export function isCosmetic(c: Chunk, dels: ContextWord[], inss: ContextWord[]): boolean {
  if (dels.length !== inss.length || dels.length === 0) return squash(c.del) === squash(c.ins);
  // As many words on each side: cosmetic when each pair is equal up to case and accents, or a typo
  // (letters alone cannot then agree either, so no need to squash).
  for (let k = 0; k < dels.length; k++) {
    const a = dels[k].word;
    const b = inss[k].word;
    if (fold(a) !== fold(b) && (dels.length > 2 || !isTypo(a, b))) return false;
  }
  return true;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Case and accents folded, separators dropped ("1,200" = "1200"). */
function fold(word: string): string {
  if (isAsciiAlnum(word)) return word.toLowerCase();
  return (ASCII.test(word) ? word : word.normalize('NFKD')).replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}

function isTypo(a: string, b: string): boolean {
  if (hasDigit(a) || hasDigit(b)) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const shorter = Math.min(x.length, y.length);
  if (shorter < 3) return false;
  const limit = shorter >= 6 ? 2 : 1;
  return editDistance(x, y, limit) <= limit;
}

const UPPER_START = /^\p{Lu}/u;
const ALL_CAPS = /^\p{Lu}{2,}$/u;
/** Where, looking back from a word over spaces and opening quotes or brackets, a sentence starts. */
const SENTENCE_BEFORE = /(?:^|[.!?…:。！？]["'”’»)\]]*)[\s"'“‘«„([¿¡]*$/u;

/**
 * A name: a capitalised word that does not start a sentence, an acronym ("AP", "NHS"), or a
 * capitalised word at a sentence start that the article never writes in lower case ("Reuters"
 * but not "The"). Months, weekdays and the pronoun "I" are not names.
 */
export function isName(word: string, before: string | (() => string), writtenLower: (lower: string) => boolean): boolean {
  if (!UPPER_START.test(word) || word === 'I' || isNumberOrDate(word)) return false;
  if (ALL_CAPS.test(word)) return true;
  if (!SENTENCE_BEFORE.test((typeof before === 'string' ? before : before()).slice(-12))) return true;
  return !writtenLower(word.toLowerCase());
}

/** The words of a chunk's side with the text before each, for sentence-start tests. */
export interface ContextWord {
  word: string;
  /** Where the word stands in `whole`, the side's whole text (for what comes before it). */
  at: number;
  whole: string;
  /** A number or date word (see isNumberOrDate). */
  number: boolean;
}

/** Up to 12 characters of the whole text before a word. */
export function textBefore(w: ContextWord): string {
  return w.whole.slice(Math.max(0, w.at - 12), w.at);
}

/** Words as the label rules see them: letters and digits, joined across inner apostrophes and number separators. */
const LABEL_WORD = /[\p{L}\p{M}\p{N}]+(?:['’.,:][\p{L}\p{M}\p{N}]+)*/gu;

/** The words of a chunk's side with the text before each, for sentence-start tests. */
export function wordsWithContext(text: string, at: number, whole: string): ContextWord[] {
  const out: ContextWord[] = [];
  if (!text) return out;
  if (plainWords(text, at, whole, out)) return out;
  out.length = 0;
  for (const m of text.matchAll(LABEL_WORD)) {
    out.push({ word: m[0], at: at + m.index, whole, number: isNumberOrDate(m[0]) });
  }
  return out;
}

const LETTER = C_LETTER | C_DIGIT;
const INNER = C_APOSTROPHE | C_SEPARATOR;

/** LABEL_WORD by hand over the tokeniser's classes for PLAIN text; false (out then partial) when the text is not PLAIN. */
function plainWords(text: string, at: number, whole: string, out: ContextWord[]): boolean {
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = classAt(text, p);
    if (c === 0) return false;
    if (!(c & LETTER)) {
      p++;
      continue;
    }
    let digit = false;
    let q = p;
    for (;;) {
      for (let c2 = classAt(text, q); q < n && c2 & LETTER; c2 = classAt(text, ++q)) if (c2 === C_DIGIT) digit = true;
      if (q + 1 < n && classAt(text, q) & INNER && classAt(text, q + 1) & LETTER) q++;
      else break;
    }
    if (q < n && classAt(text, q) === 0) return false;
    const word = text.slice(p, q);
    out.push({ word, at: at + p, whole, number: digit || isDateWord(word) });
    p = q;
  }
  return true;
}
