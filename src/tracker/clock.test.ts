import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/index.ts';
import { memoryLogger } from '../log/index.ts';
import { openPostgresStore } from '../store/postgres/open.ts';
import type { SqlStore } from '../store/sql/sql-store.ts';
import { databaseClock } from './clock.ts';
import type { PageFetcher, TrackerDeps } from './deps.ts';
import { runOnce } from './run-once.ts';
import { articlePage, fakeFetcher } from './testdata/fakes.ts';

// Two workers share one PostgreSQL database; one machine's clock is 10 minutes fast.
const url = process.env.REDLINE_TEST_PG;
const SKEW_MS = 10 * 60_000;
const DUE = 100;
const LATER = 50;

describe.skipIf(!url)('scheduling by the database clock (PostgreSQL)', () => {
  const schemas: string[] = [];
  const stores: SqlStore[] = [];
  let admin: pg.Pool;
  beforeAll(() => {
    admin = new pg.Pool({ connectionString: url, max: 1 });
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  /** A fresh schema with DUE articles due now and LATER due in five minutes, by the database's clock; two connections to it. */
  async function setup(): Promise<[SqlStore, SqlStore]> {
    const schema = `redline_clock${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    const a = openPostgresStore(url!, { schema });
    await a.migrate();
    const b = openPostgresStore(url!, { schema });
    stores.push(a, b);
    const now = await a.clock();
    const src = await a.upsertSource({ key: 'manual', name: 'Manual', feedUrl: '', pollPeriodSec: 86400, include: [], exclude: [] }, now);
    for (let i = 0; i < DUE + LATER; i++) {
      const host = `h${i % 10}.example`;
      await a.upsertArticle({
        sourceId: src.id,
        url: `https://${host}/${i}`,
        host,
        feedTitle: null,
        feedPublishedAt: null,
        now: i < DUE ? now - 1000 : now + 5 * 60_000,
        checkPeriodSec: 1800,
      });
    }
    return [a, b];
  }

  function worker(store: SqlStore, now: () => number): { deps: TrackerDeps; fetched: string[] } {
    const answers = fakeFetcher();
    const fetched: string[] = [];
    const fetcher: PageFetcher = {
      async get(u, o) {
        fetched.push(u);
        answers.answers.set(u, {
          html: articlePage(`Story ${u}`, [
            `The story at ${u} is long enough to count as the text of a news article.`,
            'And it has a second paragraph, which makes it a real article.',
          ]),
        });
        await new Promise((r) => setTimeout(r, 20));
        return answers.get(u, o);
      },
    };
    const config = defaultConfig();
    config.fetch.perHostConcurrency = 2;
    config.fetch.globalConcurrency = 4;
    return { deps: { config, store, fetcher, log: memoryLogger(), now }, fetched };
  }

  it('two workers, one 10 minutes fast, share the due work within 10 % and stamp no capture in the future', async () => {
    const [a, b] = await setup();
    const fast = () => Date.now() + SKEW_MS;
    const clockA = await databaseClock(a);
    const clockB = await databaseClock(b, fast);
    expect(Math.abs(clockB.offsetMs() + SKEW_MS)).toBeLessThan(2_000);
    const wa = worker(a, clockA.now);
    const wb = worker(b, clockB.now);
    await Promise.all([runOnce(wa.deps), runOnce(wb.deps)]);
    clockA.stop();
    clockB.stop();
    const all = [...wa.fetched, ...wb.fetched];
    // Every due article exactly once; the ones due later were left alone.
    expect(new Set(all).size).toBe(DUE);
    expect(all.length).toBe(DUE);
    expect(Math.abs(wa.fetched.length - wb.fetched.length)).toBeLessThanOrEqual(DUE * 0.1);
    const dbNow = await a.clock();
    const { items } = await a.listArticles({ limit: 1000, minVersions: 1 });
    expect(items.length).toBe(DUE);
    // The clock is the database's as estimated from a round trip: it may be off by that round trip
    // (tens of ms on a busy machine), never by the worker's 10 minutes.
    const ESTIMATE_MS = 2_000;
    for (const article of items) {
      expect(article.lastVersionAt!).toBeLessThanOrEqual(dbNow + ESTIMATE_MS);
      expect(article.nextCheckAt!).toBeLessThanOrEqual(dbNow + 1800_000);
    }
  }, 60_000);

  it('control: on its own clock the fast worker takes work that is not due yet', async () => {
    const [, b] = await setup();
    const wb = worker(b, () => Date.now() + SKEW_MS);
    await runOnce(wb.deps);
    expect(wb.fetched.length).toBe(DUE + LATER);
  }, 60_000);
});
