import type { FetchConfig } from '../config/index.ts';
import { checkBody, checkDeclaredType, decodeBody } from './content.ts';
import { maxAgeFrom, retryAfterFrom } from './cache-headers.ts';
import { FetchError } from './errors.ts';
import { createGuard } from './guard.ts';
import { defaultSleep, HostLimiter, Semaphore } from './limiter.ts';
import { request, type RawResponse } from './request.ts';
import { RobotsCache } from './robots-cache.ts';
import { ROBOTS_PATH } from './robots.ts';
import type { Accept, Fetcher, FetcherDeps, FetchResult, GetOptions } from './types.ts';

const ACCEPT_HEADER: Record<Accept, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1',
  any: '*/*',
};

/** RFC 9309 2.5: parse at least the first 500 KiB of robots.txt; the rest of a bigger file is ignored, not refused. */
const ROBOTS_MAX_BYTES = 500 * 1024;

const isRedirect = (status: number) => [301, 302, 303, 307, 308].includes(status);

/**
 * The polite fetcher: robots.txt, per-host and global concurrency, a minimum delay between
 * requests to one host, conditional GET, compression, and bounded time and size for each request.
 * Timeouts (connect, total) apply to each request of a redirect chain.
 */
export function createFetcher(config: FetchConfig, deps: FetcherDeps = {}): Fetcher {
  const now = deps.now ?? Date.now;
  const hosts = new HostLimiter({
    perHost: config.perHostConcurrency,
    delayMs: config.perHostDelayMs,
    now,
    sleep: deps.sleep ?? defaultSleep,
  });
  const global = new Semaphore(config.globalConcurrency);
  const guard = createGuard({
    allowPrivateNetworks: config.allowPrivateNetworks,
    allowPrivateHosts: config.allowPrivateHosts,
    lookup: deps.lookup,
  });

  /** One polite request: waits for its host's turn, then for a global slot (never holding a global slot while waiting on a host). */
  async function exchange(
    url: URL,
    headers: Record<string, string>,
    body: { maxBytes: number; truncate?: boolean },
    wantBody: (status: number, headers: Record<string, string>) => boolean,
    signal?: AbortSignal,
    post?: Uint8Array,
    knownBody?: (digest: string) => boolean,
  ): Promise<RawResponse> {
    assertHttpUrl(url);
    guard.checkUrl(url);
    const releaseHost = await hosts.acquire(url.host, signal);
    try {
      const releaseGlobal = await global.acquire(signal, url.href);
      try {
        return await request({
          url,
          headers: { 'user-agent': config.userAgent, 'accept-encoding': 'gzip, deflate, br', ...headers },
          connectTimeoutMs: config.connectTimeoutMs,
          totalTimeoutMs: config.totalTimeoutMs,
          maxBodyBytes: body.maxBytes,
          truncateBody: body.truncate,
          signal,
          lookup: guard.lookup,
          wantBody,
          knownBody,
          ...(post ? { method: 'POST' as const, body: post } : {}),
        });
      } finally {
        releaseGlobal();
      }
    } finally {
      releaseHost();
    }
  }

  const robots = new RobotsCache({
    userAgent: config.userAgent,
    ttlMs: config.robotsCacheSec * 1000,
    now,
    log: deps.log,
    fetch: async (robotsUrl) => {
      let url = robotsUrl;
      for (let hop = 0; hop <= config.maxRedirects; hop++) {
        const res = await exchange(
          url,
          { accept: 'text/plain,*/*;q=0.1' },
          { maxBytes: ROBOTS_MAX_BYTES, truncate: true },
          (s) => s >= 200 && s < 300,
        );
        const location = res.headers['location'];
        if (!isRedirect(res.status) || !location) return { status: res.status, text: Buffer.from(res.body).toString('utf8') };
        url = new URL(location, url);
      }
      return { status: 404, text: '' }; // too many redirects: treated as no robots.txt (RFC 9309 2.3.1.2)
    },
  });

  /** A site that cannot be reached fails on robots.txt first; the reader asked for the page, so the error names it. */
  function forPage(err: unknown, url: URL): unknown {
    if (!(err instanceof FetchError) || err.kind === 'robots') return err;
    const robotsUrl = new URL(ROBOTS_PATH, url).href;
    if (!err.message.includes(robotsUrl)) return err;
    return new FetchError(err.kind, err.message.replaceAll(robotsUrl, url.href), {
      status: err.status ?? undefined,
      retryAfterMs: err.retryAfterMs ?? undefined,
      cause: err,
    });
  }

  async function get(rawUrl: string, options: GetOptions): Promise<FetchResult> {
    let url = parseUrl(rawUrl);
    const visited = new Set<string>();
    const headers = requestHeaders(options);
    for (let redirects = 0; ; redirects++) {
      if (options.signal?.aborted) throw new FetchError('aborted', `${url.href}: aborted`);
      if (config.respectRobots) await robots.check(url).catch((err) => Promise.reject(forPage(err, url)));
      const res = await exchange(
        url,
        headers,
        { maxBytes: config.maxBodyBytes },
        (status, h) => {
          if (status < 200 || status >= 300) return false;
          checkDeclaredType(options.accept, h['content-type'], url.href);
          return true;
        },
        options.signal,
        undefined,
        options.knownBody,
      );
      const location = res.headers['location'];
      if (!isRedirect(res.status) || !location) return toResult(url, res, options, now());
      visited.add(url.href);
      const next = resolveRedirect(location, url);
      if (visited.has(next.href)) throw new FetchError('redirects', `${rawUrl}: redirect loop at ${next.href}`, { status: res.status });
      if (redirects >= config.maxRedirects) {
        throw new FetchError('redirects', `${rawUrl}: more than ${config.maxRedirects} redirects (last to ${next.href})`, {
          status: res.status,
        });
      }
      url = next;
    }
  }

  async function postForm(rawUrl: string, form: Record<string, string>, options: { signal?: AbortSignal } = {}) {
    const url = parseUrl(rawUrl);
    const body = new TextEncoder().encode(new URLSearchParams(form).toString());
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.byteLength), accept: '*/*' };
    const res = await exchange(url, headers, { maxBytes: ROBOTS_MAX_BYTES }, () => true, options.signal, body);
    return { status: res.status, headers: res.headers, text: Buffer.from(res.body).toString('utf8') };
  }

  return { get, postForm };
}

function requestHeaders(options: GetOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: ACCEPT_HEADER[options.accept] };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

/** Classifies a final (non-redirect) response: success, 304, or a FetchError with status and Retry-After. */
function toResult(url: URL, res: RawResponse, options: GetOptions, now: number): FetchResult {
  const { status, headers } = res;
  const base = {
    url: url.href,
    status,
    headers,
    statusLine: res.statusLine,
    rawHeaders: res.rawHeaders,
    requestHeaders: res.requestHeaders,
    etag: headers['etag'] ?? null,
    lastModified: headers['last-modified'] ?? null,
    maxAgeMs: maxAgeFrom(headers, now),
  };
  if (status === 304) {
    // Servers often omit validators on a 304: the ones we sent are still current.
    const etag = base.etag ?? options.etag ?? null;
    const lastModified = base.lastModified ?? options.lastModified ?? null;
    return { ...base, etag, lastModified, notModified: true, body: new Uint8Array(0), text: '', charset: 'utf-8' };
  }
  if (status === 404 || status === 410)
    throw new FetchError('gone', `${url.href}: ${status} ${status === 410 ? 'Gone' : 'Not Found'}`, { status });
  if (status < 200 || status >= 300) {
    const retryAfterMs = status === 429 || status === 503 ? (retryAfterFrom(headers['retry-after'], now) ?? undefined) : undefined;
    throw new FetchError('http', `${url.href}: HTTP ${status}`, { status, retryAfterMs });
  }
  const digest = res.bodyDigest ? { bodyDigest: res.bodyDigest } : {};
  // The very bytes the caller read before: they passed these checks then (same type, encoding and size limit).
  if (res.bodyKnown) return { ...base, ...digest, notModified: false, sameBody: true, body: new Uint8Array(0), text: '', charset: '' };
  checkBody(res.body, options.accept, url.href);
  const { text, charset } = decodeBody(res.body, headers['content-type']);
  const gzip = res.bodyGzip ? { bodyGzip: res.bodyGzip } : {};
  return { ...base, ...digest, ...gzip, notModified: false, body: res.body, text, charset };
}

function parseUrl(raw: string): URL {
  try {
    const url = new URL(raw);
    assertHttpUrl(url);
    return url;
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new FetchError('invalid-url', `invalid URL ${JSON.stringify(raw)}`, { cause: err });
  }
}

function assertHttpUrl(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('invalid-url', `${url.href}: only http and https URLs can be fetched`);
  }
}

function resolveRedirect(location: string, from: URL): URL {
  try {
    const next = new URL(location, from);
    assertHttpUrl(next);
    return next;
  } catch (err) {
    if (err instanceof FetchError) throw new FetchError('redirects', `${from.href}: redirect to a non-http location ${location}`);
    throw new FetchError('redirects', `${from.href}: invalid redirect location ${JSON.stringify(location)}`, { cause: err });
  }
}
