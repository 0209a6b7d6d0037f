/**
 * bench:freeze — `--role all` in one process: the website and the tracker share the event loop.
 * While the tracker meets each hostile input of issue 9 (a 3,000-term search, the ReDoS robots.txt
 * rule, a 3 MB page of 1,000,000 unclosed <b>, a feed of 100,000 items), GET / is requested every
 * 20 ms; prints median, p99 and max response times per case (target: p99 <= 100 ms).
 * The hostile site runs in its own process (bench/lib/hostile-site.mjs).
 *
 *   npm run bench:freeze
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveWebsite } from '../src/cli/serve.ts';
import { defaultConfig } from '../src/config/index.ts';
import { silentLogger } from '../src/log/index.ts';
import { seedShownArticles } from '../src/store/testdata/seed.ts';
import { openTracker, runOnce, type TrackerDeps } from '../src/tracker/index.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const site = fork(join(HERE, 'lib', 'hostile-site.mjs'), [], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const siteUrl = await new Promise<string>((resolve) => site.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
const dir = mkdtempSync(join(tmpdir(), 'redline-bench-freeze-'));
writeFileSync(join(dir, 'redline.json'), '{"sources": []}');
const config = defaultConfig();
config.dataDir = dir;
Object.assign(config.fetch, { allowPrivateNetworks: true, perHostDelayMs: 0, respectRobots: true });
config.web.port = 0;
const deps: TrackerDeps = await openTracker(config, silentLogger);
const website = await serveWebsite(deps.store, config);

// A front page worth rendering: a few articles with two versions each.
await seedShownArticles(deps.store, { count: 10, words: 200, urlBase: 'https://seed.example', now: Date.now(), word: 'w' });

async function probe(work: () => Promise<unknown>): Promise<{ times: number[]; workMs: number }> {
  const times: number[] = [];
  let running = true;
  const prober = (async () => {
    while (running) {
      const t0 = performance.now();
      await (await fetch(website.url)).text();
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  await work();
  const workMs = performance.now() - t0;
  running = false;
  await prober;
  return { times, workMs };
}

const addSource = (key: string, path: string) =>
  deps.store.upsertSource({ key, name: key, feedUrl: `${siteUrl}${path}`, pollPeriodSec: 3600, include: [], exclude: [] }, Date.now());
const q = Array.from({ length: 3000 }, (_, i) => i.toString(36)).join('+');
const idle = (ms: number) => () => new Promise((r) => setTimeout(r, ms));
const onlyFeeds = { ...deps, store: Object.assign(Object.create(deps.store), { claimDueArticles: async () => [] }) };

const cases: [string, () => Promise<unknown>][] = [
  ['nothing (baseline)', idle(2000)],
  [
    '5 searches of 3,000 terms',
    async () => {
      for (let i = 0; i < 5; i++) await (await fetch(`${website.url}search?q=${q}`)).text();
    },
  ],
  [
    'robots.txt /*a*a*…*b, 20 paths of 200 chars',
    async () => {
      await addSource('robots', '/robots-feed.xml');
      await runOnce(deps);
    },
  ],
  [
    '3 MB page of 1,000,000 unclosed <b>',
    async () => {
      await addSource('bold', '/bold-feed.xml');
      await runOnce(deps);
    },
  ],
  [
    'feed of 100,000 items',
    async () => {
      await addSource('huge', '/huge-feed.xml');
      await runOnce(onlyFeeds);
    },
  ],
];

await probe(idle(500)); // warm up
const q50 = (t: number[], q: number) => [...t].sort((a, b) => a - b)[Math.min(t.length - 1, Math.floor(t.length * q))];
const rows: string[] = [];
for (const [name, work] of cases) {
  const { times, workMs } = await probe(work);
  rows.push(
    `| ${name} | ${Math.round(workMs)} | ${times.length} | ${q50(times, 0.5).toFixed(0)} | ${q50(times, 0.99).toFixed(0)} | ${Math.max(...times).toFixed(0)} |`,
  );
}
console.log(
  `\nGET / while the tracker meets hostile input (--role all, one process; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)})\n`,
);
console.log('| case | case ms | GET / requests | median ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(rows.join('\n'));
await website.close();
await deps.parsers?.close();
await deps.store.close();
site.kill();
rmSync(dir, { recursive: true, force: true });
