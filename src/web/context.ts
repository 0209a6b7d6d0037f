import { publicBaseUrl, type Config } from '../config/index.ts';
import { createCardCache, type CardCache } from '../cards/index.ts';
import { createLogger, type Logger } from '../log/index.ts';
import type { Metrics } from '../metrics/index.ts';
import type { Millis, Source } from '../model/index.ts';
import type { MostEdited, SourceStatistics, Store } from '../store/store.ts';
import { createDiffCache, type DiffCache } from './diff-cache.ts';
import { createPageCache, type PageCache } from './page-cache.ts';
import { createDigestCache, type DigestCache } from './digest.ts';
import { createItemCache, type ItemCache } from './changefeeds/items.ts';
import { followForms, type FollowForms } from './follow/routes.ts';

/** Rendered feed items (about 2 KB each): the 1,000-item feeds of every format and a few filters stay cached. */
const FEED_ITEM_CACHE_BYTES = 24 * 2 ** 20;

export interface AppOptions {
  store: Store;
  config: Config;
  /** Clock for relative times ("3 hours ago"); tests pass a fixed one. */
  now?: () => Millis;
  /** Diffs kept in memory (versions never change); 0 turns the cache off, for benchmarks. Default 256. */
  diffCacheSize?: number;
  /** Change digests kept in memory (a few KB each: feeds of up to 1,000 items stay cached). Default 5000. */
  digestCacheSize?: number;
  /** Share cards kept in memory (about 100 KB each); 0 turns the cache off. Default 128. */
  cardCacheSize?: number;
  /** Bytes of rendered answers the page cache keeps (page-cache.ts); 0 turns it off. Default: config web.pageCacheMb. */
  pageCacheBytes?: number;
  /** Where unexpected (500) errors are reported; stderr by default. */
  log?: Logger;
  /** Served at /metrics; `start --role all` shares one with its tracker. A new one by default. */
  metrics?: Metrics;
  /** The address the server really listens on (known only after listen, e.g. with --port 0); links use it unless web.baseUrl is set. */
  listening?: () => { host: string; port: number } | null;
}

/** What every route handler needs: built once in createApp and passed down. */
export interface WebContext {
  store: Store;
  config: Config;
  now: () => Millis;
  log: Logger;
  diffs: DiffCache;
  /** What each version changed (title, preview, feed HTML), by version id. */
  digests: DigestCache;
  /** Rendered feed items of versions, by format and version id (changefeeds/items.ts). */
  feedItems: ItemCache;
  /** Share-card PNGs by version pair (they never change). */
  cards: CardCache;
  /** Rendered public answers, valid while the store's reader generation is unchanged. */
  pages: PageCache;
  /** Sources for filter menus, kept while the reader generation is unchanged (a renamed or new source shows at once). */
  sourceChoices(): Promise<Source[]>;
  /** Per-source statistics (full scans), recomputed at most every few minutes. */
  statistics(): Promise<{ stats: SourceStatistics[]; at: Millis }>;
  /** Most edited articles since a time, rounded to the minute so that requests share one cached answer. */
  mostEdited(since: Millis, limit: number): Promise<MostEdited[]>;
  /** Absolute base of links in feeds and meta tags, without a trailing slash (see publicBaseUrl). */
  readonly baseUrl: string;
  /** The follow-by-email form for article and source pages (web/follow/). */
  follow: FollowForms;
}

export function createContext(options: AppOptions): WebContext {
  const ctx: Omit<WebContext, 'follow'> = {
    store: options.store,
    config: options.config,
    now: options.now ?? Date.now,
    log: options.log ?? createLogger(),
    diffs: createDiffCache(options.store, options.diffCacheSize ?? 256),
    cards: createCardCache(options.cardCacheSize ?? 128),
    pages: createPageCache(options.store, options.now ?? Date.now, options.pageCacheBytes ?? options.config.web.pageCacheMb * 2 ** 20),
    digests: createDigestCache(options.store, options.digestCacheSize ?? 5000),
    feedItems: createItemCache(options.digestCacheSize === 0 ? 0 : FEED_ITEM_CACHE_BYTES),
    sourceChoices: whileGeneration(options.store, () => options.store.listSources()),
    statistics: cachedFor(STATISTICS_TTL_MS, async () => ({
      stats: await options.store.sourceStatistics(),
      at: (options.now ?? Date.now)(),
    })),
    mostEdited: memoByMinute((since, limit) => options.store.mostEdited(since, limit)),
    get baseUrl() {
      return publicBaseUrl(options.config.web, options.listening?.());
    },
  };
  // Object.assign keeps ctx itself (and its baseUrl getter); a spread would freeze the getter's value.
  return Object.assign(ctx, { follow: followForms(ctx) });
}

const STATISTICS_TTL_MS = 5 * 60_000;

/** Caches answers per (minute of `since`, limit) for a minute; a handful of keys at most (day, week, month). */
function memoByMinute<T>(load: (since: number, limit: number) => Promise<T>): (since: number, limit: number) => Promise<T> {
  const cache = new Map<string, { at: number; value: Promise<T> }>();
  return (since, limit) => {
    const minute = Math.floor(since / 60_000) * 60_000;
    const key = `${minute}:${limit}`;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < 60_000) return hit.value;
    if (cache.size > 32) cache.clear();
    const value = load(minute, limit);
    value.catch(() => cache.delete(key));
    cache.set(key, { at: Date.now(), value });
    return value;
  };
}

/** The last answer of `load`, reused while the store's reader generation is the one it was loaded at. */
function whileGeneration<T>(store: Store, load: () => Promise<T>): () => Promise<T> {
  let kept: { generation: number; value: Promise<T> } | null = null;
  return async () => {
    const generation = await store.readerGeneration();
    if (kept?.generation !== generation) {
      const value = load();
      kept = { generation, value };
      // A failed load must not be kept.
      value.catch(() => kept?.value === value && (kept = null));
    }
    return kept.value;
  };
}

function cachedFor<T>(ttlMs: number, load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  let at = 0;
  return () => {
    const now = Date.now();
    if (!value || now - at > ttlMs) {
      at = now;
      value = load();
      // A failed load must not be cached.
      value.catch(() => (value = null));
    }
    return value;
  };
}
