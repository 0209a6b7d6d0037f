import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteFile, openStore } from './index.ts';
import { makeArticle, makeSource } from './contract/fixtures.ts';
import { openPostgresStore } from './postgres/open.ts';
import type { SqlStore } from './sql/sql-store.ts';
import type { SqliteDb } from './sqlite/db.ts';
import type { Store } from './store.ts';

// Several real processes write to one database while the test kills them with SIGKILL.

const WRITER = join(import.meta.dirname, 'testdata', 'writer.ts');
const ARTICLES = 20;

/** Starts a writer process; `busy` resolves once it has stored at least `n` versions. */
function startWriter(args: string[], n: number): { child: ChildProcess; busy: Promise<void> } {
  const child = fork(WRITER, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const busy = new Promise<void>((resolve, reject) => {
    child.on('message', (m: { stored: number }) => m.stored >= n && resolve());
    child.on('exit', (code, signal) => signal !== 'SIGKILL' && reject(new Error(`writer exited ${code}: ${stderr}`)));
  });
  return { child, busy };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function seed(store: Store): Promise<void> {
  const source = await makeSource(store, 's');
  for (let i = 0; i < ARTICLES; i++) await makeArticle(store, source, String(i), { host: `h${i % 3}.example`, now: 0 });
}

/** Kills busy writers, then checks the history they left behind. */
async function killWritersAndVerify(args: string[][], open: () => Promise<Store>): Promise<Store> {
  const writers = args.map((a) => startWriter(a, 25));
  await Promise.all(writers.map((w) => w.busy));
  await Promise.all(writers.map((w) => kill(w.child)));
  const store = await open();
  let total = 0;
  for (const article of (await store.listArticles({ limit: 100 })).items) {
    const versions = await store.listVersions(article.id);
    expect(versions.map((v) => v.number)).toEqual(versions.map((_, i) => i + 1));
    expect(article.versionCount).toBe(versions.length);
    total += versions.length;
  }
  expect(total).toBeGreaterThanOrEqual(25 * args.length);
  expect((await store.stats()).versions).toBe(total);
  // The dead writers' leases (5 s) expire and every article can be claimed again.
  const now = Date.now() + 6_000;
  expect(await store.claimDueArticles(now, 100, { workerId: 'after', until: now + 1000 }, 100)).toHaveLength(ARTICLES);
  return store;
}

describe('sqlite shared by several processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redline-mp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('survives kill -9 of busy writers: consecutive versions, nothing duplicated, database intact', async () => {
    const setup = await openStore({ dataDir: dir });
    await seed(setup);
    await setup.close();
    const path = join(dir, 'redline.db');
    const store = await killWritersAndVerify(
      [
        [`sqlite:${path}`, 'w1'],
        [`sqlite:${path}`, 'w2'],
      ],
      () => openSqliteFile(path),
    );
    try {
      const raw = ((store as SqlStore).db as SqliteDb).raw;
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const fts = raw.prepare('SELECT COUNT(*) AS n FROM version_fts').get() as { n: number };
      expect(fts.n).toBe((await store.stats()).versions);
    } finally {
      await store.close();
    }
  });
});

const url = process.env.REDLINE_TEST_PG;
describe.skipIf(!url)('postgres shared by several processes', () => {
  const schema = `redline_mp${randomBytes(4).toString('hex')}`;
  const admin = url ? new pg.Pool({ connectionString: url, max: 1 }) : null;
  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('survives kill -9 of three busy workers: consecutive versions, nothing duplicated, leases come back', async () => {
    const setup = openPostgresStore(url!, { schema });
    await setup.migrate();
    await seed(setup);
    await setup.close();
    const args = ['w1', 'w2', 'w3'].map((w) => [url!, w, schema]);
    const store = await killWritersAndVerify(args, async () => openPostgresStore(url!, { schema }));
    await store.close();
  });
});
