import { html, type SafeHtml } from '../html.ts';

/** Words and "quoted phrases" of a search query, as the reader typed them. */
export function queryTerms(q: string): string[] {
  const terms: string[] = [];
  for (const m of q.matchAll(/"([^"]+)"|([^\s"]+)/g)) {
    const term = (m[1] ?? m[2]).trim();
    if (term) terms.push(term);
  }
  return terms;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A word's pattern: search stems words and takes `word*` as a prefix, so "resign" must mark
 * "resigned" and "parliam*" "parliament": the word without a common ending, then any letters.
 * A final y and an -ies/-ied ending both stem to the same root (Porter's y -> i), so "ferry"
 * marks "Ferries" and "stories" marks "story".
 */
function wordPattern(term: string): string {
  if (/\s/.test(term) || !/^[\p{L}\p{N}]+\*?$/u.test(term)) return escapeRegExp(term).replace(/\s+/g, '\\s+');
  const rest = '[\\p{L}\\p{N}]*';
  if (term.endsWith('*')) return `${escapeRegExp(term.slice(0, -1))}${rest}`;
  const yi = /^(\p{L}{3,}?)(?:ies|ied|y)$/iu.exec(term);
  if (yi) return `${escapeRegExp(yi[1])}[yi]${rest}`;
  const prefix = term.length > 4 ? term.replace(/(ing|ed|es|s)$/iu, '') : term;
  return `${escapeRegExp(prefix)}${rest}`;
}

/** The snippet with the query's words marked; every piece is still escaped text. */
export function highlight(text: string, q: string): SafeHtml {
  const terms = queryTerms(q).sort((a, b) => b.length - a.length);
  if (!terms.length) return html`${text}`;
  const pattern = new RegExp(`(${terms.map(wordPattern).join('|')})`, 'giu');
  // split() with one capture group puts the matches at the odd positions.
  return html`${text.split(pattern).map((part, i) => (i % 2 === 1 ? html`<mark>${part}</mark>` : part))}`;
}
