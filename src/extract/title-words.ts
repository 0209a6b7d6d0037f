/**
 * Titles as words, for comparing headline candidates (extract/headline.ts): each word with where
 * it stands, runs of words inside others, the comparable (folded) form and content-word overlap.
 */
import { normalizeText } from '../text/normalize.ts';

/**
 * The words of a text with where each stands in it, lower-cased. A word keeps its combining marks
 * and joiners (Hindi matras, ZWNJ), so a cut after the last word never drops one.
 */
export interface Word {
  w: string;
  start: number;
  end: number;
}
export function wordsOf(s: string): Word[] {
  const out: Word[] = [];
  for (const m of s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}\u200c\u200d]*/gu))
    out.push({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}
export const keyOf = (ws: Word[]) => ws.map((x) => x.w).join(' ');

/** Where `needle`'s words stand as a run inside `hay`'s words, or -1. */
export function runAt(hay: Word[], needle: Word[], from = 0, to = hay.length - needle.length): number {
  if (needle.length === 0) return -1;
  outer: for (let i = from; i <= to; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j]?.w !== needle[j].w) continue outer;
    return i;
  }
  return -1;
}

export function comparable(s: string): string {
  let key = comparableSeen.get(s);
  if (key === undefined) {
    // On ASCII text the letters and digits are [a-z0-9] once lowercased: the same key, 1.5x faster.
    key = normalizeText(s)
      .toLowerCase()
      .replace(isAscii(s) ? ASCII_NON_WORD : NON_WORD, ' ')
      .trim();
    // Short block texts are compared with the headline by the features and again by the filter; bounded memo.
    if (s.length < 400) {
      if (comparableSeen.size >= 10_000) comparableSeen.clear();
      // Both strings may be slices of the page's HTML: kept as such, each would keep a whole page alive.
      comparableSeen.set(detached(s), detached(key));
    }
  }
  return key;
}
const comparableSeen = new Map<string, string>();

/** A copy of s that holds no reference to a larger string it was cut from. */
const detached = (s: string): string => (' ' + s).slice(1);

/**
 * A title whose UTF-8 bytes were read as Latin-1 ("Investorâ\u0080\u0099s"), decoded again
 * ("Investor’s"). Only a text all of whose characters are bytes, holding a C1 control (no page
 * writes one), and whose bytes are valid UTF-8 is re-read; any other text is returned as it is.
 */
export function repairMojibake(s: string): string {
  if (!C1.test(s) || !LATIN1_ONLY.test(s)) return s;
  try {
    return UTF8.decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
}
const C1 = /[\u0080-\u009f]/;
const LATIN1_ONLY = /^[\u0000-\u00ff]*$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Curly, low and prime quote marks as the ASCII ' and ": the same title whichever its CMS wrote. */
export const foldQuotes = (s: string) => s.replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"');

/**
 * False only when `comparable(text)` cannot start with `key` (a non-empty comparable key), told
 * without making it: for ASCII text, its first letter or digit lowercased is the key's first
 * character, and a text with none has an empty key. Non-ASCII text is always a maybe.
 */
export function mayStartWith(text: string, key: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return true;
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if ((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57)) return lower === key.charCodeAt(0) || !isAscii(text);
  }
  return false;
}
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const ASCII_NON_WORD = /[^a-z0-9]+/g;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

const STOPWORDS = new Set('a an the of and or to in on for with is are at by from how what why your you our this that it s'.split(' '));
const contentWords = (s: string) =>
  new Set(
    comparable(s)
      .split(' ')
      .filter((w) => w && !STOPWORDS.has(w)),
  );

/** Dice overlap of the two titles' content-word sets. */
export function wordAgreement(a: string, b: string): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}
