import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceInput } from '../model/index.ts';
import { MAX_CHILD_SITEMAPS } from './discover.ts';
import { pollSource } from './poll-source.ts';
import { harness, type Harness } from './testdata/fakes.ts';
import { FetchError } from '../fetch/index.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

const source = (over: Partial<SourceInput>) =>
  h.deps.store.upsertSource(
    { key: 'src', name: 'Src', feedUrl: 'https://site.example/feed', pollPeriodSec: 300, include: [], exclude: [], ...over },
    h.clock.now,
  );

const urls = async () => (await h.deps.store.listArticles({ limit: 100 })).items.map((a) => a.url).sort();

const urlset = (paths: string[]) =>
  `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>https://site.example${p}</loc></url>`).join('')}</urlset>`;

describe('pollSource on a sitemap index', () => {
  it('polls the newest child sitemaps and tracks their articles', async () => {
    const children = Array.from({ length: MAX_CHILD_SITEMAPS + 2 }, (_, i) => `https://site.example/sitemap-${i}.xml`);
    h.fetcher.answers.set('https://site.example/feed', {
      html: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${children
        .map((c, i) => `<sitemap><loc>${c}</loc><lastmod>2026-01-0${(i % 9) + 1}</lastmod></sitemap>`)
        .join('')}</sitemapindex>`,
    });
    // The index lists sitemap-0 as the oldest: newest first means 6, 5, 4, 3, 2 are read.
    for (const [i, c] of children.entries()) h.fetcher.answers.set(c, { html: urlset([`/news/${i}-a`, `/news/${i}-b`]) });
    h.fetcher.answers.set(children[3], { error: new FetchError('timeout', 'no answer') });
    const s = await source({});
    const o = await pollSource(h.deps, s);
    expect(o).toMatchObject({ status: 'ok', items: 8, created: 8 });
    expect(await urls()).toEqual(
      ['/news/2-a', '/news/2-b', '/news/4-a', '/news/4-b', '/news/5-a', '/news/5-b', '/news/6-a', '/news/6-b'].map(
        (p) => `https://site.example${p}`,
      ),
    );
    expect(o.note).toBe(`sitemap index: read 4 of 7 child sitemaps (the 5 most recent); ${children[3]}: fetch timeout`);
    expect((await h.deps.store.getSource('src'))!.lastNote).toBe(o.note);
    expect(h.deps.log.lines.join('\n')).toMatch(/poll source=src status=ok items=8 new=8 note="sitemap index: read 4 of 7/);
  });
});

describe('pollSource on a broken feed', () => {
  it('keeps the complete items and says so; a fixed feed clears the note', async () => {
    const item = (i: number) => `<item><title>Story ${i}</title><link>https://site.example/s/${i}</link></item>`;
    h.fetcher.answers.set('https://site.example/feed', {
      html: `<?xml version="1.0"?>\n<rss version="2.0"><channel>\n${item(1)}\n${item(2)}\n<item><title>Cut`,
    });
    const s = await source({});
    const o = await pollSource(h.deps, s);
    expect(o).toMatchObject({ status: 'ok', created: 2, note: 'recovered 2 items after an XML error at line 5' });
    expect((await h.deps.store.getSource('src'))!).toMatchObject({
      lastStatus: 'ok',
      lastNote: 'recovered 2 items after an XML error at line 5',
      lastError: null,
    });
    h.fetcher.answers.set('https://site.example/feed', { html: `<rss version="2.0"><channel>${item(1)}${item(3)}</channel></rss>` });
    h.clock.advance(300);
    expect(await pollSource(h.deps, (await h.deps.store.getSource('src'))!)).toMatchObject({ status: 'ok', created: 1, note: null });
    expect((await h.deps.store.getSource('src'))!.lastNote).toBeNull();
  });

  it('an empty feed polls ok with 0 items; a hopeless one is an error with the parser message', async () => {
    h.fetcher.answers.set('https://site.example/feed', { html: '<rss version="2.0"><channel></channel></rss>' });
    expect(await pollSource(h.deps, await source({}))).toMatchObject({ status: 'ok', items: 0, error: null });
    h.fetcher.answers.set('https://site.example/feed', { html: '<rss version="2.0"><channel><item><title>x</description>' });
    h.clock.advance(300);
    const o = await pollSource(h.deps, (await h.deps.store.getSource('src'))!);
    expect(o).toMatchObject({ status: 'error', error: { stage: 'feed', kind: 'malformed' } });
    expect(o.error!.message).toMatch(/Expected closing tag 'title'|unclosed tags/);
  });
});

describe('pollSource on a page source', () => {
  it('tracks the front page links that match the pattern and ignores the rest', async () => {
    h.fetcher.answers.set('https://site.example/', {
      html: `<html><body><nav><a href="/">Home</a><a href="/about">About</a></nav>
<a href="/news/2026/01/01/first-story">First story</a><a href="/news/2026/01/01/second-story?utm_source=home">Second</a>
<a href="/video/2026/01/01/clip">Clip</a><a href="https://other.example/news/2026/01/01/x">Elsewhere</a></body></html>`,
    });
    const s = await source({ type: 'page', feedUrl: 'https://site.example/', linkPattern: '^https://site\\.example/news/\\d{4}/' });
    const o = await pollSource(h.deps, s);
    expect(o).toMatchObject({ status: 'ok', items: 2, created: 2 });
    expect(await urls()).toEqual(['https://site.example/news/2026/01/01/first-story', 'https://site.example/news/2026/01/01/second-story']);
    expect(h.fetcher.requests.at(-1)).toMatchObject({ url: 'https://site.example/', options: { accept: 'html' } });
  });
});
