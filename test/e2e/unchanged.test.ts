import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords } from '../../src/diff/index.ts';
import type { Article } from '../../src/model/index.ts';
import { checkArticle } from '../../src/tracker/index.ts';
import { articleHtml, localServer, manualArticle, testTracker, type LocalServer, type TestTracker } from './helpers.ts';

/** Must show 3: re-checks that must store nothing, through the real fetcher, extractor and store. */
const STORY = [
  'The city council approved a new budget on Tuesday after a debate that lasted well into the night.',
  'Opponents said the plan would close two libraries and cut bus services in the outer districts.',
  'The mayor said the budget protected schools and would be reviewed again in the spring.',
];

let server: LocalServer;
let t: TestTracker;
/** What /story serves now; `etag` on means the server honours If-None-Match. */
const page = { html: articleHtml('Council approves budget', STORY), etag: false };
const seen: { ifNoneMatch: string | undefined }[] = [];

beforeAll(async () => {
  server = await localServer((req, res) => {
    if (req.url !== '/story') return void res.writeHead(404).end();
    seen.push({ ifNoneMatch: req.headers['if-none-match'] });
    const tag = `"${createHash('sha1').update(page.html).digest('hex')}"`;
    if (page.etag && req.headers['if-none-match'] === tag) return void res.writeHead(304, { ETag: tag }).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(page.etag ? { ETag: tag } : {}) }).end(page.html);
  });
  t = await testTracker();
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

async function check(): Promise<ReturnType<typeof checkArticle>> {
  const url = `${server.url}/story`;
  const article = await manualArticle(t, url);
  t.clock.advance(86400);
  return checkArticle(t.deps, (await t.deps.store.getArticle(article.id)) as Article);
}

async function versionCount(): Promise<number> {
  return (await t.deps.store.stats()).versions;
}

describe('re-checks that store nothing', () => {
  it('stores version 1 on the first check', async () => {
    expect((await check()).status).toBe('new_version');
    expect(await versionCount()).toBe(1);
  });

  it('an unchanged page stores nothing', async () => {
    expect((await check()).status).toBe('unchanged');
    expect(await versionCount()).toBe(1);
  });

  it('a 304 Not Modified stores nothing', async () => {
    page.etag = true;
    await check(); // learns the ETag
    const outcome = await check();
    expect(outcome).toMatchObject({ status: 'unchanged', notModified: true });
    expect(seen.at(-1)!.ifNoneMatch).toMatch(/^"[0-9a-f]{40}"$/);
    expect(await versionCount()).toBe(1);
    page.etag = false;
  });

  it('a boilerplate-only change (related stories, ad, timestamp) stores nothing', async () => {
    page.html = articleHtml('Council approves budget', STORY, {
      related: 'Bus fares to rise in May',
      ad: 'Advertisement: holidays in Crete',
      updated: 'Updated 1 minute ago',
    });
    expect((await check()).status).toBe('unchanged');
    expect(await versionCount()).toBe(1);
  });

  it('while a real edit does store a version', async () => {
    page.html = articleHtml('Council approves budget', [STORY[0], STORY[2]]);
    expect(await check()).toMatchObject({ status: 'new_version', versionNumber: 2, wordsRemoved: countWords(STORY[1]), wordsAdded: 0 });
    expect(await versionCount()).toBe(2);
  });
});
