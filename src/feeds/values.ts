import type { Millis } from '../model/index.ts';

/** RFC 822 (RSS), RFC 3339 / W3C datetime (Atom, sitemaps, JSON Feed); null when absent or unreadable. */
export function parseDate(value: string | null | undefined): Millis | null {
  const s = value?.trim();
  if (!s) return null;
  let t = Date.parse(s);
  // A zone abbreviation V8 does not know ("BST", "CEST"): read as GMT, a few hours off at most,
  // which beats no date for ordering articles.
  if (Number.isNaN(t)) t = Date.parse(s.replace(/\s+([A-Z]{1,4})$/, ' GMT'));
  return Number.isNaN(t) ? null : t;
}

/** Feed titles may carry markup (Atom type="html") and stray whitespace; readers want plain text. */
export function cleanTitle(value: unknown): string | null {
  // feedsmith gives Atom text constructs as { value, type }.
  const raw = typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : value;
  if (typeof raw !== 'string') return null;
  const text = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}
