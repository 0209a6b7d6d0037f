import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFetcher } from '../fetch/index.ts';
import { startServer, testFetchConfig } from '../fetch/testdata/server.ts';
import type { Article } from '../model/index.ts';
import { EXTRACTOR_VERSION, ExtractError } from '../extract/index.ts';
import { bodyDigest, bodyKeyOf } from './body-digest.ts';
import { checkArticle } from './check-article.ts';
import { syncSources } from './sync.ts';
import { inlineParsers, type Parsers } from './threads/index.ts';
import { PAGE_A, PAGE_B, P, URL1 } from './testdata/budget-pages.ts';
import { harness, manualArticle, type Harness } from './testdata/fakes.ts';

// A check that fetches byte for byte the body the last check read (same extractor, same state)
// skips extraction; anything else is extracted as before, and what is stored is the same either way.

/** PAGE_A with one byte of boilerplate changed: extracted again, and unchanged. */
const PAGE_A2 = PAGE_A.replace('Copyright', 'Copyleft');

/** In-thread extraction that counts its calls, and can be made to fail. */
function countingParsers(): Parsers & { extracted: number; fail: boolean } {
  const p = {
    ...inlineParsers,
    extracted: 0,
    fail: false,
    extract: async (html: string, url: string) => {
      p.extracted++;
      if (p.fail) throw new ExtractError('empty', 'no article text found');
      return inlineParsers.extract(html, url);
    },
  };
  return p;
}

async function setUp(): Promise<{ h: Harness; parsers: ReturnType<typeof countingParsers>; article: Article }> {
  const h = await harness((c) => {
    c.schedule.tiers = [];
  });
  const parsers = countingParsers();
  h.deps.parsers = parsers;
  await syncSources(h.deps.store, [], h.clock.now);
  const article = await manualArticle(h.deps.store, URL1, h.clock.now);
  return { h, parsers, article };
}

let t: Awaited<ReturnType<typeof setUp>>;
beforeEach(async () => {
  t = await setUp();
});
afterEach(() => t.h.close());

async function check(h: Harness, id: number, html: string | null, sec = 3600) {
  if (html === null) h.fetcher.answers.delete(URL1);
  else h.fetcher.answers.set(URL1, { html });
  h.clock.advance(sec);
  return checkArticle(h.deps, (await h.deps.store.getArticle(id))!);
}

describe('a check of the same bytes', () => {
  it('is not extracted again, and says so in its outcome and log line', async () => {
    const { h, parsers, article } = t;
    expect((await check(h, article.id, PAGE_A)).status).toBe('new_version');
    expect(parsers.extracted).toBe(1);
    expect((await h.deps.store.getArticle(article.id))!.bodyDigest).toMatch(/^[0-9a-f]{64}$/);
    const again = await check(h, article.id, PAGE_A);
    expect(again).toMatchObject({ status: 'unchanged', sameBody: true, notModified: false });
    expect(parsers.extracted).toBe(1);
    expect(h.deps.log.lines.at(-1)).toMatch(/ check article=\d+ status=unchanged same_body=true next=/);
    // The schedule backs off as after any unchanged check.
    expect((await h.deps.store.getArticle(article.id))!.checkPeriodSec).toBe(2160);
  });

  it('a changed byte is always extracted: boilerplate stays unchanged, an edit is a new version', async () => {
    const { h, parsers, article } = t;
    await check(h, article.id, PAGE_A);
    expect(await check(h, article.id, PAGE_A2)).toMatchObject({ status: 'unchanged', sameBody: false });
    expect(parsers.extracted).toBe(2);
    expect(await check(h, article.id, PAGE_A2)).toMatchObject({ status: 'unchanged', sameBody: true });
    expect(parsers.extracted).toBe(2);
    expect(await check(h, article.id, PAGE_B)).toMatchObject({ status: 'new_version', versionNumber: 2, sameBody: false });
    expect(parsers.extracted).toBe(3);
  });

  it('is extracted again after a failed extraction, another text limit, or a version or revert written by someone else', async () => {
    const { h, parsers, article } = t;
    await check(h, article.id, PAGE_A);
    parsers.fail = true;
    expect((await check(h, article.id, PAGE_A2)).status).toBe('error');
    expect((await h.deps.store.getArticle(article.id))!.bodyDigest).toBeNull();
    parsers.fail = false;
    expect(await check(h, article.id, PAGE_A2)).toMatchObject({ status: 'unchanged', sameBody: false });
    expect(parsers.extracted).toBe(3);

    h.deps.config.limits.maxTextChars = 150_000;
    expect(await check(h, article.id, PAGE_A2)).toMatchObject({ status: 'unchanged', sameBody: false });
    expect(parsers.extracted).toBe(4);

    expect(await check(h, article.id, PAGE_A2)).toMatchObject({ sameBody: true });
    // Another writer (a racing worker, `db copy`) stores a version: the article's state moved, the digest no longer stands.
    await h.deps.store.addVersion(article.id, 2, {
      title: 'Council approves budget',
      byline: null,
      published: null,
      paragraphs: P.slice(0, 1),
      fingerprint: 'someone-else',
      extractorVersion: EXTRACTOR_VERSION,
      capturedAt: h.clock.now,
      rawHtml: null,
      wordsAdded: 0,
      wordsRemoved: 0,
    });
    const afterTheirVersion = await check(h, article.id, PAGE_A2);
    expect(afterTheirVersion).toMatchObject({ status: 'revert', versionNumber: 1, sameBody: false });
    expect(parsers.extracted).toBe(5);
    expect(await check(h, article.id, PAGE_A2)).toMatchObject({ status: 'unchanged', sameBody: true });
    // ... or records a revert.
    await h.deps.store.addEvent({ articleId: article.id, at: h.clock.now, kind: 'revert', versionNumber: 2, detail: null });
    expect(await check(h, article.id, PAGE_A2)).toMatchObject({ status: 'revert', versionNumber: 1, sameBody: false });
    expect(parsers.extracted).toBe(6);
  });

  it('a digest of another extractor version is never taken for the same body', async () => {
    const { h, parsers, article } = t;
    await check(h, article.id, PAGE_A);
    const stored = (await h.deps.store.getArticle(article.id))!.bodyDigest;
    // The same module under the next extractor version gives another digest for the same bytes and state.
    vi.resetModules();
    vi.doMock('../extract/index.ts', async (original) => ({ ...(await original<object>()), EXTRACTOR_VERSION: 'next' }));
    const next = await import('./body-digest.ts');
    vi.doUnmock('../extract/index.ts');
    const key = bodyKeyOf({ url: URL1, charset: 'utf-8', body: new TextEncoder().encode(PAGE_A) });
    const underNext = next.bodyDigest(key, h.deps.config.limits, { latest: 1, seen: 1 });
    expect(bodyDigest(key, h.deps.config.limits, { latest: 1, seen: 1 })).toBe(stored);
    expect(underNext).not.toBe(stored);
    // Stored by that other extractor, the digest does not match: the page is extracted.
    await h.deps.store.updateArticle(article.id, { bodyDigest: underNext });
    expect(await check(h, article.id, PAGE_A)).toMatchObject({ status: 'unchanged', sameBody: false });
    expect(parsers.extracted).toBe(2);
  });
});

describe('the shortcut stores what a full extraction would', () => {
  it('gives the same articles, versions and events over a run of edits, reverts, failures and repeats', async () => {
    const plain = await setUp();
    try {
      const pages = [PAGE_A, PAGE_A, PAGE_B, PAGE_B, PAGE_A, PAGE_A, null, PAGE_A, PAGE_A2, PAGE_A2, PAGE_B, PAGE_B];
      const hits: boolean[] = [];
      for (const html of pages) {
        const fast = await check(t.h, t.article.id, html);
        // The other store forgets its digest before every check, so it extracts every page.
        await plain.h.deps.store.updateArticle(plain.article.id, { bodyDigest: null });
        const slow = await check(plain.h, plain.article.id, html);
        expect(slow.sameBody).toBe(false);
        hits.push(fast.sameBody);
        const { sameBody: _a, ...fastRest } = fast;
        const { sameBody: _b, ...slowRest } = slow;
        expect(fastRest).toEqual(slowRest);
      }
      expect(hits).toEqual([false, true, false, true, false, true, false, true, false, true, false, true]);
      const state = async (x: typeof t) => {
        const { bodyDigest: _d, ...article } = (await x.h.deps.store.getArticle(x.article.id))!;
        const versions = (await x.h.deps.store.listVersions(x.article.id)).map(({ id: _id, ...v }) => v);
        const events = (await x.h.deps.store.listEvents(x.article.id)).map(({ id: _id, ...e }) => e);
        return { article, versions, events };
      };
      expect(await state(t)).toEqual(await state(plain));
      expect(t.parsers.extracted).toBe(5);
      expect(plain.parsers.extracted).toBe(11);
    } finally {
      await plain.h.close();
    }
  });
});

describe('with the real fetcher', () => {
  it('recognises the gzip bytes it read last time before decompressing them, and extracts any other bytes', async () => {
    const { h, parsers, article } = t;
    let html = PAGE_A;
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip' }).end(gzipSync(html));
    });
    try {
      const fetcher = createFetcher(testFetchConfig());
      const seen: (boolean | undefined)[] = [];
      h.deps.fetcher = { get: async (_url, o) => fetcher.get(`${server.url}/a`, o).then((r) => (seen.push(r.sameBody), r)) };
      const run = async () => {
        h.clock.advance(3600);
        return checkArticle(h.deps, (await h.deps.store.getArticle(article.id))!);
      };
      expect(await run()).toMatchObject({ status: 'new_version', sameBody: false });
      expect(await run()).toMatchObject({ status: 'unchanged', sameBody: true });
      expect(seen).toEqual([undefined, true]);
      expect(parsers.extracted).toBe(1);
      html = PAGE_A2; // one byte of boilerplate: extracted, unchanged, then recognised
      expect(await run()).toMatchObject({ status: 'unchanged', sameBody: false });
      expect(await run()).toMatchObject({ status: 'unchanged', sameBody: true });
      html = PAGE_B;
      expect(await run()).toMatchObject({ status: 'new_version', versionNumber: 2, sameBody: false });
      expect(parsers.extracted).toBe(3);
    } finally {
      await server.close();
    }
  });
});
