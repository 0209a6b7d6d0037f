import { parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { escapeHtml } from './html.ts';
import type { TempStore } from './testdata/store.ts';
import { openSeededApp, XSS, type Site } from './testdata/site.ts';

let env: TempStore;
let app: Hono;
let site: Site;

beforeAll(async () => {
  ({ env, app, site } = await openSeededApp());
});
afterAll(() => env.cleanup());

// Escaping turns every `<` of the attack into &lt;, so a live tag would show as one of these.
const MARKUP = [/<script>alert/i, /<img\b/i];

function noLiveMarkup(body: string, where: string): void {
  for (const re of MARKUP) expect(body, `${where} ${re}`).not.toMatch(re);
}

describe('text from news sites is always text', () => {
  const pages = (): string[] => [
    '/',
    '/?source=evil',
    '/articles',
    `/articles/${site.evil}`,
    `/articles/${site.evil}/diff/1/2`,
    `/articles/${site.evil}/diff/2/1?view=inline`,
    `/articles/${site.evil}/diff/1/2?changes=only`,
    `/articles/${site.evil}/versions/1`,
    `/articles/${site.evil}/versions/2`,
    '/sources',
    '/search?q=alert',
    `/search?q=${encodeURIComponent(XSS[0])}`,
  ];

  it('on every page: escaped and visible, never markup', async () => {
    for (const path of pages()) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      const body = await res.text();
      noLiveMarkup(body, path);
      expect(body, path).toContain(escapeHtml(XSS[0]));
      if (!path.startsWith('/search') && path !== '/') expect(body, path).toContain(escapeHtml(XSS[1]));
    }
  });

  it('in every feed: XML-escaped, and RSS descriptions (read as HTML) HTML-escaped too', async () => {
    for (const path of ['/feeds/changes', '/sources/evil/feed', `/articles/${site.evil}/feed`]) {
      for (const ext of ['rss', 'atom']) {
        const body = await (await app.request(`${path}.${ext}`)).text();
        noLiveMarkup(body, `${path}.${ext}`);
      }
      const rss = parseRssFeed(await (await app.request(`${path}.rss`)).text());
      const evil = rss.items!.find((i) => i.title?.includes(XSS[0]))!;
      expect(evil.title).toContain(XSS[1]);
      for (const item of rss.items!) noLiveMarkup(item.description ?? '', `${path} description`);
      const json = await (await app.request(`${path}.json`)).json();
      expect(JSON.stringify(json.items.map((i: { title: string }) => i.title))).toContain(JSON.stringify(XSS[1]).slice(1, -1));
    }
  });

  it('in every API response: the exact text inside JSON strings', async () => {
    const article = await (await app.request(`/api/v1/articles/${site.evil}`)).json();
    expect(article.title).toBe(`Update ${XSS.join(' ')}`);
    const version = await (await app.request(`/api/v1/articles/${site.evil}/versions/1`)).json();
    expect(version.paragraphs).toEqual([`First ${XSS[0]} paragraph.`, `Second ${XSS[1]} paragraph.`]);
    for (const path of ['/sources', '/articles', `/articles/${site.evil}/diff/1/2`, '/changes', '/search?q=alert']) {
      const res = await app.request(`/api/v1${path}`);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text(), path).toContain('alert(1)');
    }
  });

  it('the raw capture is plain text in a sandbox', async () => {
    const res = await app.request(`/articles/${site.evil}/versions/1/raw`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox/);
  });
});
