import type { WorkerConfig } from '../../config/index.ts';
import { extractArticle, type ExtractResult } from '../../extract/index.ts';
import { pageLinks, parseFeedDocument, type FeedDocument, type FeedItem } from '../../feeds/index.ts';
import { ThreadPool } from './pool.ts';
import { unpackItems, type PackedItems } from './protocol.ts';

export { TooComplexError } from './pool.ts';

/** Parsing of untrusted pages and feeds, off the event loop. */
export interface Parsers {
  extract(html: string, url: string): Promise<ExtractResult>;
  /** parseFeedDocument (feeds/), items and all. */
  parseFeedDocument(text: string, feedUrl: string): Promise<FeedDocument>;
  /** pageLinks (feeds/): a front page's article links. */
  pageLinks(html: string, pageUrl: string, pattern: RegExp): Promise<FeedItem[]>;
  close(): Promise<void>;
}

/** Parsing threads with the configured budgets (worker.extractThreads, extractBudgetMs, feedBudgetMs, extractMemoryMb). */
export function createParsers(
  config: Pick<WorkerConfig, 'extractThreads' | 'extractBudgetMs' | 'feedBudgetMs' | 'extractMemoryMb'>,
): Parsers {
  const pool = new ThreadPool({
    threads: config.extractThreads,
    budgetMs: { extract: config.extractBudgetMs, feed: config.feedBudgetMs, links: config.extractBudgetMs },
    memoryMb: config.extractMemoryMb,
  });
  return {
    extract: (html, url) => pool.run('extract', html, url) as Promise<ExtractResult>,
    parseFeedDocument: async (text, feedUrl) => {
      const doc = (await pool.run('feed', text, feedUrl)) as Omit<FeedDocument, 'items'> & { items: PackedItems };
      return { ...doc, items: await unpackItems(doc.items) };
    },
    pageLinks: async (html, pageUrl, pattern) => unpackItems((await pool.run('links', html, pageUrl, pattern)) as PackedItems),
    close: () => pool.close(),
  };
}

/** The deps' parsers, or in-thread parsing when none were given. */
export function parsersOf(deps: { parsers?: Parsers }): Parsers {
  return deps.parsers ?? inlineParsers;
}

/** In-thread parsing, for tests with fake fetchers and for tools that parse trusted input. */
export const inlineParsers: Parsers = {
  extract: async (html, url) => extractArticle(html, url),
  parseFeedDocument: async (text, feedUrl) => parseFeedDocument(text, feedUrl),
  pageLinks: async (html, pageUrl, pattern) => pageLinks(html, pageUrl, pattern),
  close: async () => {},
};
