import type { Config } from '../config/index.ts';
import type { FetchResult, GetOptions } from '../fetch/index.ts';
import type { Logger } from '../log/index.ts';
import type { TrackerMetrics } from '../metrics/index.ts';
import type { Millis } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import type { Parsers } from './threads/index.ts';

/** What the tracker needs of a fetcher (fetch/'s Fetcher satisfies it; tests may pass a stand-in). */
export interface PageFetcher {
  get(url: string, options: GetOptions): Promise<FetchResult>;
  /** WebSub subscription requests; without it Redline never subscribes. */
  postForm?(url: string, form: Record<string, string>): Promise<{ status: number; text: string }>;
}

/** Fetches an article through headless Chromium (fetch/render.ts), for sources with `render: "chromium"`. */
export interface PageRenderer {
  render(url: string, options?: Omit<GetOptions, 'accept'>): Promise<FetchResult>;
}

/** Everything a check or a poll needs, passed down explicitly so tests can inject clocks and fakes. */
export interface TrackerDeps {
  config: Config;
  store: Store;
  fetcher: PageFetcher;
  log: Logger;
  now: () => Millis;
  /** Counters and histograms for /metrics; absent in most tests. */
  metrics?: TrackerMetrics;
  /** Present when some source renders with Chromium. */
  renderer?: PageRenderer;
  /** Where pages and feeds are parsed: worker threads with a budget (openTracker), or in-thread when absent. */
  parsers?: Parsers;
}
