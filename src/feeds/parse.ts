import { parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { FeedError } from './errors.ts';
import { feedItems, type AnyItems } from './items.ts';
import { parseSitemap } from './sitemap.ts';
import type { FeedDocument, FeedFormat, FeedItem } from './types.ts';
import { assertSafeXml, rootElementName, stripBom } from './xml-guard.ts';

const XML_ROOTS: Record<string, FeedFormat> = {
  rss: 'rss',
  'rdf:rdf': 'rdf',
  rdf: 'rdf',
  feed: 'atom',
  urlset: 'sitemap',
  sitemapindex: 'sitemap-index',
};

/** Articles announced by an RSS, RDF, Atom, JSON Feed or sitemap document. A sitemap index yields none: use parseFeedDocument. */
export function parseFeed(text: string, feedUrl: string): FeedItem[] {
  return parseFeedDocument(text, feedUrl).items;
}

/**
 * Parses any supported feed document. Item URLs are resolved against `feedUrl`, canonicalised and
 * deduplicated (first occurrence wins). Throws FeedError: `too-large`, `malformed` (broken XML or
 * JSON, or an entity-declaring DTD), `unknown-format` (well-formed but not a feed, e.g. an HTML page).
 */
export function parseFeedDocument(text: string, feedUrl: string): FeedDocument {
  const doc = stripBom(text).trimStart();
  const where = `feed ${feedUrl}`;
  if (doc.startsWith('{')) return parseJson(doc, where, feedUrl);
  if (!doc.startsWith('<')) throw new FeedError('unknown-format', `${where}: neither XML nor JSON`);
  assertSafeXml(doc, where);
  const root = rootElementName(doc);
  if (!root) throw new FeedError('malformed', `${where}: no root element found`);
  const format = XML_ROOTS[root] ?? XML_ROOTS[root.slice(root.indexOf(':') + 1)];
  if (!format) throw new FeedError('unknown-format', `${where}: <${root}> is not a feed or sitemap`);
  if (format === 'sitemap') return parseSitemap(doc, feedUrl, 'urlset');
  if (format === 'sitemap-index') return parseSitemap(doc, feedUrl, 'sitemapindex');
  const parsed = parseXmlFeed(format, doc, where);
  return { format, items: dedupe(feedItems(format, parsed, feedUrl)), sitemaps: [] };
}

function parseXmlFeed(format: FeedFormat, doc: string, where: string): AnyItems {
  const parse = format === 'rss' ? parseRssFeed : format === 'rdf' ? parseRdfFeed : parseAtomFeed;
  try {
    return parse(doc) as AnyItems;
  } catch (err) {
    throw new FeedError('malformed', `${where}: cannot parse ${format}: ${describe(err)}`, { cause: err });
  }
}

function parseJson(doc: string, where: string, feedUrl: string): FeedDocument {
  let value: unknown;
  try {
    value = JSON.parse(doc);
  } catch (err) {
    throw new FeedError('malformed', `${where}: invalid JSON: ${(err as Error).message}`, { cause: err });
  }
  let parsed: AnyItems;
  try {
    parsed = parseJsonFeed(value) as AnyItems;
  } catch (err) {
    throw new FeedError('unknown-format', `${where}: JSON but not a JSON Feed: ${describe(err)}`, { cause: err });
  }
  return { format: 'json', items: dedupe(feedItems('json', parsed, feedUrl)), sitemaps: [] };
}

function dedupe(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.url) && (seen.add(i.url), true));
}

function describe(err: unknown): string {
  const e = err as Error & { cause?: unknown };
  return e.cause instanceof Error ? `${e.message} (${e.cause.message})` : String(e.message ?? err);
}
