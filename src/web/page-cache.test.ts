import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { openStore, type Store } from '../store/index.ts';
import { createApp } from './index.ts';
import { createPageCache, cacheablePath, CLOCK_SLOT_MS } from './page-cache.ts';
import { addVersion, openTempStore, type TempStore } from './testdata/store.ts';
import { seedSite, T0, type Site } from './testdata/site.ts';

// The page cache must never answer with a page from before a write a reader could see: each test
// warms the cache, checks that the second answer came from it, writes, and fetches at once.

let env: TempStore;
let site: Site;
let now = T0 + 3 * 3600_000;
let app: Hono;
/** Counts the store reads behind pages, to tell a cached answer from a rendered one. */
let reads = 0;

function counting(store: Store): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || name === 'readerGeneration') return value;
      return (...args: unknown[]) => {
        reads++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function cachedText(path: string): Promise<string> {
  const first = await app.request(path);
  expect(first.status, path).toBe(200);
  const body = await first.text();
  const before = reads;
  const again = await app.request(path);
  expect(await again.text(), path).toBe(body);
  expect(reads, `${path} answered from the cache`).toBe(before);
  return body;
}

beforeAll(async () => {
  env = await openTempStore();
  site = await seedSite(env.store);
  app = createApp({ store: counting(env.store), config: env.config, now: () => now });
});
afterAll(() => env.cleanup());

describe('page cache', () => {
  it('caches public pages, feeds and the API, not admin, health or follow answers', () => {
    for (const p of ['/', '/articles/1', '/articles/1/diff/1/2', '/sources', '/search', '/feeds/changes.rss', '/api/v1/changes', '/stats'])
      expect(cacheablePath(p), p).toBe(true);
    for (const p of [
      '/admin',
      '/api/v1/admin/hidden',
      '/healthz',
      '/metrics',
      '/follow',
      '/static/style.css',
      '/articles/1/diff/1/2/card.png',
    ])
      expect(cacheablePath(p), p).toBe(false);
  });

  it('a new version is on every page, feed and API answer at once', async () => {
    const paths = ['/', `/articles/${site.plain}`, '/feeds/changes.rss', '/feeds/changes.json', '/api/v1/changes', '/search?q=referendum'];
    const before = new Map<string, string>();
    for (const p of paths) before.set(p, await cachedText(p));
    for (const body of before.values()) expect(body).not.toContain('snap referendum');
    await addVersion(env.store, site.plain, {
      title: 'Minister calls snap referendum',
      byline: null,
      published: null,
      paragraphs: ['The minister called a snap referendum on the budget.'],
      capturedAt: now - 60_000,
    });
    for (const p of paths) expect(await (await app.request(p)).text(), p).toContain('snap referendum');
  });

  it('a hidden version disappears at once from its pages, the article page and the feeds; unhiding brings it back', async () => {
    const latest = (await env.store.getLatestVersion(site.plain))!.number;
    const own = [`/articles/${site.plain}/versions/${latest}`, `/articles/${site.plain}/diff/${latest - 1}/${latest}`];
    for (const p of own) await cachedText(p);
    const lists = ['/', `/articles/${site.plain}`, '/feeds/changes.atom', '/api/v1/changes'];
    for (const p of lists) expect(await cachedText(p), p).toContain(`/articles/${site.plain}/diff/${latest - 1}/${latest}`);
    await env.store.setVersionHidden(site.plain, latest, { at: now, reason: 'legal' });
    for (const p of own) expect((await app.request(p)).status, p).toBe(410);
    for (const p of lists)
      expect(await (await app.request(p)).text(), p).not.toContain(`/articles/${site.plain}/diff/${latest - 1}/${latest}`);
    await env.store.setVersionHidden(site.plain, latest, null);
    for (const p of own) expect((await app.request(p)).status, p).toBe(200);
  });

  it('a taken-down article is 410 at once; a renamed source is renamed at once', async () => {
    await cachedText(`/articles/${site.evil}`);
    await env.store.setArticleHidden(site.evil, { at: now, reason: 'court order' });
    expect((await app.request(`/articles/${site.evil}`)).status).toBe(410);
    await env.store.setArticleHidden(site.evil, null);

    const sources = await env.store.listSources();
    expect(await cachedText('/sources')).not.toContain('Renamed Gazette');
    const s = sources[0];
    await env.store.upsertSource(
      { key: s.key, name: 'Renamed Gazette', feedUrl: s.feedUrl, pollPeriodSec: s.pollPeriodSec, include: [], exclude: [] },
      now,
    );
    expect(await (await app.request('/sources')).text()).toContain('Renamed Gazette');
    expect(await (await app.request('/')).text()).toContain('Renamed Gazette');
  });

  it('sees a write made through another connection to the database (a worker process) at once', async () => {
    const worker = await openStore({ dataDir: env.dir, databaseUrl: null });
    try {
      expect(await cachedText(`/articles/${site.unchanged}`)).not.toContain('Thunderstorms');
      await addVersion(worker, site.unchanged, {
        title: 'Thunderstorms expected',
        byline: null,
        published: null,
        paragraphs: ['Thunderstorms are now expected.'],
        capturedAt: now - 30_000,
      });
      expect(await (await app.request(`/articles/${site.unchanged}`)).text()).toContain('Thunderstorms');
    } finally {
      await worker.close();
    }
  });

  it('re-renders when the clock moves to the next slot (relative times), not before', async () => {
    await cachedText('/');
    const before = reads;
    now += CLOCK_SLOT_MS;
    await (await app.request('/')).text();
    expect(reads).toBeGreaterThan(before);
  });

  it('answers 304 to its ETag and gzip to clients that accept it, the same bytes as identity', async () => {
    const plain = await app.request('/feeds/changes.rss');
    const tag = plain.headers.get('etag')!;
    expect(tag).toMatch(/^W\/"[0-9a-f]+"$/);
    const identity = await plain.text();
    const gz = await app.request('/feeds/changes.rss', { headers: { 'Accept-Encoding': 'br;q=1, gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('etag')).toBe(tag);
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(identity);
    expect(
      (await app.request('/feeds/changes.rss', { headers: { 'Accept-Encoding': 'gzip;q=0' } })).headers.get('content-encoding'),
    ).toBeNull();
    const again = await app.request('/feeds/changes.rss', { headers: { 'If-None-Match': `"x", ${tag}` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toMatch(/max-age/);
    expect(again.headers.get('content-security-policy')).toBeTruthy();
  });

  it('stays within its byte budget, dropping the least recently used answers', async () => {
    const BUDGET = 40_000; // the seven answers take about 50 KB
    const cache = createPageCache(env.store, () => now, BUDGET);
    const small = createApp({ store: env.store, config: env.config, now: () => now });
    const paths = ['/', '/sources', '/articles', `/articles/${site.plain}`, `/articles/${site.evil}`, '/about', '/feeds/changes.rss'];
    const { Hono } = await import('hono');
    const wrapped = new Hono();
    wrapped.use('*', cache.middleware);
    wrapped.all('*', (c) => small.fetch(c.req.raw));
    for (const p of paths) await (await wrapped.request(p)).arrayBuffer();
    expect(cache.stats().bytes).toBeGreaterThan(0);
    expect(cache.stats().bytes).toBeLessThanOrEqual(BUDGET);
    expect(cache.stats().entries).toBeLessThan(paths.length);
    // The most recent answer is kept.
    const { hits } = cache.stats();
    await (await wrapped.request(paths[paths.length - 1])).arrayBuffer();
    expect(cache.stats().hits).toBe(hits + 1);
  });

  it('renders a page once for concurrent misses', async () => {
    now += CLOCK_SLOT_MS;
    const before = reads;
    await Promise.all(Array.from({ length: 5 }, () => Promise.resolve(app.request('/sources')).then((r) => r.text())));
    const once = reads - before;
    now += CLOCK_SLOT_MS;
    const again = reads;
    await (await app.request('/sources')).text();
    expect(once).toBe(reads - again);
  });
});
