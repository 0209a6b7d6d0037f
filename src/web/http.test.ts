import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { addArticle, type TempStore } from './testdata/store.ts';
import { openSeededApp, type Site } from './testdata/site.ts';

let env: TempStore;
let app: Hono;
let site: Site;

beforeAll(async () => {
  ({ env, app, site } = await openSeededApp());
});
afterAll(() => env.cleanup());

describe('HTTP behaviour', () => {
  it('sends security headers and a CSP without inline scripts', async () => {
    for (const path of ['/', '/api/v1/sources', '/feeds/changes.rss', '/nope']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('answers 304 to a matching If-None-Match on pages, feeds and the API', async () => {
    for (const path of ['/', `/articles/${site.plain}`, `/articles/${site.plain}/diff/1/2`, '/feeds/changes.atom', '/api/v1/changes']) {
      const first = await app.request(path);
      const tag = first.headers.get('etag');
      expect(tag, path).toMatch(/^W\/"[0-9a-f]+"$/);
      expect(first.headers.get('cache-control'), path).toMatch(/max-age=\d+/);
      const again = await app.request(path, { headers: { 'If-None-Match': tag! } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
      const other = await app.request(path, { headers: { 'If-None-Match': '"different"' } });
      expect(other.status, path).toBe(200);
    }
  });

  it('compresses for clients that accept gzip, and still revalidates', async () => {
    const plain = await app.request('/');
    const gz = await app.request('/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = Buffer.from(await gz.arrayBuffer());
    expect(gunzipSync(body).toString('utf8')).toBe(await plain.text());
    const again = await app.request('/', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': gz.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves the stylesheet and script as cacheable static files', async () => {
    const page = await (await app.request('/')).text();
    const href = page.match(/href="(\/static\/style\.css\?v=[0-9a-f]+)"/)![1];
    const css = await app.request(href);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(await css.text()).toContain('prefers-color-scheme: dark');
    const js = await app.request('/static/enhance.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await app.request('/static/secret.txt')).status).toBe(404);
  });

  it.each([
    '/articles/999999',
    '/articles/abc',
    '/articles/0',
    '/articles/-1',
    '/articles/1e3',
    '/articles/99999999999999999999',
    '/articles/1/versions/99',
    '/articles/1/versions/x',
    '/articles/1/diff/1/99',
    '/articles/1/diff/0/1',
    '/articles/1/versions/99/raw',
    '/articles/1/feed.xml',
    '/articles/999/feed.rss',
    '/sources/nope/feed.rss',
    '/feeds/other.rss',
    '/?source=nope',
    '/no/such/page',
  ])('%s is an HTML 404 page', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<h1>Not found</h1>');
  });

  it.each([
    '/api/v1/articles/999999',
    '/api/v1/articles/abc',
    '/api/v1/articles/1/versions/99',
    '/api/v1/articles/1/diff/1/99',
    '/api/v1/nothing',
    '/api/v1/articles?source=nope',
  ])('%s is a JSON 404', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.status).toBe(404);
    expect(body.error.kind).toBe('not-found');
  });

  it.each([
    '/api/v1/articles?limit=0',
    '/api/v1/articles?limit=x',
    '/api/v1/changes?cursor=garbage',
    '/api/v1/search',
    '/api/v1/articles?status=gone',
  ])('%s is a JSON 400', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(400);
    expect((await res.json()).error.kind).toBe('usage');
  });

  it('a bad cursor on a page is a 400 page, not a 500', async () => {
    const res = await app.request('/?cursor=garbage');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Bad request');
  });

  it('an article seen in a feed but not fetched yet has a page, and no diffs', async () => {
    const source = (await env.store.getSource('bbc'))!;
    const id = await addArticle(env.store, source.id, 'https://www.bbc.test/news/new-4', Date.now(), 'Feed title only');
    const page = await app.request(`/articles/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Feed title only');
    expect((await app.request(`/articles/${id}/diff/1/2`)).status).toBe(404);
    expect((await app.request(`/articles/${id}/feed.atom`)).status).toBe(200);
    expect((await (await app.request(`/api/v1/articles/${id}/versions`)).json()).items).toEqual([]);
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await app.request('/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toBe('');
  });
});
