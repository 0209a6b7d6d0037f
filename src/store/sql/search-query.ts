/** Terms beyond this many are ignored: each term costs the full-text engine (and snippets) more than linearly. */
export const MAX_SEARCH_TERMS = 16;
/** Words kept per quoted phrase. */
export const MAX_PHRASE_WORDS = 16;
/** Characters of the query read at all; a 4 KB URL of terms is cut here before any parsing. */
export const MAX_QUERY_CHARS = 512;

/**
 * Turns what a reader typed into a list of terms, each a phrase of one or more words:
 * `"prime minister" resigned` -> [['prime', 'minister'], ['resigned']]. Only letters and digits
 * survive, so no input can produce FTS syntax; every term must match (AND). A word typed with a
 * trailing `*` matches as a prefix and keeps the `*` (`parliam*` -> [['parliam*']]); only the last
 * word of a phrase can be a prefix, as in FTS5. Repeated terms count once and only the first
 * MAX_SEARCH_TERMS are kept, so a hostile query of thousands of terms costs what a short one does.
 */
export function parseSearchText(text: string): string[][] {
  const terms: string[][] = [];
  const seen = new Set<string>();
  const add = (words: string[]) => {
    const term = words.slice(0, MAX_PHRASE_WORDS).map((w) => w.toLowerCase());
    const key = term.join(' ');
    if (terms.length >= MAX_SEARCH_TERMS || seen.has(key)) return;
    seen.add(key);
    terms.push(term);
  };
  // Quoted spans become phrases; an unbalanced quote runs to the end of the text.
  const parts = readable(text).split('"');
  parts.forEach((part, i) => {
    const words = (part.normalize('NFC').match(/[\p{L}\p{N}]+\*?/gu) ?? []).map((w) => w.toLowerCase());
    if (i % 2 === 1) {
      // Inside a phrase only the last word may be a prefix.
      const phrase = words.map((w, k) => (k < words.length - 1 ? w.replace(/\*$/, '') : w));
      const afterQuote = parts[i + 1]?.startsWith('*') && phrase.length ? phrase.length - 1 : -1;
      if (afterQuote >= 0) phrase[afterQuote] = phrase[afterQuote].replace(/\*?$/, '*');
      if (phrase.length) add(phrase);
    } else {
      for (const w of words) add([w]);
    }
  });
  return terms;
}

/** The first MAX_QUERY_CHARS characters, without a word cut in two at the end (its stub would be a term of its own). */
function readable(text: string): string {
  if (text.length <= MAX_QUERY_CHARS) return text;
  const head = text.slice(0, MAX_QUERY_CHARS);
  return /[\p{L}\p{N}]/u.test(text[MAX_QUERY_CHARS]) ? head.replace(/[\p{L}\p{N}]+$/u, '') : head;
}
