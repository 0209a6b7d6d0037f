/**
 * Turns what a reader typed into a list of terms, each a phrase of one or more words:
 * `"prime minister" resigned` -> [['prime', 'minister'], ['resigned']]. Only letters and digits
 * survive, so no input can produce FTS syntax; every term must match (AND). A word typed with a
 * trailing `*` matches as a prefix and keeps the `*` (`parliam*` -> [['parliam*']]); only the last
 * word of a phrase can be a prefix, as in FTS5.
 */
export function parseSearchText(text: string): string[][] {
  const terms: string[][] = [];
  // Quoted spans become phrases; an unbalanced quote runs to the end of the text.
  const parts = text.split('"');
  parts.forEach((part, i) => {
    const words = (part.normalize('NFC').match(/[\p{L}\p{N}]+\*?/gu) ?? []).map((w) => w.toLowerCase());
    if (i % 2 === 1) {
      // Inside a phrase only the last word may be a prefix.
      const phrase = words.map((w, k) => (k < words.length - 1 ? w.replace(/\*$/, '') : w));
      const afterQuote = parts[i + 1]?.startsWith('*') && phrase.length ? phrase.length - 1 : -1;
      if (afterQuote >= 0) phrase[afterQuote] = phrase[afterQuote].replace(/\*?$/, '*');
      if (phrase.length) terms.push(phrase);
    } else {
      for (const w of words) terms.push([w]);
    }
  });
  return terms;
}
