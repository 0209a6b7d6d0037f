import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { Millis } from '../model/index.ts';
import { ByteLru } from './byte-lru.ts';
import type { Store } from '../store/store.ts';

/**
 * The rendered-response cache of the public website, feeds and API.
 *
 * A GET answer (200, cacheable) is kept with its gzip body and ETag under its path and query, and
 * stamped with the epoch it was rendered in: the store's reader generation, read before rendering
 * (it grows with every committed write a reader could see, from any process: migration 12), and the
 * 10-second slot of the clock (pages say "3 minutes ago"). An answer is served only while both are
 * unchanged, so a new version, a hidden version or article, an event or a renamed source is on the
 * very next request; relative times lag by at most CLOCK_SLOT_MS. Each request costs one cheap read
 * of the generation; concurrent misses of one page render it once. The cache holds at most `maxBytes`
 * (bodies + gzip), least recently used out first; a newer epoch drops every older answer.
 */

export const CLOCK_SLOT_MS = 10_000;
/** Answers larger than this share of the budget are served but not kept. */
const MAX_ENTRY_SHARE = 0.25;
/** Bodies below this are not worth compressing (hono's compress uses the same threshold). */
const GZIP_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|feed\+json|ld\+json|javascript)|image\/svg)/;
/** Headers rebuilt per answer (the cache stores the identity body and its gzip). */
const DROPPED = new Set(['content-length', 'content-encoding', 'etag', 'vary', 'transfer-encoding']);

interface Entry {
  epoch: string;
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer> | null;
  etag: string;
  bytes: number;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export interface PageCache {
  middleware: MiddlewareHandler;
  stats(): PageCacheStats;
}

/** Paths whose GET answers are the same for every reader: pages, feeds, the public API (not admin, cards, raw captures). */
export function cacheablePath(path: string): boolean {
  if (path.startsWith('/api/v1/admin') || /\/card\.png$|\/raw$/.test(path)) return false;
  return path === '/' || /^\/(articles|sources|search|about|stats|feeds|api\/v1)(\/|$)/.test(path);
}

/** Requests the page cache answers itself, so the inner compress/ETag middleware leave them alone. */
const handled = new WeakSet<Request>();

export function createPageCache(store: Store, now: () => Millis, maxBytes: number): PageCache {
  const entries = new ByteLru<Entry>(maxBytes);
  const pending = new Map<string, Promise<Entry | null>>();
  let hits = 0;
  let misses = 0;
  let newest = { generation: -1, slot: -1 };

  const keep = (key: string, e: Entry) => {
    if (e.bytes > maxBytes * MAX_ENTRY_SHARE || e.epoch !== `${newest.generation}:${newest.slot}`) return;
    entries.set(key, e, e.bytes);
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    if (maxBytes <= 0 || c.req.method !== 'GET' || !cacheablePath(c.req.path)) return next();
    handled.add(c.req.raw);
    const generation = await store.readerGeneration();
    const slot = Math.floor(now() / CLOCK_SLOT_MS);
    if (generation > newest.generation || (generation === newest.generation && slot > newest.slot)) {
      // Every answer of an older epoch is dead for good: the generation and the clock only grow.
      newest = { generation, slot };
      entries.clear();
    }
    const epoch = `${generation}:${slot}`;
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    const hit = entries.get(key); // now the most recently used
    if (hit && hit.epoch === epoch) {
      hits++;
      return answer(c, hit);
    }
    misses++;
    const shared = pending.get(`${epoch} ${key}`);
    if (shared) {
      const e = await shared;
      if (e) return answer(c, e);
    }
    let settle!: (e: Entry | null) => void;
    const mine = new Promise<Entry | null>((resolve) => (settle = resolve));
    pending.set(`${epoch} ${key}`, mine);
    try {
      await next();
      const e = await toEntry(c.res, epoch);
      settle(e);
      if (!e) return;
      keep(key, e);
      c.res = answer(c, e);
    } catch (err) {
      settle(null);
      throw err;
    } finally {
      pending.delete(`${epoch} ${key}`);
    }
  };

  return { middleware, stats: () => ({ entries: entries.size, bytes: entries.bytes, hits, misses }) };
}

/** A rendered answer as an entry, or null when it must not be kept (errors, no-store, cookies, streams). */
async function toEntry(res: Response, epoch: string): Promise<Entry | null> {
  if (res.status !== 200 || res.headers.has('set-cookie')) return null;
  const cacheControl = res.headers.get('cache-control') ?? '';
  if (/no-store|private/.test(cacheControl)) return null;
  const type = res.headers.get('content-type') ?? '';
  if (res.headers.has('content-encoding')) return null;
  const body = new Uint8Array(await res.arrayBuffer());
  const gzip = body.byteLength >= GZIP_MIN_BYTES && COMPRESSIBLE.test(type) ? new Uint8Array(gzipSync(body, { level: 6 })) : null;
  const headers: [string, string][] = [];
  res.headers.forEach((value, name) => {
    if (!DROPPED.has(name)) headers.push([name, value]);
  });
  // A handler that tags its answer itself (the change feeds, from their items' keys) keeps its tag.
  const etag = res.headers.get('etag') ?? `W/"${createHash('sha1').update(body).digest('hex')}"`;
  const size = body.byteLength + (gzip?.byteLength ?? 0) + headers.reduce((n, [k, v]) => n + k.length + v.length, 0) + 200;
  return { epoch, status: res.status, headers, body, gzip, etag, bytes: size };
}

function accepts(c: Context, encoding: string): boolean {
  const header = c.req.header('accept-encoding') ?? '';
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== encoding && name.trim() !== '*') return false;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    return !q || Number(q[1]) > 0;
  });
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const weak = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || weak(t) === weak(etag));
}

function answer(c: Context, e: Entry): Response {
  const headers = new Headers(e.headers);
  headers.set('ETag', e.etag);
  if (e.gzip) headers.set('Vary', 'Accept-Encoding');
  if (matches(c.req.header('if-none-match'), e.etag)) {
    headers.delete('content-type');
    return new Response(null, { status: 304, headers });
  }
  if (e.gzip && accepts(c, 'gzip')) {
    headers.set('Content-Encoding', 'gzip');
    return new Response(e.gzip, { status: e.status, headers });
  }
  return new Response(e.body, { status: e.status, headers });
}

/** Runs `mw` unless the page cache answers this request itself (it compresses and tags its own answers). */
export function unlessPageCached(mw: MiddlewareHandler): MiddlewareHandler {
  return (c, next) => (handled.has(c.req.raw) ? next() : mw(c, next));
}
