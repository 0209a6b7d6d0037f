import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { copyStore, type CopyProgress } from './copy.ts';
import { openStore } from './index.ts';
import type { Store } from './store.ts';

const PG = process.env.REDLINE_TEST_PG;
const T0 = Date.UTC(2026, 0, 1);
const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const c of cleanups) await c();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function sqliteStore(): Promise<Store> {
  const dataDir = mkdtempSync(join(tmpdir(), 'redline-copy-'));
  dirs.push(dataDir);
  const store = await openStore({ dataDir, databaseUrl: null });
  await store.migrate();
  cleanups.push(() => store.close());
  return store;
}

/** A fresh database on the test server, dropped afterwards, so other suites are not disturbed. */
async function postgresStore(): Promise<Store> {
  const name = `redline_copy_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG!);
  url.pathname = `/${name}`;
  const store = await openStore({ dataDir: tmpdir(), databaseUrl: url.toString() });
  await store.migrate();
  cleanups.push(async () => {
    await store.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return store;
}

const html = (s: string) => new TextEncoder().encode(`<html><body><h1>${s}</h1><p>${'text '.repeat(50)}${s}</p></body></html>`);

/** A small installation with every kind of row: two sources, polled state, 12 articles, versions, raw pages, events, a baseline, a retired article. */
async function populate(store: Store): Promise<void> {
  const a = await store.upsertSource(
    {
      key: 'alpha',
      name: 'Alpha News',
      feedUrl: 'http://127.0.0.1:9/a.xml',
      pollPeriodSec: 300,
      include: ['/news/'],
      exclude: ['/sport/'],
    },
    T0,
  );
  const b = await store.upsertSource(
    { key: 'beta', name: 'Beta', feedUrl: 'http://127.0.0.1:9/b.xml', pollPeriodSec: 600, include: [], exclude: [] },
    T0 + 1,
  );
  await store.recordSourcePoll(a.id, {
    at: T0 + 10,
    status: 'ok',
    error: null,
    etag: '"e1"',
    lastModified: 'Thu, 01 Jan 2026 00:00:00 GMT',
    nextPollAt: T0 + 300_010,
  });
  for (let i = 0; i < 12; i++) {
    const source = i % 3 === 0 ? b : a;
    const now = T0 + i * 1000;
    const { article } = await store.upsertArticle({
      sourceId: source.id,
      url: `http://127.0.0.1:9/news/${i}`,
      host: '127.0.0.1:9',
      feedTitle: `Feed ${i}`,
      feedPublishedAt: now - 5,
      now,
      checkPeriodSec: 1800,
    });
    for (let n = 1; n <= i % 4; n++) {
      const title = `Story ${i} v${n}`;
      await store.addVersion(article.id, n, {
        title,
        byline: n === 1 ? 'By A. Writer' : null,
        published: '2026-01-01T00:00:00Z',
        paragraphs: [`Paragraph ${n}`, `Second ${i}`],
        fingerprint: `fp-${i}-${n}`,
        extractorVersion: 'x1',
        capturedAt: now + n * 60_000,
        rawHtml: n === 2 ? null : html(title),
        wordsAdded: n === 1 ? 0 : 3,
        wordsRemoved: n === 1 ? 0 : 1,
      });
    }
    if (i === 5) await store.addEvent({ articleId: article.id, at: now + 1, kind: 'removed', versionNumber: null, detail: 'http 404' });
    if (i === 5) await store.addEvent({ articleId: article.id, at: now + 2, kind: 'restored', versionNumber: null, detail: null });
    if (i === 7) await store.addEvent({ articleId: article.id, at: now + 3, kind: 'revert', versionNumber: 1, detail: null });
    if (i === 3) await store.setBaseline((await store.getVersion(article.id, 1))!.id, 'fp-new', 'x2');
    const retired = i === 11;
    await store.updateArticle(article.id, {
      status: retired ? 'retired' : 'active',
      checkPeriodSec: 1800 * (1 + (i % 3)),
      nextCheckAt: retired ? null : now + 3_600_000,
      lastCheckedAt: now + 500,
      lastError: i === 4 ? 'timeout' : null,
      etag: i === 6 ? '"v6"' : null,
      lastModified: null,
    });
    // Moderation travels too: a hidden article, a hidden version, a paused source.
    if (i === 9) await store.setArticleHidden(article.id, { at: now + 7, reason: 'court order' });
    if (i === 7) await store.setVersionHidden(article.id, 2, { at: now + 8, reason: 'privacy' });
  }
  await store.setSourcePaused('beta', T0 + 99);
}

async function expectSameInstallation(from: Store, to: Store): Promise<void> {
  expect(await to.stats()).toEqual(await from.stats());
  const strip = <T extends { id: number }>(rows: T[]) => rows.map(({ id: _id, ...rest }) => rest);
  const sources = await from.listSources();
  expect(strip(await to.listSources())).toEqual(strip(sources));
  const hidden = async (s: Store) => (await s.listHidden()).map(({ articleId: _a, ...h }) => h);
  expect(await hidden(to)).toEqual(await hidden(from));
  expect((await from.listHidden()).length).toBe(2);
  for (const a of (await from.listArticles({ limit: 100, includeHidden: true })).items) {
    const c = (await to.getArticleByUrl(a.url))!;
    const { id: _a, sourceId: _s, ...articleRest } = a;
    const { id: _b, sourceId: _t, ...copyRest } = (await to.getArticle(c.id))!;
    expect(copyRest).toEqual(articleRest);
    const all = { includeHidden: true };
    const versions = (await to.listVersions(c.id, all)).map(({ id: _i, articleId: _j, ...v }) => v);
    expect(versions).toEqual((await from.listVersions(a.id, all)).map(({ id: _i, articleId: _j, ...v }) => v));
    for (const v of await from.listVersions(a.id)) {
      expect(await to.getRawHtml(c.id, v.number)).toEqual(await from.getRawHtml(a.id, v.number));
    }
    const events = (await to.listEvents(c.id)).map(({ id: _i, articleId: _j, ...e }) => e);
    expect(events).toEqual((await from.listEvents(a.id)).map(({ id: _i, articleId: _j, ...e }) => e));
  }
  // Ids follow the source's order, so listings come out in the same order.
  const urls = async (s: Store) => (await s.listArticles({ limit: 100 })).items.map((a) => a.url);
  expect(await urls(to)).toEqual(await urls(from));
}

function copyCases(name: string, destination: () => Promise<Store>) {
  describe(`copyStore: SQLite -> ${name}`, () => {
    it('copies every source, article, version, raw page and event, and verifies them', async () => {
      const [from, to] = [await sqliteStore(), await destination()];
      await populate(from);
      const phases = new Set<string>();
      const report = await copyStore(from, to, { batchSize: 5, onProgress: (p) => phases.add(p.phase) });
      expect(report.verification).toMatchObject({ ok: true, problems: [] });
      expect(report.articles).toEqual({ copied: 12, skipped: 0 });
      // stats() counts visible versions; the copy carries the hidden ones (article 9's 1, article 7's version 2) too.
      expect(report.versions.copied).toBe((await from.stats()).versions + 2);
      expect(report.events.copied).toBe(3);
      expect(report.verification.checkedVersions).toBe((await from.stats()).versions + 2);
      expect([...phases]).toEqual(['sources', 'articles', 'verify']);
      await expectSameInstallation(from, to);
    });

    it('resumes after an interruption without duplicating anything', async () => {
      const [from, to] = [await sqliteStore(), await destination()];
      await populate(from);
      const stopAfter = (p: CopyProgress) => {
        if (p.phase === 'articles' && p.done === 6) throw new Error('interrupted');
      };
      await expect(copyStore(from, to, { onProgress: stopAfter })).rejects.toThrow('interrupted');
      expect((await to.stats()).articles).toBeLessThan(12);
      const report = await copyStore(from, to, { batchSize: 4 });
      expect(report.verification.ok).toBe(true);
      expect(report.articles.skipped).toBe(6);
      expect(report.articles.copied).toBe(6);
      expect(report.sources.skipped).toBe(2);
      await expectSameInstallation(from, to);
      const again = await copyStore(from, to);
      expect(again.versions.copied + again.events.copied + again.articles.copied).toBe(0);
      await expectSameInstallation(from, to);
    });

    it('accepts a destination that already has an empty source of its own', async () => {
      const [from, to] = [await sqliteStore(), await destination()];
      await populate(from);
      await to.upsertSource({ key: 'manual', name: 'Added by hand', feedUrl: '', pollPeriodSec: 86_400, include: [], exclude: [] }, T0);
      const report = await copyStore(from, to);
      expect(report.verification).toMatchObject({ ok: true, problems: [] });
    });

    it('reports a destination that does not match', async () => {
      const [from, to] = [await sqliteStore(), await destination()];
      await populate(from);
      await copyStore(from, to);
      const article = (await to.getArticleByUrl('http://127.0.0.1:9/news/1'))!;
      await to.addVersion(article.id, 2, {
        title: 'tampered',
        byline: null,
        published: null,
        paragraphs: ['x'],
        fingerprint: 'fp-x',
        extractorVersion: 'x1',
        capturedAt: T0,
        rawHtml: null,
        wordsAdded: 1,
        wordsRemoved: 0,
      });
      const report = await copyStore(from, to);
      expect(report.verification.ok).toBe(false);
      expect(report.verification.problems.join('\n')).toMatch(/versions/);
    });
  });
}

copyCases('SQLite', sqliteStore);
if (PG) copyCases('PostgreSQL', postgresStore);
else describe.skip('copyStore: SQLite -> PostgreSQL (set REDLINE_TEST_PG)', () => it('skipped', () => {}));
