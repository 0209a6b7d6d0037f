import { Parser } from 'htmlparser2';
import { tryCanonicalizeHttpUrl } from './canonical.ts';
import { parseDate } from './values.ts';
import type { FeedDocument, FeedItem } from './types.ts';

interface Entry {
  /** Closed by its own end tag: a truncated sitemap keeps only the entries it completed. */
  complete: boolean;
  loc: string;
  lastmod: string;
  newsTitle: string;
  newsDate: string;
}

const emptyEntry = (): Entry => ({ complete: true, loc: '', lastmod: '', newsTitle: '', newsDate: '' });

/** Which Entry field an element fills, judged by its parent: image:loc or video:title must not leak in. */
type TextField = 'loc' | 'lastmod' | 'newsTitle' | 'newsDate';

function fieldFor(local: string, parent: string | undefined): TextField | null {
  if (parent === 'url' || parent === 'sitemap') return local === 'loc' ? 'loc' : local === 'lastmod' ? 'lastmod' : null;
  if (parent === 'news') return local === 'title' ? 'newsTitle' : local === 'publication_date' ? 'newsDate' : null;
  return null;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();

/**
 * XML sitemaps (`<urlset>`), Google News sitemaps (`news:title`, `news:publication_date`) and
 * sitemap indexes (`<sitemapindex>`, whose children go to `sitemaps`). Streaming and lenient:
 * a sitemap is a flat list, so a tolerant tokenizer is enough and never builds a tree.
 */
export function parseSitemap(text: string, feedUrl: string, root: 'urlset' | 'sitemapindex'): FeedDocument {
  const entries: Entry[] = [];
  const stack: string[] = [];
  let current: Entry | null = null;
  let field: TextField | null = null;
  const parser = new Parser(
    {
      onopentag(name) {
        const local = localName(name);
        const parent = stack[stack.length - 1];
        stack.push(local);
        if (local === 'url' || local === 'sitemap') current = emptyEntry();
        else if (current) field = fieldFor(local, parent);
      },
      ontext(data) {
        if (current && field) current[field] += data;
      },
      onclosetag(_name, isImplied) {
        const local = stack.pop();
        if (isImplied && current) current.complete = false;
        if ((local === 'url' || local === 'sitemap') && current) {
          if (current.complete) entries.push(current);
          current = null;
        }
        field = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  return root === 'sitemapindex' ? toIndex(entries, feedUrl) : toUrlset(entries, feedUrl);
}

function toUrlset(entries: Entry[], feedUrl: string): FeedDocument {
  const items: FeedItem[] = [];
  for (const e of entries) {
    const url = tryCanonicalizeHttpUrl(e.loc, feedUrl);
    if (!url) continue;
    items.push({
      url,
      title: e.newsTitle.replace(/\s+/g, ' ').trim() || null,
      publishedAt: parseDate(e.newsDate) ?? parseDate(e.lastmod),
    });
  }
  return { format: 'sitemap', items, sitemaps: [] };
}

/** Child sitemaps, the most recently modified first (undated ones after, in document order): a poll reads the first few. */
function toIndex(entries: Entry[], feedUrl: string): FeedDocument {
  const children = entries
    .map((e, i) => ({ url: tryCanonicalizeHttpUrl(e.loc, feedUrl), at: parseDate(e.lastmod), i }))
    .filter((c): c is { url: string; at: number | null; i: number } => c.url !== null)
    .sort((a, b) => (b.at ?? -Infinity) - (a.at ?? -Infinity) || a.i - b.i);
  return { format: 'sitemap-index', items: [], sitemaps: [...new Set(children.map((c) => c.url))] };
}
