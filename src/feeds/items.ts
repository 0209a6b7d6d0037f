import { tryCanonicalizeHttpUrl } from './canonical.ts';
import { rssItemUrl, type RssGuid } from './item-url.ts';
import type { FeedFormat, FeedItem } from './types.ts';
import { cleanTitle, parseDate } from './values.ts';

/** The few fields Redline reads from feedsmith's result, for every format (feedsmith's own types are per format and generic). */
interface RawItem {
  title?: unknown;
  link?: string;
  guid?: RssGuid;
  pubDate?: string;
  links?: { href?: string; rel?: string; type?: string }[];
  published?: string;
  updated?: string;
  url?: string;
  external_url?: string;
  date_published?: string;
  date_modified?: string;
  dc?: { dates?: string[] };
  dcterms?: { issued?: string[]; created?: string[]; modified?: string[] };
}

export interface AnyItems {
  items?: RawItem[];
  entries?: RawItem[];
}

export function feedItems(format: FeedFormat, parsed: AnyItems, feedUrl: string): FeedItem[] {
  const raw = (format === 'atom' ? parsed.entries : parsed.items) ?? [];
  const out: FeedItem[] = [];
  for (const item of raw) {
    const url = itemUrl(format, item, feedUrl);
    if (url) out.push({ url, title: cleanTitle(item.title), publishedAt: itemDate(item) });
  }
  return out;
}

function itemUrl(format: FeedFormat, item: RawItem, feedUrl: string): string | null {
  switch (format) {
    case 'rss':
      return rssItemUrl(item.link, item.guid, feedUrl);
    case 'atom':
      return tryCanonicalizeHttpUrl(atomLink(item.links), feedUrl);
    case 'json':
      return tryCanonicalizeHttpUrl(item.url ?? item.external_url, feedUrl);
    default:
      return tryCanonicalizeHttpUrl(item.link, feedUrl);
  }
}

/** Atom: the rel="alternate" link (rel defaults to alternate), HTML preferred. */
function atomLink(links: RawItem['links']): string | undefined {
  const alternates = (links ?? []).filter((l) => l.href && (!l.rel || l.rel === 'alternate'));
  return (alternates.find((l) => !l.type || /html/i.test(l.type)) ?? alternates[0])?.href;
}

function itemDate(item: RawItem): number | null {
  const candidates = [
    item.pubDate,
    item.published,
    item.date_published,
    item.dc?.dates?.[0],
    item.dcterms?.issued?.[0],
    item.dcterms?.created?.[0],
    item.updated,
    item.date_modified,
    item.dcterms?.modified?.[0],
  ];
  for (const c of candidates) {
    const t = parseDate(c);
    if (t !== null) return t;
  }
  return null;
}
