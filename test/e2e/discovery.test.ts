import { afterEach, describe, expect, it } from 'vitest';
import { runOnce } from '../../src/tracker/index.ts';
import { createApp } from '../../src/web/index.ts';
import { articleHtml, localServer, testTracker, type LocalServer, type TestTracker } from './helpers.ts';

/** Sources without an ordinary feed, against local sites through the real fetcher, store and extractor. */
let t: TestTracker;
let site: LocalServer;
afterEach(async () => {
  await site?.close();
  await t?.close();
});

const P = [
  'The regional council approved a new plan for the old harbour on Thursday after a debate that lasted most of the day.',
  'Residents who had campaigned for a park on the site said they were pleased that part of the land would stay open to the public.',
];

const urlsOf = async () => (await t.deps.store.listArticles({ limit: 100 })).items.map((a) => new URL(a.url).pathname).sort();

describe('a page source', () => {
  it('tracks the articles of a local front page that match its link pattern and ignores the rest', async () => {
    site = await localServer((req, res) => {
      if (req.url === '/') {
        return res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html><body>
<nav><a href="/">Home</a> <a href="/world/">World</a> <a href="/about-us">About</a></nav>
<h2><a href="/world/2026/01/harbour-plan-approved">Harbour plan approved</a></h2>
<h2><a href="/world/2026/01/park-campaign">Park campaigners pleased</a></h2>
<a href="/video/2026/01/harbour-tour">Watch: a tour of the harbour</a>
<a href="/world/2026/01/harbour-plan-approved#comments">12 comments</a></body></html>`);
      }
      if (req.url?.startsWith('/world/2026/'))
        return res.writeHead(200, { 'content-type': 'text/html' }).end(articleHtml(`Story at ${req.url}`, P));
      res.writeHead(404).end();
    });
    t = await testTracker();
    await t.deps.store.upsertSource(
      {
        key: 'front',
        name: 'Front page',
        feedUrl: `${site.url}/`,
        pollPeriodSec: 300,
        include: [],
        exclude: [],
        type: 'page',
        linkPattern: '/world/\\d{4}/',
      },
      t.clock.now,
    );
    const counts = await runOnce(t.deps);
    expect(counts).toMatchObject({ sourcesPolled: 1, sourceErrors: 0, articlesFound: 2, checked: 2 });
    expect(counts.byStatus.new_version).toBe(2);
    expect(await urlsOf()).toEqual(['/world/2026/01/harbour-plan-approved', '/world/2026/01/park-campaign']);
    const harbour = (await t.deps.store.listArticles({ limit: 10 })).items.find((a) => a.url.endsWith('approved'))!;
    expect(harbour.feedTitle).toBe('Harbour plan approved');
  });
});

describe('a sitemap index source', () => {
  it('polls the child sitemaps, tracks and checks their articles, and says so on the sources page', async () => {
    const sitemap = (paths: string[]) =>
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>${site.url}${p}</loc></url>`).join('')}</urlset>`;
    site = await localServer((req, res) => {
      const xml = (body: string) => res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
      if (req.url === '/sitemap.xml') {
        return xml(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${site.url}/sitemap-news.xml</loc><lastmod>2026-01-02</lastmod></sitemap>
<sitemap><loc>/sitemap-archive.xml</loc><lastmod>2025-12-01</lastmod></sitemap></sitemapindex>`);
      }
      if (req.url === '/sitemap-news.xml') return xml(sitemap(['/news/one', '/news/two']));
      if (req.url === '/sitemap-archive.xml') return xml(sitemap(['/news/old']));
      if (req.url?.startsWith('/news/')) return res.writeHead(200, { 'content-type': 'text/html' }).end(articleHtml(`Story ${req.url}`, P));
      res.writeHead(404).end();
    });
    t = await testTracker();
    await t.deps.store.upsertSource(
      { key: 'maps', name: 'Sitemaps', feedUrl: `${site.url}/sitemap.xml`, pollPeriodSec: 300, include: [], exclude: [] },
      t.clock.now,
    );
    const counts = await runOnce(t.deps);
    expect(counts).toMatchObject({ sourcesPolled: 1, sourceErrors: 0, articlesFound: 3, checked: 3 });
    expect(counts.byStatus.new_version).toBe(3);
    expect(await urlsOf()).toEqual(['/news/old', '/news/one', '/news/two']);
    const page = await (await createApp({ store: t.deps.store, config: t.deps.config }).request('/sources')).text();
    expect(page).toContain('sitemap index: read 2 of 2 child sitemaps');
  });
});

describe('a broken feed', () => {
  it('is ok with its complete items, and the sources page says what was recovered', async () => {
    site = await localServer((req, res) => {
      if (req.url === '/feed.xml') {
        return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Cut</title>
<item><title>Fish & chips</title><link>${site.url}/news/fish</link></item>
<item><title>Truncat`);
      }
      if (req.url?.startsWith('/news/')) return res.writeHead(200, { 'content-type': 'text/html' }).end(articleHtml('Fish and chips', P));
      res.writeHead(404).end();
    });
    t = await testTracker();
    await t.deps.store.upsertSource(
      { key: 'cut', name: 'Cut <feed>', feedUrl: `${site.url}/feed.xml`, pollPeriodSec: 300, include: [], exclude: [] },
      t.clock.now,
    );
    expect(await runOnce(t.deps)).toMatchObject({ sourceErrors: 0, articlesFound: 1 });
    expect(t.deps.log.lines.join('\n')).toMatch(
      /info poll source=cut status=ok items=1 new=1 note="recovered 1 item after an XML error at line 3"/,
    );
    const page = await (await createApp({ store: t.deps.store, config: t.deps.config }).request('/sources')).text();
    expect(page).toMatch(/>feed read<\/span><span class="muted">, recovered 1 item after an XML error at line 3<\/span>/);
    expect(page).toContain('Cut &lt;feed&gt;');
  });
});
