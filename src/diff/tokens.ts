/**
 * Splits text into the units a reader sees change: words (with inner apostrophes), numbers
 * (with their decimal and thousands separators, so "1,200" → "1,500" is one change), single
 * punctuation marks, whitespace runs, and single characters of scripts written without spaces
 * (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), which have no word boundaries to find.
 * Every unit is made of whole grapheme clusters: 👍🏽, 🇺🇦 or क्षि are never cut in two.
 */
const TOKEN = /\s+|\p{N}+(?:[.,:]\p{N}+)*[\p{L}\p{M}\p{N}_]*|[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*|[\s\S]/gu;
/** One character of a script without spaces, with its combining marks. */
const NO_SPACE_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]\p{M}*/u;
const NO_SPACE_SPLIT =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]\p{M}*)/u;

/**
 * Characters the code-point regex above could cut a cluster at: emoji modifiers and flags, joiners,
 * variation selectors, keycaps, tag sequences, pictographs, and marks after a non-letter. Text
 * without them (nearly all prose) takes the fast path; the rest is segmented by Intl.Segmenter.
 */
const CLUSTER_RISK =
  // eslint-disable-next-line no-misleading-character-class -- each listed code point (joiner, selector, keycap) is itself the risk being detected
  /[\p{Emoji_Modifier}\p{Regional_Indicator}\p{Extended_Pictographic}\u200C\u200D\uFE0E\uFE0F\u20E3\u{E0020}-\u{E007F}]|[^\p{L}\p{N}\p{M}_]\p{M}/u;
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Latin, Greek and Cyrillic letters, common punctuation and currency signs: no clusters to keep, no scripts without spaces. */
const PLAIN = /^[\x00-\u02FF\u0370-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u20A0-\u20C0]*$/;

export function tokenize(text: string): string[] {
  const plain = tokenizePlain(text);
  if (plain) return plain;
  if (CLUSTER_RISK.test(text)) return tokenizeClusters(text);
  return tokenizeCodePoints(text);
}

// The TOKEN regex for PLAIN text, by hand over a class table (several times faster than the
// regex with its Unicode classes). Classes of every PLAIN character, taken from the same classes
// TOKEN uses; 0 marks a character outside PLAIN (the caller then takes the general path).
export const C_SPACE = 1;
export const C_DIGIT = 2; // \p{N}
export const C_LETTER = 4; // [\p{L}\p{M}]
export const C_APOSTROPHE = 8; // ['’]
export const C_SEPARATOR = 16; // [.,:]
const C_OTHER = 32;
const C_UNDERSCORE = 64;
const C_WORD = C_DIGIT | C_LETTER | C_UNDERSCORE;
const PLAIN_END = 0x20c1;
const CLASSES = (() => {
  const table = new Uint8Array(PLAIN_END);
  for (let c = 0; c < PLAIN_END; c++) {
    const ch = String.fromCharCode(c);
    if (!PLAIN.test(ch)) continue;
    if (/\s/u.test(ch)) table[c] = C_SPACE;
    else if (/\p{N}/u.test(ch)) table[c] = C_DIGIT;
    else if (/[\p{L}\p{M}]/u.test(ch)) table[c] = C_LETTER;
    else if (ch === '_') table[c] = C_UNDERSCORE;
    else if (ch === "'" || ch === '’') table[c] = C_APOSTROPHE;
    else if (ch === '.' || ch === ',' || ch === ':') table[c] = C_SEPARATOR;
    else table[c] = C_OTHER;
  }
  return table;
})();

/** The class (C_*) of the character at p when it is PLAIN, else 0. */
export function classAt(text: string, p: number): number {
  const c = text.charCodeAt(p);
  return c < PLAIN_END ? CLASSES[c] : 0;
}

/** Tokens of a PLAIN text, or null when the text is not PLAIN. */
function tokenizePlain(text: string): string[] | null {
  const ends: number[] = [];
  if (!plainEnds(text, ends)) return null;
  const out: string[] = new Array(ends.length);
  let p = 0;
  for (let k = 0; k < ends.length; k++) {
    out[k] = text.slice(p, ends[k]);
    p = ends[k];
  }
  return out;
}

/** Pushes the end offset of each token of a PLAIN text onto `ends`; false (ends then partial) when the text is not PLAIN. */
export function plainEnds(text: string, ends: number[]): boolean {
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = classAt(text, p);
    if (c === 0) return false;
    let q = p + 1;
    if (c === C_SPACE) {
      while (q < n && classAt(text, q) === C_SPACE) q++;
    } else if (c === C_DIGIT) {
      while (q < n && classAt(text, q) === C_DIGIT) q++;
      while (q + 1 < n && classAt(text, q) === C_SEPARATOR && classAt(text, q + 1) === C_DIGIT) {
        q += 2;
        while (q < n && classAt(text, q) === C_DIGIT) q++;
      }
      while (q < n && classAt(text, q) & C_WORD) q++;
    } else if (c === C_LETTER || c === C_UNDERSCORE) {
      for (;;) {
        while (q < n && classAt(text, q) & C_WORD) q++;
        if (q + 1 < n && classAt(text, q) === C_APOSTROPHE && classAt(text, q + 1) & C_WORD) q += 2;
        else break;
      }
    }
    ends.push(q);
    p = q;
  }
  return true;
}

function tokenizeCodePoints(text: string): string[] {
  const tokens = text.match(TOKEN) ?? [];
  if (!NO_SPACE_CHAR.test(text)) return tokens;
  // Words matched above may hold runs of Chinese, Japanese or Thai: cut them per character.
  return tokens.flatMap((t) => (NO_SPACE_CHAR.test(t) ? t.split(NO_SPACE_SPLIT).filter(Boolean) : [t]));
}

/**
 * The same rules over grapheme clusters: each cluster stands in for one UTF-16 unit of a shadow
 * string (itself when it is one plain BMP character, else a placeholder of its class), the shadow
 * is tokenised as above, and each token's length in units is its length in clusters.
 */
function tokenizeClusters(text: string): string[] {
  const clusters = Array.from(GRAPHEMES.segment(text), (s) => s.segment);
  let shadow = '';
  for (const c of clusters) shadow += shadowOf(c);
  const out: string[] = [];
  let k = 0;
  for (const token of tokenizeCodePoints(shadow)) {
    out.push(clusters.slice(k, k + token.length).join(''));
    k += token.length;
  }
  return out;
}

const LONE_MARK = /^\p{M}$/u;
const SPACE = /^\s/u;
const NUMBER = /^\p{N}/u;
const WORDISH = /^[\p{L}\p{M}_]/u;

function shadowOf(cluster: string): string {
  if (cluster.length === 1 && !LONE_MARK.test(cluster)) return cluster;
  if (NO_SPACE_CHAR.test(cluster)) return '中';
  if (SPACE.test(cluster)) return ' ';
  if (NUMBER.test(cluster)) return '0';
  if (WORDISH.test(cluster)) return 'a';
  return '#';
}

/** A token that counts as a word in the summary: it has a letter or digit (each CJK character counts). */
export function isWord(token: string): boolean {
  return HAS_WORD.test(token);
}

export function countWords(text: string): number {
  let n = 0;
  for (const t of tokenize(text)) if (isWord(t)) n++;
  return n;
}
