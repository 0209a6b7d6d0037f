import { tryCanonicalizeHttpUrl } from './canonical.ts';
import type { FeedItem } from './types.ts';
import { cleanTitle, parseDate } from './values.ts';

/** The few fields Redline reads from feedsmith's JSON Feed result. */
interface RawItem {
  title?: unknown;
  url?: string;
  external_url?: string;
  date_published?: string;
  date_modified?: string;
}

export interface AnyItems {
  items?: RawItem[];
}

/** JSON Feed items: `url`, else `external_url`; the title is plain text (JSON Feed 1.1). */
export function feedItems(_format: 'json', parsed: AnyItems, feedUrl: string): FeedItem[] {
  const out: FeedItem[] = [];
  for (const item of parsed.items ?? []) {
    const url = tryCanonicalizeHttpUrl(item.url ?? item.external_url, feedUrl);
    if (url) out.push({ url, title: cleanTitle(item.title), publishedAt: parseDate(item.date_published) ?? parseDate(item.date_modified) });
  }
  return out;
}
