import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serveWebsite, type Website } from '../../src/cli/serve.ts';
import { memoryLogger } from '../../src/log/index.ts';
import { seedShownArticles } from '../../src/store/testdata/seed.ts';
import { openTracker, runOnce, type TrackerDeps } from '../../src/tracker/index.ts';
import { tempDir, testConfig } from './helpers.ts';

/**
 * Issue 9, must show 1: with the website and the tracker in one process (`--role all`), a hostile
 * search, robots.txt, page or feed never freezes the website: while each is handled, `GET /` keeps
 * answering in well under 200 ms.
 */
const data = tempDir();
let deps: TrackerDeps & { log: ReturnType<typeof memoryLogger> };
let website: Website;
let site: ChildProcess;
let siteUrl = '';
const PATH_200 = '/' + 'a'.repeat(199);

beforeAll(async () => {
  site = fork(join(import.meta.dirname, '../../bench/lib/hostile-site.mjs'), [], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  siteUrl = await new Promise<string>((resolve) => site.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  const config = testConfig(data.dir, (c) => {
    c.fetch.respectRobots = true;
    c.worker.role = 'all';
    c.web.port = 0;
  });
  deps = { ...(await openTracker(config, memoryLogger())), log: memoryLogger() };
  website = await serveWebsite(deps.store, config);
  // Something on the front page, and text for search to chew on.
  await seedShownArticles(deps.store, { count: 5, words: 300, urlBase: `${siteUrl}/seed`, now: deps.now() });
}, 60_000);
afterAll(async () => {
  await website?.close();
  await deps?.parsers?.close();
  await deps?.store.close();
  site?.kill();
  data.remove();
});

/** Requests GET / every 50 ms while `work` runs; returns every response time (ms). */
async function frontPageWhile(work: () => Promise<unknown>): Promise<{ times: number[]; workMs: number }> {
  const times: number[] = [];
  const statuses = new Set<number>();
  let running = true;
  const prober = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(website.url);
      await res.text();
      statuses.add(res.status);
      times.push(Math.round(performance.now() - t0));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  let workMs = 0;
  try {
    await work();
  } finally {
    workMs = performance.now() - t0;
    // A case that ends quickly (as it should) still gets a few probes to judge by.
    while (times.length < 5 && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20));
    running = false;
  }
  await prober;
  expect([...statuses]).toEqual([200]);
  return { times, workMs };
}

const quantile = (times: number[], q: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * q))];

/** p95 of GET / with nothing else running, measured just before each case: the shared test machine's load comes and goes. */
let baselineP95 = 0;

async function measureBaseline(): Promise<void> {
  const { times } = await frontPageWhile(() => new Promise((r) => setTimeout(r, 1000)));
  baselineP95 = quantile(times, 0.95);
}

/**
 * The must-show bound is 200 ms, measured by `npm run bench:freeze`. A test must not assert
 * timings, and on a loaded machine GET / alone may take longer, so this is a freeze guard: p95
 * under 1 s or four times the baseline plus 300 ms, whichever is more (the suite runs test files in
 * parallel on 2 cores), and no request over 3 s:
 * unbounded, each of these cases froze the site for 12 s to minutes, which this still catches.
 * The printed numbers are for the report; quiet-machine numbers are the lead's to take.
 */
function expectResponsive(times: number[]) {
  expect(times.length).toBeGreaterThan(3);
  const allowance = Math.max(1000, 4 * baselineP95 + 300);
  console.log(
    `GET /: ${times.length} requests, p95 ${quantile(times, 0.95)} ms, max ${Math.max(...times)} ms (baseline p95 ${baselineP95} ms, guard ${allowance} ms)`,
  );
  expect(quantile(times, 0.95)).toBeLessThan(allowance);
  expect(Math.max(...times)).toBeLessThan(3_000);
}

async function addSource(key: string, path: string) {
  await deps.store.upsertSource(
    { key, name: key, feedUrl: `${siteUrl}${path}`, pollPeriodSec: 3600, include: [], exclude: [] },
    deps.now(),
  );
}

describe('--role all: the website stays responsive while the tracker meets hostile input', () => {
  beforeAll(async () => {
    await frontPageWhile(() => new Promise((r) => setTimeout(r, 300))); // warm up: first renders load code
  });
  beforeEach(measureBaseline);

  it('a 3,000-term search answers within a second while GET / keeps answering', async () => {
    // 3,000 distinct short terms (a URL of about 10 KB, under the server's header limit).
    const q = Array.from({ length: 3000 }, (_, i) => i.toString(36)).join(' ');
    let searchMs = 0;
    const { times } = await frontPageWhile(async () => {
      // Several in a row, as an attacker would send them.
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const res = await fetch(`${website.url}search?q=${q.replaceAll(' ', '+')}`);
        expect(res.status).toBe(200);
        await res.text();
        searchMs = Math.max(searchMs, performance.now() - t0);
      }
      await new Promise((r) => setTimeout(r, 300)); // a few more front-page probes
    });
    expect(searchMs).toBeLessThan(1_000);
    expectResponsive(times);
  });

  it('the ReDoS robots.txt rule against 200-character paths', async () => {
    await addSource('robots', '/robots-feed.xml');
    const { times } = await frontPageWhile(() => runOnce(deps));
    const article = (await deps.store.getArticleByUrl(`${siteUrl}${PATH_200}?n=0`))!;
    expect(article.versionCount).toBe(1); // allowed (no "b"), and decided at once
    expectResponsive(times);
  });

  it('a 3 MB page of 1,000,000 unclosed <b>', async () => {
    await addSource('bold', '/bold-feed.xml');
    const { times, workMs } = await frontPageWhile(() => runOnce(deps));
    const article = (await deps.store.getArticleByUrl(`${siteUrl}/bold`))!;
    // too-complex within the 5 s budget, or a correct extraction.
    if (article.versionCount === 0) expect(article.lastError).toMatch(/^extract too-complex: /);
    else expect((await deps.store.getLatestVersion(article.id))!.paragraphs[0]).toContain('A perfectly ordinary paragraph.');
    expect(workMs).toBeLessThan(deps.config.worker.extractBudgetMs + 10_000);
    expectResponsive(times);
  }, 60_000);

  it('a feed of 100,000 items', async () => {
    await addSource('huge', '/huge-feed.xml');
    const { times } = await frontPageWhile(async () => {
      const counts = await runOnce({ ...deps, store: Object.assign(Object.create(deps.store), { claimDueArticles: async () => [] }) });
      expect(counts.articlesFound).toBe(deps.config.limits.newArticlesPerPoll);
    });
    expect((await deps.store.getSource('huge'))!.lastLimitNote).toMatch(/over the limit of 200 per poll/);
    expectResponsive(times);
  }, 60_000);
});
