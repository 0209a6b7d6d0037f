/**
 * Three `redline start --role worker` processes share one PostgreSQL and a simulated site of
 * 2,000 articles on two loopback hosts. One worker is killed with SIGKILL mid-batch. Judged from
 * the site's request log and the store: every due article checked exactly once per due time
 * (no two checks closer than the period, except a takeover of the killed worker's expired lease),
 * nothing lost (all checked twice; what is due at the end is claimable), no version duplicated,
 * no host over its limit across all workers.
 * Runs only when REDLINE_TEST_PG is set.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../../bench/lib/tracker-site.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { judge, type Rules } from './analysis.ts';
import { scratchDatabase, startWorkerProcess, waitFor, writeConfig } from './harness.ts';

const PG = process.env.REDLINE_TEST_PG;
const ARTICLES = 2000;
const HOSTS = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];
const PERIOD_SEC = 20;
const LEASE_SEC = 4;
const PER_HOST = 4;
const SLACK_MS = 3000; // a check reads the clock, then queries the store (and robots.txt once) before its request leaves

const cleanups: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.skipIf(!PG)('three workers on one PostgreSQL', () => {
  it('checks every due article once per due time, survives kill -9, keeps per-host limits', { timeout: 180_000 }, async () => {
    const site = await startSite({ articles: ARTICLES, hosts: HOSTS, minKb: 4, maxKb: 8, delayMs: 20, keepLog: true });
    cleanups.push(() => site.close());
    const db = await scratchDatabase(PG!);
    cleanups.push(() => db.drop());
    const dataDir = mkdtempSync(join(tmpdir(), 'redline-scale-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    writeConfig(dataDir, {
      // A fixed period for every article: this test is about workers, not the age tiers.
      schedule: { tiers: [], minPeriodSec: PERIOD_SEC },
      fetch: { perHostConcurrency: PER_HOST, perHostDelayMs: 0, globalConcurrency: 8, allowPrivateNetworks: true },
      worker: { leaseSec: LEASE_SEC, batchSize: 8, idleMs: 200 },
      sources: [{ key: 'scale', name: 'Scale', feedUrl: site.feedUrl, every: '1h' }],
    });
    const store = await openStore({ dataDir, databaseUrl: db.url });
    cleanups.push(() => store.close());
    await register(store, site);

    const workers = ['scale-worker-a', 'scale-worker-b', 'scale-worker-c'].map((agent) => startWorkerProcess(agent, db.url, dataDir));
    cleanups.push(() => workers.forEach((w) => w.child.exitCode === null && w.child.kill('SIGKILL')));
    const [victim, ...survivors] = workers;
    let killedAt = 0;
    try {
      await waitFor(
        'the victim to be mid-batch',
        () => site.log.length >= 300 && (site.inFlightByAgent()[victim.agent] ?? 0) > 0,
        90_000,
        2,
      );
      victim.child.kill('SIGKILL');
      killedAt = Date.now();
      const checked = (n: number) => countChecked(site, { ...rules, victim: victim.agent, killedAt }, n);
      await waitFor('a first check of every article', () => checked(1) === ARTICLES, 90_000, 200);
      site.advance(0.2, 42); // edits 400 articles: their next check must store version 2
      await waitFor('a second check of every article', () => checked(2) === ARTICLES, 120_000, 200);
      survivors.forEach((w) => w.child.kill('SIGTERM'));
      expect(await Promise.all(survivors.map((w) => w.exited))).toEqual([0, 0]);
      await expectCorrect(store, site, { victim: victim.agent, killedAt });
    } catch (err) {
      if (process.env.REDLINE_SCALE_DEBUG)
        writeFileSync(process.env.REDLINE_SCALE_DEBUG, JSON.stringify({ log: site.log, victim: victim.agent, killedAt }));
      for (const w of workers) console.error(`--- ${w.agent} output (tail):\n${w.output.join('').slice(-3000)}`);
      throw err;
    }
  });
});

/** The articles as feed discovery would add them: all due at once. */
async function register(store: Store, site: Site): Promise<void> {
  const now = Date.now();
  const source = await store.upsertSource(
    { key: 'scale', name: 'Scale', feedUrl: site.feedUrl, pollPeriodSec: 3600, include: [], exclude: [] },
    now,
  );
  for (const url of site.urls) {
    await store.upsertArticle({
      sourceId: source.id,
      url,
      host: new URL(url).host,
      feedTitle: null,
      feedPublishedAt: null,
      now,
      checkPeriodSec: PERIOD_SEC,
    });
  }
}

const rules = { periodMs: PERIOD_SEC * 1000, leaseMs: LEASE_SEC * 1000, slackMs: SLACK_MS, lostGraceMs: 50 };

function countChecked(site: Site, r: Rules, atLeast: number): number {
  return [...judge(site.log, r).checks.values()].filter((c) => c.length >= atLeast).length;
}

async function expectCorrect(store: Store, site: Site, run: { victim: string; killedAt: number }) {
  const verdict = judge(site.log, { ...rules, ...run });
  expect(verdict.doubles).toEqual([]);
  expect(verdict.lost.length).toBeGreaterThan(0); // it died mid-batch...
  expect(verdict.lostTakenOver).toBe(verdict.lost.length); // ...and others finished its work
  // Takeovers also include checks it fetched before dying but never stored.
  expect(verdict.takeovers).toBeGreaterThanOrEqual(verdict.lost.length);
  expect(site.log.some((r) => r.userAgent === run.victim && r.start < run.killedAt)).toBe(true);
  // A request the victim sent just before the kill can be read by this (loaded) process's event loop
  // some time later, so the margin is a second, not 100 ms: a live victim would go on far longer.
  expect(site.log.some((r) => r.userAgent === run.victim && r.start > run.killedAt + 1000)).toBe(false);

  const hostsMax = Object.values(site.stats().maxInFlightByHost);
  expect(hostsMax).toHaveLength(HOSTS.length);
  expect(Math.max(...hostsMax)).toBeLessThanOrEqual(PER_HOST);
  expect(Math.max(...hostsMax)).toBeGreaterThanOrEqual(2);

  const problems: string[] = [];
  let expectedVersions = 0;
  for (const url of site.urls) {
    const id = Number(/article-(\d+)/.exec(url)![1]);
    const checks = verdict.checks.get(id) ?? [];
    const article = (await store.getArticleByUrl(url))!;
    const last = checks[checks.length - 1];
    if (checks.length < 2) problems.push(`${url}: ${checks.length} checks`);
    // The store recorded the last request as the last check.
    if (!last || Math.abs(article.lastCheckedAt! - last.start) > SLACK_MS)
      problems.push(`${url}: lastCheckedAt ${article.lastCheckedAt} vs request ${last?.start}`);
    const versions = await store.listVersions(article.id);
    const numbers = versions.map((v) => v.number);
    const revisions = new Set(checks.map((c) => c.revision)).size;
    expectedVersions += revisions;
    if (numbers.join() !== Array.from({ length: revisions }, (_, i) => i + 1).join())
      problems.push(`${url}: versions ${numbers} for ${revisions} revisions`);
    if (new Set(versions.map((v) => v.fingerprint)).size !== versions.length) problems.push(`${url}: duplicate fingerprints`);
    if (article.versionCount !== versions.length) problems.push(`${url}: versionCount ${article.versionCount} vs ${versions.length}`);
  }
  expect(problems.slice(0, 20)).toEqual([]);
  expect(expectedVersions).toBeGreaterThan(ARTICLES); // edited pages were seen
  expect((await store.stats()).versions).toBe(expectedVersions);
  await expectNothingStuck(store);
}

/** Whatever is due now (work the stopped workers had not reached yet) is free for the next worker: no lease outlived its worker. */
async function expectNothingStuck(store: Store) {
  const now = Date.now();
  const due: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listArticles({ limit: 500, cursor });
    for (const a of page.items) if (a.nextCheckAt !== null && a.nextCheckAt <= now) due.push(a.id);
    cursor = page.nextCursor;
  } while (cursor);
  const claimed = await store.claimDueArticles(now, ARTICLES, { workerId: 'scale-test', until: now + 60_000 }, ARTICLES);
  expect(claimed.map((a) => a.id).sort((a, b) => a - b)).toEqual(due.sort((a, b) => a - b));
}
