// Quotations in a text, for the quote-changed label, and a range-overlap test over them.

const OPEN_CLOSE: Record<string, string> = { '“': '”', '„': '“”', '«': '»', '‹': '›', '「': '」', '『': '』', '‘': '’', '"': '"' };
const LETTER_AFTER = /^[\p{L}\p{N}]/u;

/**
 * [start, end) of each quotation in a text: “…”, „…“, «…», ‹…›, 「…」, 『…』, "…", and ‘…’ when
 * the ‘ opens it (a ’ followed by a letter is an apostrophe, not a closing quote).
 */
export function quoteSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  const openers = new RegExp(OPENERS.source, 'g');
  for (let m = openers.exec(text); m; m = openers.exec(text)) {
    const end = closerAfter(text, m.index + 1, OPEN_CLOSE[m[0]]);
    if (end < 0) continue;
    out.push([m.index, end + 1]);
    openers.lastIndex = end + 1;
  }
  return out;
}
const OPENERS = /["“„«‹「『‘]/;

/** Position of the first of `closers` from `from` on (an apostrophe is no closer), or -1. */
function closerAfter(text: string, from: number, closers: string): number {
  let best = -1;
  for (const c of closers) {
    let p = text.indexOf(c, from);
    while (p >= 0 && c === '’' && LETTER_AFTER.test(text.slice(p + 1, p + 2))) p = text.indexOf(c, p + 1);
    if (p >= 0 && (best < 0 || p < best)) best = p;
  }
  return best;
}

export function overlaps(ranges: [number, number][], from: number, to: number): boolean {
  return ranges.some(([a, b]) => from < b && to > a);
}
