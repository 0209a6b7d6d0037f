import { parseJsonFeed } from 'feedsmith';
import { FeedError } from './errors.ts';
import { feedItems, type AnyItems } from './items.ts';
import { parseSitemap } from './sitemap.ts';
import { findXmlError } from './strict.ts';
import type { FeedDocument, FeedFormat, FeedItem } from './types.ts';
import { readXmlFeed, type XmlFeedFormat } from './xml-feed.ts';
import { assertSafeXml, rootElementName, stripBom } from './xml-guard.ts';
import { buildXmlTree } from './xml-tree.ts';

const XML_ROOTS: Record<string, FeedFormat> = {
  rss: 'rss',
  'rdf:rdf': 'rdf',
  rdf: 'rdf',
  feed: 'atom',
  urlset: 'sitemap',
  sitemapindex: 'sitemap-index',
};

/** Where a feed starts when something was printed before it (a PHP notice, a stray BOM or blank line). */
const FEED_START = /<\?xml[\s?]|<(?:[\w.-]+:)?(?:rss|feed|rdf|urlset|sitemapindex)[\s>/]/i;
/** Junk before the feed is looked for this far in; a real prefix is an error message, not a page. */
const JUNK_SCAN_CHARS = 64 * 1024;

/** Articles announced by an RSS, RDF, Atom, JSON Feed or sitemap document. A sitemap index yields none: use parseFeedDocument. */
export function parseFeed(text: string, feedUrl: string): FeedItem[] {
  return parseFeedDocument(text, feedUrl).items;
}

/**
 * Parses any supported feed document. Item URLs are resolved against `feedUrl` (and xml:base),
 * canonicalised and deduplicated (first occurrence wins). A document that is not well-formed XML
 * keeps its complete items (`recovered` says how many and where the error was); when none is
 * complete it is an error. Throws FeedError: `too-large`, `malformed` (broken XML or JSON, or an
 * entity-declaring DTD), `unknown-format` (well-formed but not a feed, e.g. an HTML page).
 */
export function parseFeedDocument(text: string, feedUrl: string): FeedDocument {
  const doc = stripBom(text).trimStart();
  const where = `feed ${feedUrl}`;
  if (doc.startsWith('{')) return parseJson(doc, where, feedUrl);
  const start = feedStart(doc);
  if (start < 0) throw new FeedError('unknown-format', `${where}: neither XML nor JSON`);
  assertSafeXml(doc, where);
  const body = doc.slice(start);
  // The guard reads the prolog up to the first element: after junk, it must read the feed's own.
  if (start > 0) assertSafeXml(body, where);
  const root = rootElementName(body);
  if (!root) throw new FeedError('malformed', `${where}: no root element found`);
  const format = XML_ROOTS[root] ?? XML_ROOTS[root.slice(root.indexOf(':') + 1)];
  if (!format) throw new FeedError('unknown-format', `${where}: <${root}> is not a feed or sitemap`);
  if (format === 'sitemap') return parseSitemap(body, feedUrl, 'urlset');
  if (format === 'sitemap-index') return parseSitemap(body, feedUrl, 'sitemapindex');
  return parseXmlFeed(format as XmlFeedFormat, doc, body, feedUrl, where);
}

/** 0 for a document that starts as XML, the offset of the feed after a junk prefix, -1 when there is none. */
function feedStart(doc: string): number {
  if (doc.startsWith('<')) {
    const root = rootElementName(doc);
    if (doc.startsWith('<?xml') || (root && (XML_ROOTS[root] || XML_ROOTS[root.slice(root.indexOf(':') + 1)]))) return 0;
  }
  const m = FEED_START.exec(doc.slice(0, JUNK_SCAN_CHARS));
  if (m) return m.index;
  return doc.startsWith('<') ? 0 : -1;
}

function parseXmlFeed(format: XmlFeedFormat, doc: string, body: string, feedUrl: string, where: string): FeedDocument {
  const problem = findXmlError(doc);
  const root = buildXmlTree(body, feedUrl);
  if (!root) throw new FeedError('malformed', `${where}: no root element found`);
  const feed = readXmlFeed(format, root, problem !== null);
  const items = dedupe(feed.items);
  const links = { ...(feed.hub ? { hub: feed.hub } : {}), ...(feed.self ? { self: feed.self } : {}) };
  if (!problem) return { format, items, sitemaps: [], ...links };
  if (items.length === 0) {
    throw new FeedError('malformed', `${where}: cannot parse ${format}: ${problem.message} (line ${problem.line})`);
  }
  return { format, items, sitemaps: [], ...links, recovered: { items: items.length, line: problem.line, message: problem.message } };
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

/** "recovered 12 items after an XML error at line 40": how a poll reports a feed read despite an error. */
export function recoveryNote(doc: FeedDocument): string | null {
  if (!doc.recovered) return null;
  const { items, line } = doc.recovered;
  return `recovered ${items} item${items === 1 ? '' : 's'} after an XML error at line ${line}`;
}
