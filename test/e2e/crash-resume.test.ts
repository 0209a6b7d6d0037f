import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { articleHtml, localServer, rssFeed, runCli, tempDir, type LocalServer } from './helpers.ts';

/**
 * Issue 9, must show 6: `kill -9` during a pass over a single-host site of 150 articles, then
 * `run --once` right away (no waiting for leases to expire) checks every remaining article exactly once.
 * Before, the dead process's two leases filled the host's two per-host slots and the restart checked 0.
 */
const N = 150;
let server: LocalServer;
const data = tempDir();
let hits = new Map<string, number>();

beforeAll(async () => {
  server = await localServer((req, res) => {
    if (req.url === '/feed.xml') {
      return void res
        .writeHead(200, { 'Content-Type': 'application/rss+xml' })
        .end(rssFeed(Array.from({ length: N }, (_, i) => `${server.url}/a/${i}`)));
    }
    const m = /^\/a\/(\d+)$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
    const i = Number(m[1]);
    // A little slow, as real sites are: checks are in flight (and leased) when the kill comes.
    setTimeout(() => {
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          articleHtml(`Harbour story ${i}`, [
            `Story ${i}: the harbour authority met on Monday to discuss berth number ${i * 3}.`,
            `Fishermen said ${i + 7} boats were waiting outside the harbour wall.`,
          ]),
        );
    }, 15);
  });
  writeFileSync(
    join(data.dir, 'redline.json'),
    JSON.stringify({
      sources: [{ key: 'harbour', name: 'Harbour', feedUrl: `${server.url}/feed.xml`, every: '1h' }],
      // One host, the default two checks per host and default 60 s leases; no politeness delay, to keep the test short.
      fetch: { perHostDelayMs: 0, respectRobots: false, allowPrivateNetworks: true },
    }),
  );
});
afterAll(async () => {
  await server?.close();
  data.remove();
});

describe('kill -9, then run --once right away', () => {
  it('checks every remaining article exactly once, without waiting for the dead leases', async () => {
    let stored = 0;
    const killed = await runCli(['run', '--once', '--data', data.dir], {
      onStderrLine: (line, child) => {
        if (line.includes('status=new_version') && ++stored === 40) child.kill('SIGKILL');
      },
    });
    expect(killed.code).toBeNull();
    const store = await openStore({ dataDir: data.dir, databaseUrl: null });
    const before = (await store.stats()).versions;
    // The killed process held leases on the host's two slots.
    expect((await store.leaseHolders(Date.now())).reduce((n, h) => n + h.articles, 0)).toBeGreaterThan(0);
    await store.close();
    expect(before).toBeGreaterThanOrEqual(40);
    expect(before).toBeLessThan(N);

    hits = new Map();
    const started = Date.now();
    const resumed = await runCli(['run', '--once', '--data', data.dir]);
    expect(resumed.code, resumed.stderr.slice(-2000)).toBe(0);
    expect(resumed.stderr).toMatch(/ warn leases_released worker=\S+:\d+:\w+ leases=\d+ reason="process gone"/);
    expect(resumed.stdout).toContain(`checked ${N - before}: ${N - before} new versions`);
    expect(resumed.stdout).not.toMatch(/wait on leases/);
    expect(Date.now() - started).toBeLessThan(60_000); // it did not sit out the 60 s leases

    const check = await openStore({ dataDir: data.dir, databaseUrl: null });
    try {
      const { items } = await check.listArticles({ limit: 1000 });
      expect(items.length).toBe(N);
      expect(items.every((a) => a.versionCount === 1)).toBe(true);
      expect((await check.stats()).versions).toBe(N);
      // The restart fetched exactly the articles the killed pass had not stored, each once.
      const unstoredBefore = N - before;
      expect(hits.size).toBe(unstoredBefore);
      expect([...hits.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await check.close();
    }
  }, 180_000);
});
