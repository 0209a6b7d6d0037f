import type { Millis } from '../model/index.ts';

/** One article announced by a feed or sitemap. `url` is already canonical (see canonicalizeUrl). */
export interface FeedItem {
  url: string;
  title: string | null;
  publishedAt: Millis | null;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json' | 'sitemap' | 'sitemap-index';

/** A parsed document: articles, plus child sitemap URLs when it is a sitemap index (else empty; newest lastmod first). */
export interface FeedDocument {
  format: FeedFormat;
  items: FeedItem[];
  sitemaps: string[];
  /** Set when the XML was not well-formed and the complete items were kept: how many, and the first error. */
  recovered?: { items: number; line: number; message: string };
  /** WebSub: the hub and self URLs the feed advertises, when it does. */
  hub?: string;
  self?: string;
}
