import { Parser } from 'htmlparser2';
import { tryCanonicalizeHttpUrl } from './canonical.ts';
import { parseDate } from './values.ts';
import type { FeedDocument, FeedItem } from './types.ts';

interface Entry {
  loc: string;
  lastmod: string;
  newsTitle: string;
  newsDate: string;
}

const emptyEntry = (): Entry => ({ loc: '', lastmod: '', newsTitle: '', newsDate: '' });

/** Which Entry field an element fills, judged by its parent: image:loc or video:title must not leak in. */
function fieldFor(local: string, parent: string | undefined): keyof Entry | null {
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
  let field: keyof Entry | null = null;
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
      onclosetag() {
        const local = stack.pop();
        if ((local === 'url' || local === 'sitemap') && current) {
          entries.push(current);
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

function toIndex(entries: Entry[], feedUrl: string): FeedDocument {
  const sitemaps = entries.map((e) => tryCanonicalizeHttpUrl(e.loc, feedUrl)).filter((u): u is string => u !== null);
  return { format: 'sitemap-index', items: [], sitemaps: [...new Set(sitemaps)] };
}
