import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { TempStore } from './testdata/store.ts';
import { createApp } from './index.ts';
import { openSeededApp, type Site } from './testdata/site.ts';

let env: TempStore;
let app: Hono;
let site: Site;

beforeAll(async () => {
  ({ env, app, site } = await openSeededApp());
});
afterAll(() => env.cleanup());

async function fetchFeed(path: string, type: RegExp): Promise<string> {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toMatch(type);
  return res.text();
}

/** feedsmith gives Atom text constructs as { value, type }. */
function textOf(t: unknown): string {
  return typeof t === 'string' ? t : ((t as { value?: string } | undefined)?.value ?? '');
}

interface Item {
  id: string;
  link: string;
  title: string;
  summary: string;
}

async function items(base: string): Promise<Record<'rss' | 'atom' | 'json', Item[]>> {
  const rss = parseRssFeed(await fetchFeed(`${base}.rss`, /^application\/rss\+xml/));
  const atom = parseAtomFeed(await fetchFeed(`${base}.atom`, /^application\/atom\+xml/));
  const json = parseJsonFeed(JSON.parse(await fetchFeed(`${base}.json`, /^application\/feed\+json/)));
  return {
    rss: (rss.items ?? []).map((i) => ({
      id: i.guid?.value ?? '',
      link: i.link ?? '',
      title: i.title ?? '',
      summary: i.description ?? '',
    })),
    atom: (atom.entries ?? []).map((e) => ({
      id: e.id ?? '',
      link: e.links?.[0]?.href ?? '',
      title: textOf(e.title),
      summary: textOf(e.summary),
    })),
    json: (json.items ?? []).map((i) => ({ id: i.id ?? '', link: i.url ?? '', title: i.title ?? '', summary: i.content_text ?? '' })),
  };
}

describe('feeds', () => {
  it('all changes: one item per change, unique stable ids, absolute links to the diffs', async () => {
    const feeds = await items('/feeds/changes');
    for (const [format, list] of Object.entries(feeds)) {
      expect(list, format).toHaveLength(4);
      expect(new Set(list.map((i) => i.id)).size, format).toBe(4);
      for (const item of list) expect(item.link, format).toMatch(/^http:\/\/news\.test:8080\/articles\/\d+/);
      expect(
        list.map((i) => i.id),
        format,
      ).toEqual(feeds.rss.map((i) => i.id));
    }
    const v2 = feeds.atom.find((i) => i.link.endsWith(`/articles/${site.plain}/diff/1/2`))!;
    expect(v2.id).toBe(`tag:news.test,2026:article/${site.plain}/version/2`);
    expect(v2.title).toBe(
      'Headline changed: \u201cMinister resigns over budget row\u201d \u2192 \u201cMinister quits after budget row\u201d',
    );
    expect(v2.summary).toMatch(/^Headline changed; 1 paragraph added, 1 removed, 1 changed: \+\d+ \/ \u2212\d+ words/);
    // Ids do not depend on what else is in the feed.
    const again = await items('/feeds/changes');
    expect(again.rss.map((i) => i.id)).toEqual(feeds.rss.map((i) => i.id));
  });

  it('per source and per article feeds hold only their changes', async () => {
    const bbc = await items('/sources/bbc/feed');
    expect(bbc.rss.map((i) => i.link)).toEqual([
      `http://news.test:8080/articles/${site.plain}/diff/2/3`,
      `http://news.test:8080/articles/${site.plain}/diff/1/2`,
    ]);
    const article = await items(`/articles/${site.evil}/feed`);
    expect(article.atom).toHaveLength(2);
    expect(article.atom[0].title).toMatch(/^Removed from the site/);
    const unchanged = await items(`/articles/${site.unchanged}/feed`);
    expect(unchanged.json).toHaveLength(0);
  });

  it('items carry the diff of the changed paragraphs with context, in <del>/<ins>, in every format', async () => {
    const rss = parseRssFeed(await fetchFeed('/sources/bbc/feed.rss', /rss/));
    const atom = parseAtomFeed(await fetchFeed('/sources/bbc/feed.atom', /atom/));
    const json = parseJsonFeed(JSON.parse(await fetchFeed('/sources/bbc/feed.json', /json/)));
    const contents = [rss.items?.[0]?.description, textOf(atom.entries?.[0]?.content), json.items?.[0]?.content_html];
    for (const c of contents) {
      expect(c).toContain('<p>The prime minister will name a successor on <del>Monday</del><ins>Tuesday</ins>.</p>');
      // One paragraph of context before the change, the rest folded.
      expect(c).toContain('<p>The opposition called for an early election.</p>');
      expect(c).toContain('[\u2026 2 unchanged paragraphs \u2026]');
      expect(c).toContain(`href="http://news.test:8080/articles/${site.plain}/diff/2/3"`);
    }
    expect(rss.items?.[0]?.title).toBe('1 paragraph changed in \u201cMinister quits after budget row\u201d');
    const headline = json.items?.[1]?.content_html ?? '';
    expect(headline).toContain('<p><strong>Headline:</strong> Minister <del>resigns over</del><ins>quits after</ins> budget row</p>');
    expect(headline).toContain('<p><del>A spokesman declined to comment on the reasons for the departure.</del></p>');
    expect(headline).toContain('<p><ins>The prime minister will name a successor on Monday.</ins></p>');
  });

  it('a longer feed with ?limit (up to 1000); a bad limit is a 400', async () => {
    expect(parseJsonFeed(JSON.parse(await fetchFeed('/feeds/changes.json?limit=2', /json/))).items).toHaveLength(2);
    expect((await app.request('/feeds/changes.rss?limit=1001')).status).toBe(400);
  });

  it('pages advertise their feeds for autodiscovery', async () => {
    const page = await (await app.request(`/articles/${site.plain}`)).text();
    for (const ext of ['rss', 'atom', 'json']) expect(page).toContain(`href="/articles/${site.plain}/feed.${ext}"`);
  });

  it('cached items come out byte for byte as rendered, and a moved article URL renders them anew', async () => {
    // No page cache: every request renders the feed, from the item cache from the second on.
    const direct = createApp({ store: env.store, config: env.config, pageCacheBytes: 0 });
    const paths = ['/feeds/changes.rss', '/feeds/changes.atom', '/feeds/changes.json', '/feeds/changes.rss?kind=headline'];
    const get = async (path: string) => {
      const res = await direct.request(path);
      expect(res.status, path).toBe(200);
      return { body: await res.text(), etag: res.headers.get('etag') };
    };
    const first = await Promise.all(paths.map(get));
    const second = await Promise.all(paths.map(get));
    expect(second).toEqual(first);
    for (const f of first) expect(f.etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    expect(new Set(first.map((f) => f.etag)).size).toBe(paths.length);
    const revalidated = await direct.request(paths[0], { headers: { 'If-None-Match': first[0].etag! } });
    expect(revalidated.status).toBe(304);
    const before = (await env.store.getArticle(site.plain))!.url;
    await env.store.updateArticle(site.plain, { url: 'https://www.bbc.test/news/moved-1' });
    try {
      const moved = await get(paths[0]);
      expect(moved.etag).not.toBe(first[0].etag);
      expect(moved.body).toContain('https://www.bbc.test/news/moved-1');
      expect(moved.body.replaceAll('https://www.bbc.test/news/moved-1', before)).toBe(first[0].body);
    } finally {
      await env.store.updateArticle(site.plain, { url: before });
    }
  });
});
