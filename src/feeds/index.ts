/**
 * Feed discovery: `parseFeedDocument(text, feedUrl)` for RSS 0.9x/2.0, RSS 1.0 (RDF), Atom, JSON Feed,
 * XML sitemaps, Google News sitemaps and sitemap indexes (child sitemaps in `.sitemaps`);
 * `parseFeed` when only the items matter. Item URLs come out canonical (canonicalizeUrl).
 */
export { parseFeed, parseFeedDocument, recoveryNote } from './parse.ts';
export { pageLinks } from './page-links.ts';
export { parseOpml, type OpmlFeed } from './opml.ts';
export { canonicalizeUrl, tryCanonicalizeHttpUrl } from './canonical.ts';
export { sourceAccepts, type SourceFilter } from './filter.ts';
export { FeedError, type FeedErrorKind } from './errors.ts';
export type { FeedItem, FeedDocument, FeedFormat } from './types.ts';
