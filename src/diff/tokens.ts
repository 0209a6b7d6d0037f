/**
 * Splits text into the units a reader sees change: words (with inner apostrophes), numbers
 * (with their decimal and thousands separators, so "1,200" → "1,500" is one change), single
 * punctuation marks, whitespace runs, and single characters of scripts written without spaces
 * (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), which have no word boundaries to find.
 */
const TOKEN = /\s+|\p{N}+(?:[.,:]\p{N}+)*[\p{L}\p{M}\p{N}_]*|[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*|[\s\S]/gu;
/** One character of a script without spaces, with its combining marks. */
const NO_SPACE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]\p{M}*/u;
const NO_SPACE_SPLIT = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]\p{M}*)/u;

const HAS_WORD = /[\p{L}\p{N}]/u;

export function tokenize(text: string): string[] {
  const tokens = text.match(TOKEN) ?? [];
  if (!NO_SPACE_CHAR.test(text)) return tokens;
  // Words matched above may hold runs of Chinese, Japanese or Thai: cut them per character.
  return tokens.flatMap((t) => (NO_SPACE_CHAR.test(t) ? t.split(NO_SPACE_SPLIT).filter(Boolean) : [t]));
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

/** Maps strings to small integers, so word bags are sortable integer arrays. */
export class Interner {
  private readonly ids = new Map<string, number>();

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
    }
    return id;
  }
}
