import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { addArticle, addVersion, type TempStore } from './testdata/store.ts';
import { CLOCK_SLOT_MS } from './page-cache.ts';
import { openSeededApp, T0, type Site } from './testdata/site.ts';

let env: TempStore;
let app: Hono;
let site: Site;
const NOW = T0 + 3 * 3600_000;
/** The app's clock: NOW, moved on where a test must see what the tracker rescheduled (shown one clock slot late at most). */
let clock = NOW;

beforeAll(async () => {
  ({ env, app, site } = await openSeededApp({ now: () => clock }));
});
afterAll(() => env.cleanup());

async function page(path: string): Promise<string> {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
}

/** Text without tags and with the few entities we produce decoded, for reading sentences. */
function text(body: string): string {
  return body
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('pages', () => {
  it('every page has a title, a meta description and the stylesheet, and no inline script', async () => {
    const paths = [
      '/',
      '/?source=bbc',
      '/articles',
      '/articles?changed=1&status=active',
      `/articles/${site.plain}`,
      `/articles/${site.plain}/diff/1/2`,
      `/articles/${site.plain}/diff/3/1?view=inline&changes=only`,
      `/articles/${site.plain}/versions/2`,
      '/sources',
      '/search',
      '/search?q=minister',
    ];
    for (const path of paths) {
      const body = await page(path);
      expect(body, path).toMatch(/<title>[^<]+ · Redline<\/title>/);
      expect(body, path).toMatch(/<meta name="description" content="[^"]+">/);
      expect(body, path).toContain('<link rel="stylesheet" href="/static/style.css?v=');
      expect(
        body.match(/<script\b[^>]*>/g)?.every((tag) => / src="\/static\//.test(tag)),
        path,
      ).toBe(true);
    }
  });

  it('recent changes: newest first, linked to the diff, with badges and word counts', async () => {
    const body = await page('/');
    const rows = body.split('<li class="change').slice(1);
    expect(rows).toHaveLength(3); // plain v3 with v2 grouped; evil removed event; evil v2
    expect(rows[0]).toContain(`href="/articles/${site.plain}/diff/2/3"`);
    // Repeated edits of one article are one row: "2 edits today", linking to the diff of both.
    expect(rows[0]).toContain(`<a class="edits" href="/articles/${site.plain}/diff/1/3">2 edits today</a> (versions 1 to 3)`);
    expect(rows[0]).not.toContain('headline changed');
    // The one-line preview marks the changed sentence.
    expect(rows[0]).toContain(
      '<div class="preview-line"><span class="preview">The prime minister will name a successor on <del>Monday</del><ins>Tuesday</ins>.</span></div>',
    );
    expect(rows[1]).toContain('removed from site');
    const evil = rows[2];
    expect(evil).toContain('headline changed');
    expect(evil).toMatch(/<time datetime="2026-11-20T09:40:00.000Z" title="20 November 2026, 09:40 UTC">2 hours ago<\/time>/);
    expect(evil).toMatch(/class="plus">\+\d+</);
    expect(body).toContain('<link rel="alternate" type="application/rss+xml" title="All changes (RSS)" href="/feeds/changes.rss">');
  });

  it('filters recent changes by source', async () => {
    const body = await page('/?source=evil');
    expect(body).not.toContain(`/articles/${site.plain}/diff`);
    expect(body).toContain(`/articles/${site.evil}/diff/1/2`);
    expect(body).toContain('href="/sources/evil/feed.rss"');
  });

  it('article page: the header sentences, versions with time between them, timeline', async () => {
    expect(text(await page(`/articles/${site.plain}`))).toContain('The next check for changes is due now.');
    await env.store.updateArticle(site.plain, { nextCheckAt: T0 + 4 * 3600_000 });
    // A check that only reschedules does not move the reader generation: the page shows it once the clock slot turns.
    expect(text(await page(`/articles/${site.plain}`))).toContain('The next check for changes is due now.');
    clock = NOW + CLOCK_SLOT_MS;
    const body = await page(`/articles/${site.plain}`);
    clock = NOW;
    const t = text(body);
    expect(t).toContain(
      'This article is from the source BBC News and was first published or seen on 20 November 2026, 09:00 UTC. The next check for changes will be 20 November 2026, 13:00 UTC.',
    );
    expect(t).toContain('You can find the current article at its original source at https://www.bbc.test/news/politics-1.');
    expect(t).toContain('The article has changed 2 times. There is an RSS feed of changes available.');
    expect(body).toContain(`<a href="/articles/${site.plain}/feed.rss">RSS feed of changes</a>`);
    expect(body).toContain('rel="external noopener noreferrer"');
    expect(t).toContain('31 minutes later');
    expect(t).toContain('1 hour later');
    expect(body).toContain(`href="/articles/${site.plain}/diff/2/3"`);
    expect(body.match(/class="tl-version"/g)).toHaveLength(3);
  });

  it('article page of a retired article says it will not be checked again', async () => {
    await env.store.updateArticle(site.unchanged, { status: 'retired', nextCheckAt: null });
    const t = text(await page(`/articles/${site.unchanged}`));
    expect(t).toContain('It will not be checked again for changes.');
    expect(t).toContain('The article has not changed since it was first seen.');
  });

  it('diff page: any two versions, time note, navigation, view switches', async () => {
    const body = await page(`/articles/${site.plain}/diff/1/2`);
    expect(text(body)).toContain('31 minutes later');
    expect(body).toContain('<del');
    expect(body).toContain('<ins');
    expect(body).toContain(`<a rel="next" href="/articles/${site.plain}/diff/2/3">`);
    expect(body).toContain('?view=inline');
    expect(body).toContain('?changes=only');
    const backwards = text(await page(`/articles/${site.plain}/diff/3/1`));
    expect(backwards).toContain('earlier');
    const compare = await app.request(`/articles/${site.plain}/diff?a=1&b=3`);
    expect(compare.status).toBe(303);
    expect(compare.headers.get('location')).toBe(`/articles/${site.plain}/diff/1/3`);
  });

  it('version page shows the text and links the raw capture; raw is served as text, never HTML', async () => {
    const body = await page(`/articles/${site.plain}/versions/1`);
    expect(body).toContain('The finance minister resigned on Friday after a row over the budget.');
    expect(body).toContain(`href="/articles/${site.plain}/versions/1/raw"`);
    const raw = await app.request(`/articles/${site.plain}/versions/1/raw`);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(raw.headers.get('content-security-policy')).toContain('sandbox');
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await raw.text()).toContain('<h1>Minister resigns</h1>');
    const download = await app.request(`/articles/${site.plain}/versions/1/raw?download=1`);
    // The download is the exact bytes received, never rendered.
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="article-\d+-version-1\.html"$/);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(await download.text()).toBe('<html><body><h1>Minister resigns</h1><script>alert(1)</script></body></html>');
    expect(download.headers.get('x-capture-sha256')).toMatch(/^[0-9a-f]{64}$/);
    expect(body).toMatch(/Record <code>[0-9a-f]{16}…<\/code>/);
    expect((await app.request(`/articles/${site.plain}/versions/2/raw`)).status).toBe(404);
  });

  it('sources page: counts, poll status and errors', async () => {
    const t = text(await page('/sources'));
    expect(t).toMatch(/BBC News 2 4 feed read/);
    expect(t).not.toMatch(/NOT MODIFIED|not_modified|manual \(disabled\)/);
    expect(t).toContain('failed');
    expect(t).toContain('HTTP 500');
  });

  it('search finds text that was later removed, with phrases and a source filter', async () => {
    const removed = text(await page('/search?q=%22spokesman+declined%22'));
    expect(removed).toContain('Minister quits after budget row');
    expect(removed).toContain('version 1');
    expect(removed).not.toContain('version 2,');
    expect(text(await page('/search?q=minister&source=evil'))).toContain('Nothing found');
  });

  it('pages recent changes with a cursor link that keeps the source filter', async () => {
    const source = (await env.store.getSource('bbc'))!;
    const id = await addArticle(env.store, source.id, 'https://www.bbc.test/news/live-3', T0);
    for (let n = 1; n <= 55; n++) {
      await addVersion(env.store, id, {
        title: 'Live updates',
        byline: null,
        published: null,
        capturedAt: T0 + 200 * 60_000 + n * 60_000,
        paragraphs: [`Update number ${n}.`],
      });
    }
    const first = await page('/?source=bbc');
    expect(first.split('<li class="change').length - 1).toBe(1);
    expect(first).toContain('50 edits today</a> (versions 5 to 55)');
    const next = first.match(/<a rel="next" href="(\/\?source=bbc&amp;cursor=[^"]+)">Older changes/);
    expect(next).not.toBeNull();
    const second = await page(next![1].replace(/&amp;/g, '&'));
    const rows = second.split('<li class="change').slice(1);
    expect(rows).toHaveLength(2); // 4 left of the live article + 2 of the plain one, grouped per article
    expect(rows[0]).toContain('4 edits today</a> (versions 1 to 5)');
    expect(second).not.toContain('rel="next"');
    expect(rows.at(-1)).toContain(`/articles/${site.plain}/diff/1/3`);
  });
});
