import type { LookupFunction } from 'node:net';
import type { Logger } from '../log/index.ts';
import type { Millis } from '../model/index.ts';

/** `any`: whatever the server sends (the scripts and styles of a page rendered in Chromium). */
export type Accept = 'html' | 'feed' | 'any';

export interface GetOptions {
  /** Validators from the previous fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  accept: Accept;
  signal?: AbortSignal;
  /**
   * Called with the digest of a 2xx body as received (`FetchResult.bodyDigest`), before it is
   * decompressed or decoded. Return true when it is the digest of a body the caller already read:
   * the result then has `sameBody: true` and an empty body and text (no gunzip, no charset decoding).
   */
  knownBody?: (digest: string) => boolean;
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
  /**
   * sha256 (hex) of the body as received, before decompression, with the final URL, Content-Type,
   * Content-Encoding and the size limit: equal digests mean the same decoded text. Set when the
   * request was made with `knownBody`; absent from 304s, rendered pages and test stand-ins.
   */
  bodyDigest?: string;
  /** `knownBody` recognised the body: body and text are empty, charset ''. */
  sameBody?: boolean;
  /**
   * The body as received when the server sent it gzip-encoded (`body` is its gunzip), with
   * `knownBody` set: a capture can keep the server's compression rather than compress again.
   */
  bodyGzip?: Uint8Array;
  /** The final exchange as received and sent, for exact captures (absent from test stand-ins). */
  statusLine?: string;
  rawHeaders?: [string, string][];
  requestHeaders?: [string, string][];
  /** The body is the DOM a browser rendered (UTF-8), not the bytes received; the envelope is the HTTP response's. */
  rendered?: boolean;
  text: string;
  charset: string;
  etag: string | null;
  lastModified: string | null;
  /** Freshness lifetime from Cache-Control max-age (or no-cache: 0) or Expires; null when the server says nothing. */
  maxAgeMs: number | null;
}

export interface PostResult {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface Fetcher {
  get(url: string, options: GetOptions): Promise<FetchResult>;
  /** A form POST (WebSub subscription requests), with the same per-host limits, timeouts and size limit; no redirects followed. */
  postForm(url: string, form: Record<string, string>, options?: { signal?: AbortSignal }): Promise<PostResult>;
}

export interface FetcherDeps {
  now?: () => Millis;
  /** Waits `ms`; rejects when the signal aborts. Injected so limiter tests need no real delays. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  log?: Logger;
  /** DNS lookup used for every connection (tests map made-up host names to 127.0.0.1). */
  lookup?: LookupFunction;
}
