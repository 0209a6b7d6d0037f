/** The "what a new user hit" rows of issue 10 that the website fixes, one test each. */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './index.ts';
import { addArticle, addVersion, openTempStore, type TempStore } from './testdata/store.ts';
import { openSeededApp, T0, type Site } from './testdata/site.ts';

let env: TempStore;
let app: Hono;
let site: Site;

beforeAll(async () => {
  ({ env, app, site } = await openSeededApp({ now: () => T0 + 3 * 3600_000 }));
});
afterAll(() => env.cleanup());

const get = async (path: string) => (await app.request(path)).text();
const text = (body: string) =>
  body
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('website fixes', () => {
  it('every page starts with a skip link to the main content', async () => {
    for (const path of ['/', '/sources', `/articles/${site.plain}`, '/search']) {
      const body = await get(path);
      expect(body.indexOf('<a class="skip" href="#main">Skip to content</a>'), path).toBeLessThan(body.indexOf('<header'));
      expect(body).toContain('<main id="main"');
    }
  });

  it('/articles/N/diff goes to the latest change', async () => {
    const res = await app.request(`/articles/${site.plain}/diff`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/articles/${site.plain}/diff/2/3`);
    expect((await app.request(`/articles/${site.unchanged}/diff`)).headers.get('location')).toBe(`/articles/${site.unchanged}`);
  });

  it('the relative time is in the column header; published times are formatted like every other date', async () => {
    const body = await get(`/articles/${site.plain}/diff/1/2`);
    expect(body).toContain('<th scope="col" class="right">Version 2 (31 minutes later)</th>');
    expect(body).not.toContain('field-time');
    expect(body).not.toContain('2026-11-20T09:00:00Z');
    expect(text(body)).toContain('20 November 2026, 09:00 UTC');
    const version = await get(`/articles/${site.plain}/versions/1`);
    expect(text(version)).toContain('Published: 20 November 2026, 09:00 UTC');
  });

  it('timeline marks and events link to their versions', async () => {
    await env.store.addEvent({ articleId: site.plain, at: T0 + 100 * 60_000, kind: 'revert', versionNumber: 1, detail: null });
    const body = await get(`/articles/${site.plain}`);
    expect(body).toMatch(new RegExp(`<a href="/articles/${site.plain}/versions/1"><line [^>]*class="tl-event tl-revert"`));
    expect(body).toContain(`<a href="/articles/${site.plain}/versions/1">Returned to the text of version 1</a>`);
  });

  it('sources appear by name, in plain words', async () => {
    const body = await get('/');
    expect(body).toContain('>BBC News</a>');
    expect(body).not.toMatch(/<option value="bbc"[^>]*>[^<]*\(bbc\)/);
    await env.store.upsertSource({ key: 'manual', name: 'Added by hand', feedUrl: '', pollPeriodSec: 86400, include: [], exclude: [] }, T0);
    const sources = text(await get('/sources'));
    expect(sources).toContain('Added by hand 0 0 no feed: articles are added by hand with redline check URL');
    expect(sources).not.toMatch(/manual \(disabled\)|NOT MODIFIED/i);
  });

  it('list-like runs of short lines keep their bullets on the version page', async () => {
    const id = await addArticle(env.store, 1, 'https://www.bbc.test/news/list-3', T0);
    await addVersion(env.store, id, {
      title: 'Rates held',
      byline: null,
      published: null,
      capturedAt: T0,
      paragraphs: [
        'The bank held rates on Thursday.',
        'Base rate: 3.5 per cent (unchanged)',
        'Vote: six to three',
        'Next decision: 18 December',
        'Markets barely moved.',
      ],
    });
    const body = await get(`/articles/${id}/versions/1`);
    expect(body).toContain(
      '<ul><li>Base rate: 3.5 per cent (unchanged)</li><li>Vote: six to three</li><li>Next decision: 18 December</li></ul>',
    );
    expect(body).toContain('<p>Markets barely moved.</p>');
  });
});

describe('an offline first start', () => {
  it('says that the sources are failing and links to them, instead of only "No changes yet"', async () => {
    const fresh = await openTempStore();
    try {
      for (const key of ['bbc', 'npr']) {
        const s = await fresh.store.upsertSource(
          { key, name: key.toUpperCase(), feedUrl: `https://${key}.test/rss`, pollPeriodSec: 300, include: [], exclude: [] },
          T0,
        );
        await fresh.store.recordSourcePoll(s.id, {
          at: T0,
          status: 'error',
          error: `cannot resolve host ${key}.test (ENOTFOUND)`,
          etag: null,
          lastModified: null,
          nextPollAt: T0 + 300_000,
        });
      }
      const body = await (await createApp({ store: fresh.store, config: fresh.config }).request('/')).text();
      expect(text(body)).toContain('Every source is failing: the last poll of all 2 sources ended in an error');
      expect(body).toContain('<a href="/sources">Sources page</a>');
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('search', () => {
  it('one hit per article with its newest matching version; text removed later is marked; stems and prefixes match', async () => {
    const body = await get('/search?q=spokesman+declines');
    const hits = body.split('<li class="hit').slice(1);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toContain('hit-removed');
    expect(hits[0]).toContain('removed later');
    expect(text(hits[0])).toContain('not in the current version (3); last seen in version 1');
    expect(hits[0]).toMatch(/<del>[^]*<mark>spokesman<\/mark>[^]*<mark>declined<\/mark>/);
    const current = (await get('/search?q=successor')).split('<li class="hit').slice(1);
    expect(current).toHaveLength(1);
    expect(current[0]).not.toContain('removed later');
    expect(text(current[0])).toContain('also in version 2');
    expect(await get('/search?q=succes*')).toContain('<mark>successor</mark>');
  });

  it('filters by date range', async () => {
    const day = new Date(T0).toISOString().slice(0, 10);
    expect(await get(`/search?q=successor&from=${day}&to=${day}`)).toContain('<li class="hit');
    expect(await get('/search?q=successor&to=2026-11-19')).not.toContain('<li class="hit');
    expect(await get(`/search?q=successor&from=${day}`)).toContain(`name="from" value="${day}"`);
    expect((await app.request('/search?q=x&from=yesterday')).status).toBe(400);
    const api = (await (await app.request('/api/v1/search?q=successor&from=2026-11-21')).json()) as { items: unknown[] };
    expect(api.items).toEqual([]);
  });
});

describe('the API', () => {
  it('writes every time as ISO 8601', async () => {
    const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    const article = (await (await app.request(`/api/v1/articles/${site.plain}`)).json()) as Record<string, unknown>;
    for (const key of ['firstSeenAt', 'lastVersionAt']) expect(article[key], key).toMatch(ISO);
    const changes = (await (await app.request('/api/v1/changes')).json()) as {
      items: { at: string; version?: { capturedAt: string }; title?: string | null }[];
    };
    for (const c of changes.items) {
      expect(c.at).toMatch(ISO);
      if (c.version) expect(c.version.capturedAt).toMatch(ISO);
    }
    expect(changes.items.find((c) => c.version)?.title).toBe('1 paragraph changed in \u201cMinister quits after budget row\u201d');
    const sources = (await (await app.request('/api/v1/sources')).json()) as { items: { nextPollAt: string }[] };
    for (const s of sources.items) expect(s.nextPollAt).toMatch(ISO);
    const text = JSON.stringify([article, changes, sources]);
    expect(text).not.toMatch(/"[a-zA-Z]+At":\d/);
  });
});
