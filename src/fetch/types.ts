import type { LookupFunction } from 'node:net';
import type { Logger } from '../log/index.ts';
import type { Millis } from '../model/index.ts';

export type Accept = 'html' | 'feed';

export interface GetOptions {
  /** Validators from the previous fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  accept: Accept;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** Final URL, after redirects. */
  url: string;
  status: number;
  /** The server answered 304 to our validators: body and text are empty. */
  notModified: boolean;
  /** Response headers, names lower-case, repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decompressed body. */
  body: Uint8Array;
  text: string;
  charset: string;
  etag: string | null;
  lastModified: string | null;
  /** Freshness lifetime from Cache-Control max-age (or no-cache: 0) or Expires; null when the server says nothing. */
  maxAgeMs: number | null;
}

export interface Fetcher {
  get(url: string, options: GetOptions): Promise<FetchResult>;
}

export interface FetcherDeps {
  now?: () => Millis;
  /** Waits `ms`; rejects when the signal aborts. Injected so limiter tests need no real delays. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  log?: Logger;
  /** DNS lookup used for every connection (tests map made-up host names to 127.0.0.1). */
  lookup?: LookupFunction;
}
