import { Parser } from 'htmlparser2';
import { tryCanonicalizeHttpUrl } from './canonical.ts';
import type { FeedItem } from './types.ts';

/**
 * The article links of a front page, the way NewsDiffs discovers articles on sites without feeds:
 * every `<a href>` (resolved against the page and its `<base href>`, canonicalised) whose URL
 * matches `linkPattern`, in page order, once each, titled by the longest anchor text seen for it.
 */
export function pageLinks(html: string, pageUrl: string, linkPattern: RegExp): FeedItem[] {
  let base = pageUrl;
  const found = new Map<string, string>();
  let open: { url: string; text: string } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href && base === pageUrl) base = tryCanonicalizeHttpUrl(attrs.href, pageUrl) ?? pageUrl;
        if (name !== 'a') return;
        const url = attrs.href ? tryCanonicalizeHttpUrl(attrs.href, base) : null;
        open = url && linkPattern.test(url) ? { url, text: '' } : null;
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (name !== 'a' || !open) return;
        const text = open.text.replace(/\s+/g, ' ').trim();
        const known = found.get(open.url);
        if (known === undefined || text.length > known.length) found.set(open.url, text);
        open = null;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return [...found].map(([url, title]) => ({ url, title: title || null, publishedAt: null }));
}
