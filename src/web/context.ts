import type { Config } from '../config/index.ts';
import { createLogger, type Logger } from '../log/index.ts';
import type { Metrics } from '../metrics/index.ts';
import type { Millis, Source } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import { createDiffCache, type DiffCache } from './diff-cache.ts';

export interface AppOptions {
  store: Store;
  config: Config;
  /** Clock for relative times ("3 hours ago"); tests pass a fixed one. */
  now?: () => Millis;
  /** Diffs kept in memory (versions never change); 0 turns the cache off, for benchmarks. Default 256. */
  diffCacheSize?: number;
  /** Where unexpected (500) errors are reported; stderr by default. */
  log?: Logger;
  /** Served at /metrics; `start --role all` shares one with its tracker. A new one by default. */
  metrics?: Metrics;
}

/** What every route handler needs: built once in createApp and passed down. */
export interface WebContext {
  store: Store;
  config: Config;
  now: () => Millis;
  log: Logger;
  diffs: DiffCache;
  /** Sources for filter menus, cached briefly: counting their articles costs more than the page itself. */
  sourceChoices(): Promise<Source[]>;
  /** config.web.baseUrl without a trailing slash; feeds need absolute URLs. */
  baseUrl: string;
}

export function createContext(options: AppOptions): WebContext {
  return {
    store: options.store,
    config: options.config,
    now: options.now ?? Date.now,
    log: options.log ?? createLogger(),
    diffs: createDiffCache(options.store, options.diffCacheSize ?? 256),
    sourceChoices: cachedFor(SOURCE_MENU_TTL_MS, () => options.store.listSources()),
    baseUrl: options.config.web.baseUrl.replace(/\/+$/, ''),
  };
}

const SOURCE_MENU_TTL_MS = 30_000;

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
