import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.ts';
import { openStore } from '../../src/store/index.ts';
import { articleHtml, localServer, rssFeed, runCli, tempDir, type LocalServer } from './helpers.ts';

/**
 * Must show 5: `kill -9` of `redline run --once` in the middle of a busy pass, then a restart:
 * no version lost, none duplicated, the database intact.
 */
const N = 200;
const LEASE_SEC = 2;
let round = 1;
let server: LocalServer;
const data = tempDir();

const paragraphs = (i: number, r: number) => [
  `Story ${i} begins: the regional council met on day ${r} to discuss the proposal numbered ${i * 7}.`,
  `In round ${r} the committee heard ${i + r * 3} objections from residents of the northern district.`,
];

const pageHtml = (i: number, r: number) => articleHtml(`Council hears objections to proposal ${i}`, paragraphs(i, r));

beforeAll(async () => {
  server = await localServer((req, res) => {
    const m = /^\/a\/(\d+)$/.exec(req.url ?? '');
    if (req.url === '/feed.xml') {
      const links = Array.from({ length: N }, (_, i) => `${server.url}/a/${i}`);
      return void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rssFeed(links));
    }
    if (!m) return void res.writeHead(404).end();
    const i = Number(m[1]);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pageHtml(i, round));
  });
  writeFileSync(
    join(data.dir, 'redline.json'),
    JSON.stringify({
      sources: [{ key: 'local', name: 'Local', feedUrl: `${server.url}/feed.xml`, every: '5m' }],
      schedule: { tiers: [], minPeriodSec: 1 },
      fetch: { perHostDelayMs: 0, perHostConcurrency: 8, globalConcurrency: 8, respectRobots: false, allowPrivateNetworks: true },
      worker: { leaseSec: LEASE_SEC, batchSize: 16 },
    }),
  );
});
afterAll(async () => {
  await server?.close();
  data.remove();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function versionCount(): Promise<number> {
  const store = await openStore({ dataDir: data.dir, databaseUrl: null });
  try {
    return (await store.stats()).versions;
  } finally {
    await store.close();
  }
}

describe('kill -9 during a busy pass', () => {
  it('loses and duplicates nothing, and the database stays intact', async () => {
    const first = await runCli(['run', '--once', '--data', data.dir]);
    expect(first.code, first.stderr.slice(-2000)).toBe(0);
    expect(await versionCount()).toBe(N);

    // Every page changes; kill the pass once it has stored a good number of new versions.
    round = 2;
    await sleep(1100);
    let stored = 0;
    const killed = await runCli(['run', '--once', '--data', data.dir], {
      onStderrLine: (line, child) => {
        if (line.includes('status=new_version') && ++stored === 60) child.kill('SIGKILL');
      },
    });
    expect(killed.code).toBeNull();
    const afterKill = await versionCount();
    expect(afterKill).toBeGreaterThanOrEqual(N + 60);
    expect(afterKill).toBeLessThan(2 * N);

    // Leases held by the killed process expire, then a restart finishes the work.
    await sleep(LEASE_SEC * 1000 + 200);
    const resumed = await runCli(['run', '--once', '--data', data.dir]);
    expect(resumed.code, resumed.stderr.slice(-2000)).toBe(0);

    const store = await openStore({ dataDir: data.dir, databaseUrl: null });
    try {
      const { items } = await store.listArticles({ limit: 1000 });
      expect(items.length).toBe(N);
      for (const a of items) {
        const i = Number(/\/a\/(\d+)$/.exec(a.url)![1]);
        const versions = await store.listVersions(a.id);
        expect(
          versions.map((v) => v.number),
          a.url,
        ).toEqual([1, 2]);
        // Exactly what the server served in each round, as the extractor reads it.
        expect(versions[0].fingerprint).toBe(extractArticle(pageHtml(i, 1), a.url).fingerprint);
        expect(versions[1].fingerprint).toBe(extractArticle(pageHtml(i, 2), a.url).fingerprint);
        expect(versions[1].paragraphs).toContain(paragraphs(i, 2)[1]);
      }
      expect((await store.stats()).versions).toBe(2 * N);
    } finally {
      await store.close();
    }
    const db = new Database(join(data.dir, 'redline.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 180_000); // three child processes doing real work: slow on a loaded 2-core machine
});
