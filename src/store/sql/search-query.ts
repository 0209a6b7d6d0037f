/**
 * Turns what a reader typed into a list of terms, each a phrase of one or more words:
 * `"prime minister" resigned` -> [['prime', 'minister'], ['resigned']]. Only letters and digits
 * survive, so no input can produce FTS syntax; every term must match (AND).
 */
export function parseSearchText(text: string): string[][] {
  const terms: string[][] = [];
  // Quoted spans become phrases; an unbalanced quote runs to the end of the text.
  const parts = text.split('"');
  parts.forEach((part, i) => {
    const words = part.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
    if (i % 2 === 1) {
      if (words.length) terms.push(words.map((w) => w.toLowerCase()));
    } else {
      for (const w of words) terms.push([w.toLowerCase()]);
    }
  });
  return terms;
}
