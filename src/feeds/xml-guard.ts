import { FeedError } from './errors.ts';

/** Far above any real feed or sitemap (Google caps sitemaps at 50 MB); the fetcher's limit is usually lower. */
export const MAX_DOCUMENT_CHARS = 50 * 1024 * 1024;

/**
 * Refuses documents a feed never needs and an attacker loves: oversized text, and DTDs with an
 * internal subset, where entities are declared (the "billion laughs" expansion bomb, external
 * entity reads). Real feeds at most carry a plain `<!DOCTYPE rss PUBLIC ...>`, which is accepted.
 */
export function assertSafeXml(text: string, where: string): void {
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new FeedError('too-large', `${where}: document of ${text.length} characters exceeds ${MAX_DOCUMENT_CHARS}`);
  }
  if (scanProlog(text).internalSubset) {
    throw new FeedError('malformed', `${where}: refusing XML whose DOCTYPE declares entities (internal DTD subset)`);
  }
}

/** The first element name of an XML document (lower-cased, prefix kept), or null. */
export function rootElementName(text: string): string | null {
  return scanProlog(text).root;
}

/** Walks the prolog (declaration, PIs, comments, DOCTYPE) up to the root element. */
function scanProlog(text: string): { root: string | null; internalSubset: boolean } {
  const re = /\s*<(\?[\s\S]*?\?>|!--[\s\S]*?-->|!DOCTYPE([^>[]*)(\[)?[^>]*>|([A-Za-z_][\w.:-]*))/iy;
  let internalSubset = false;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[3]) internalSubset = true;
    if (m[4]) return { root: m[4].toLowerCase(), internalSubset };
  }
  return { root: null, internalSubset };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
