import { recoveryNote, type FeedDocument, type FeedItem } from '../feeds/index.ts';
import type { Source } from '../model/index.ts';
import type { FetchResult } from '../fetch/index.ts';
import type { TrackerDeps } from './deps.ts';
import { describeFailure } from './failure.ts';
import { parsersOf } from './threads/index.ts';

/** Child sitemaps read per poll of a sitemap index (the most recently modified first): an index of monthly archives can list hundreds. */
export const MAX_CHILD_SITEMAPS = 5;

/** What one poll of a source found. */
export interface Discovered {
  page: FetchResult;
  /** Empty for a 304. */
  items: FeedItem[];
  /** Shown with the ok status: a recovered feed, a sitemap index. */
  note: string | null;
  /** The feed document, for WebSub discovery (null for page sources and 304s). */
  doc: FeedDocument | null;
}

/**
 * Fetches and reads a source: a feed (RSS, Atom, RDF, JSON Feed, sitemap; a sitemap index is
 * followed to its newest child sitemaps) or, for a `page` source, a front page whose links
 * matching the source's link pattern are the articles. Throws what the fetch or the parse threw.
 */
export async function discover(deps: TrackerDeps, source: Source): Promise<Discovered> {
  const page = await deps.fetcher.get(source.feedUrl, {
    accept: source.type === 'page' ? 'html' : 'feed',
    etag: source.etag ?? undefined,
    lastModified: source.lastModified ?? undefined,
  });
  if (page.notModified) return { page, items: [], note: null, doc: null };
  // Parsed off the event loop, within the parsing budgets (tracker/threads).
  if (source.type === 'page')
    return { page, items: await parsersOf(deps).pageLinks(page.text, page.url, linkPattern(source)), note: null, doc: null };
  const doc = await parsersOf(deps).parseFeedDocument(page.text, page.url);
  if (doc.format !== 'sitemap-index') return { page, items: doc.items, note: recoveryNote(doc), doc };
  return { page, ...(await readChildSitemaps(deps, doc)), doc };
}

/** A page source without a pattern takes every link of its own site. */
function linkPattern(source: Source): RegExp {
  if (source.linkPattern) return new RegExp(source.linkPattern);
  const origin = new URL(source.feedUrl).origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${origin}/.`);
}

async function readChildSitemaps(deps: TrackerDeps, index: FeedDocument): Promise<{ items: FeedItem[]; note: string }> {
  const children = index.sitemaps.slice(0, MAX_CHILD_SITEMAPS);
  const items: FeedItem[] = [];
  const failed: string[] = [];
  for (const url of children) {
    try {
      const child = await deps.fetcher.get(url, { accept: 'feed' });
      const doc = await parsersOf(deps).parseFeedDocument(child.text, child.url);
      // One level only: an index of indexes would multiply the requests of every poll.
      if (doc.format === 'sitemap-index') failed.push(`${url}: a sitemap index inside a sitemap index is not followed`);
      else items.push(...doc.items);
    } catch (err) {
      const f = describeFailure(err);
      failed.push(`${url}: ${f.stage} ${f.kind}`);
      deps.log.warn('sitemap_child', { url, stage: f.stage, kind: f.kind, error: f.message });
    }
  }
  const read = children.length - failed.length;
  let note = `sitemap index: read ${read} of ${index.sitemaps.length} child sitemap${index.sitemaps.length === 1 ? '' : 's'}`;
  if (index.sitemaps.length > children.length) note += ` (the ${children.length} most recent)`;
  if (failed.length) note += `; ${failed.join('; ')}`;
  return { items, note: note.slice(0, 500) };
}
