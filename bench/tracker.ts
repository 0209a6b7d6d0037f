/**
 * npm run bench:tracker [-- --articles N --rounds M --warmup W --change SHARE --database postgres://... --workers 1,2,4 --validators --volatile SHARE]
 *
 * A simulated news site (its own process) serves N pages of 50-150 KB; Redline checks them through
 * the real tracker pass in separate worker processes: SQLite with one process, then PostgreSQL with
 * 1, 2 and 4 workers (skipped without a database URL). Prints a table, writes bench/results/tracker.md.
 *
 * Method. Each worker's CPU is process.cpuUsage over a pass (every thread: JS, V8's GC and compiler
 * threads, libuv), divided by the checks of the pass. A first pass stores every article once; then
 * W warm-up passes (default 2) and M measured passes (default 5), each after the same share of
 * articles was edited, so each pass does the same work (the log line of each pass shows its new
 * versions). The warm-up passes are not counted: the first pass never runs the same-bytes path or
 * the diff, so without them the measured passes carry the JIT's warm-up and ran 0.3-0.6 ms/check
 * higher in their first passes (2026-12-02). The table gives the mean over all measured checks and,
 * beside it, the median pass with the lowest and highest: the spread of one run. Before each pass a
 * worker runs a fixed canary task and logs its CPU ms: a pass whose CPU per check moves with the
 * canary was run on a slower machine (other processes, the host), not slower code.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hotFunctions, stageTimes } from './lib/tracker-profile.ts';
import { openStore } from '../src/store/index.ts';
import { defaultConfig } from '../src/config/index.ts';
import { claimLatency, type ClaimTiming } from './lib/tracker-claims.ts';
import { sizingSection } from './lib/tracker-sizing.ts';
import { createDatabase, runScenario, type ScenarioResult, type SiteHandle } from './lib/tracker-run.ts';
import { startSiteProcess } from './lib/tracker-site-process.ts';
import { markdown, resultTable, stageTable } from './lib/tracker-table.ts';
import { storageTable } from './lib/tracker-storage.ts';
import { budgetSection } from './lib/tracker-budget.ts';
import { httpClientTimings, type ClientTiming } from './lib/tracker-http.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    /** Passes before the measured ones, not counted (JIT warm-up of the same-bytes path and the diff). */
    warmup: { type: 'string', default: '2' },
    change: { type: 'string', default: '0.1' },
    database: { type: 'string' },
    workers: { type: 'string', default: '1,2,4' },
    'no-profile': { type: 'boolean' },
    /** Skip the HTTP client comparison (Redline's fetcher, bare node:http, undici). */
    'no-http': { type: 'boolean' },
    'claim-sizes': { type: 'string', default: '1000,10000' },
    /** Answer delay of the site: real sites take 50-500 ms, which makes a worker latency-bound. */
    'latency-ms': { type: 'string', default: '0' },
    /** Checks in flight per worker (fetch.globalConcurrency). */
    concurrency: { type: 'string', default: '16' },
    /** The site sends ETag and Last-Modified and answers 304 to a match (by default it sends neither). */
    validators: { type: 'boolean' },
    /** Share of pages whose bytes change on every request while their text does not (never 304, never the same bytes). */
    volatile: { type: 'string', default: '0' },
    out: { type: 'string', default: 'tracker.md' },
  },
});
const articles = Number(values.articles);
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);
const changeShare = Number(values.change);
const latencyMs = Number(values['latency-ms']);
const concurrency = Number(values.concurrency);
const validators = values.validators ?? false;
const volatileShare = Number(values.volatile);
const databaseUrl = values.database ?? process.env.REDLINE_TEST_PG ?? null;
const loadBefore = loadavg()[0].toFixed(1);
const log = (line: string) => process.stderr.write(line + '\n');

async function main() {
  const site = await startSiteProcess({ articles, delayMs: latencyMs, validators, volatileShare });
  log(`site: ${articles} articles, ${warmup} warm-up and ${rounds} measured passes, ${changeShare * 100}% edited before each`);
  const results: ScenarioResult[] = [];
  const common = { rounds, warmup, changeShare, concurrency };
  results.push(await runScenario({ name: 'SQLite', databaseUrl: null, workers: 1, ...common }, site, log));
  const skipped = databaseUrl ? null : 'PostgreSQL rows skipped: no database URL (set REDLINE_TEST_PG or pass --database postgres://...)';
  if (skipped) log(skipped);
  for (const n of databaseUrl ? values.workers!.split(',').map(Number) : []) {
    results.push(await runScenario({ name: 'PostgreSQL', databaseUrl, workers: n, ...common }, site, log));
  }
  const profile = values['no-profile'] ? null : await profileSqlite(site);
  const gzipBytesPerPage = await site.pageBytes();
  const http = values['no-http'] ? null : await httpClientTimings(site.urls);
  site.close();
  const claims = await claimTimings();
  const pg1 = results.find((r) => r.postgresCpuMsPerCheck !== null && r.workers === 1);
  const sizing = sizingSection(defaultConfig().schedule, {
    workerCpuMsPerCheck: (pg1 ?? results[0]).workerCpuMsPerCheck,
    postgresCpuMsPerCheck: pg1?.postgresCpuMsPerCheck ?? null,
    gzipBytesPerPage,
    rawBytesPerPage: 100 * 1024, // pages are spread evenly over 50-150 KB
  });
  const report = render(results, skipped, profile, claims) + (http ? '\n\n' + httpSection(http) : '') + '\n\n' + sizing;
  process.stdout.write(report + '\n');
  const out = new URL('./results/', import.meta.url).pathname;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, values.out!), report + '\n');
  log(`written to bench/results/${values.out}`);
}

/** A separate SQLite run under the V8 profiler, so the profiler's overhead stays out of the table. */
async function profileSqlite(site: SiteHandle) {
  const path = join(mkdtempSync(join(tmpdir(), 'redline-prof-')), 'worker.cpuprofile');
  const r = await runScenario(
    { name: 'SQLite (profiled)', databaseUrl: null, workers: 1, rounds, warmup, changeShare, concurrency, profilePath: path },
    site,
    log,
  );
  log(`CPU profile of the measured passes: ${path} (open it in Chrome DevTools > Performance)`);
  return { checks: r.checks, stages: stageTimes(path), hot: hotFunctions(path, 12), path };
}

/** Claim latency against the backlog of due articles, on each database. */
async function claimTimings(): Promise<{ name: string; timings: ClaimTiming[] }[]> {
  const sizes = values['claim-sizes']!.split(',').filter(Boolean).map(Number);
  const out: { name: string; timings: ClaimTiming[] }[] = [];
  for (const [name, url] of [
    ['SQLite', null],
    ['PostgreSQL', databaseUrl],
  ] as const) {
    if (name === 'PostgreSQL' && !url) continue;
    log(`claim latency on ${name} (backlog ${sizes.join(', ')})`);
    const db = await createDatabase({ databaseUrl: url, workers: 0 });
    const store = await openStore({ dataDir: db.dataDir, databaseUrl: db.url });
    out.push({ name, timings: await claimLatency(store, sizes) });
    await store.close();
    await db.drop();
  }
  return out;
}

type Claims = Awaited<ReturnType<typeof claimTimings>>;

function render(
  results: ScenarioResult[],
  skipped: string | null,
  profile: Awaited<ReturnType<typeof profileSqlite>> | null,
  claims: Claims,
): string {
  const parts = [
    `# Tracker benchmark`,
    '',
    `${new Date().toISOString().slice(0, 16)}Z, Node ${process.version}, ${articles} articles of 50-150 KB (gzip), ` +
      `${rounds} measured passes after a first pass and ${warmup} warm-up passes (not counted), ${changeShare * 100}% of articles edited before each pass. ` +
      `"worker CPU ms/check" is the mean over the measured checks; "per pass" gives the median measured pass (lowest-highest), ` +
      `and "canary" the CPU ms of a fixed task each worker ran before each pass (same work every time: its spread is the machine's). ` +
      `Site answer delay ${latencyMs} ms; ${validators ? 'ETag and Last-Modified sent, 304 to a match' : 'no ETag or Last-Modified sent'}; ` +
      `${volatileShare * 100}% of pages with bytes that change on every request (text unchanged). ` +
      `"304 / same bytes": share of checks answered 304, and of checks that fetched the very bytes the last check read; neither is extracted. ` +
      `Per-host limits raised for the bench host (perHostConcurrency 256, perHostDelayMs 0), ` +
      `robots.txt honoured, ${concurrency} checks in flight per worker. ` +
      `Machine: ${cpus().length} cores, load average ${loadBefore} before the run and ${loadavg()[0].toFixed(1)} after (other processes share it).`,
    '',
    resultTable(results),
    '',
    ...[budgetSection(results, loadBefore)].flatMap((b) => (b ? [b, ''] : [])),
    '## Storage per version (text and capture, before and after deduplication)',
    '',
    'Text "whole copy" is every version keeping its whole paragraph list; "as stored" keeps each paragraph once per article ' +
      'plus an id list per version (goal: at most 2 KB per extra version). Captures: the bytes as received per version, the ' +
      'distinct bodies among them, and what is stored (distinct bodies, gzip level 3). The full-text index is apart and not deduplicated.',
    '',
    storageTable(results.map((r) => r.storage)),
  ];
  if (skipped) parts.push('', skipped);
  if (profile) {
    parts.push('', `## Where a worker's CPU goes (SQLite, 1 worker, ${profile.checks} checks, V8 profiler)`, '');
    parts.push(stageTable(profile.stages, profile.checks), '', 'Hottest functions (self time):', '');
    parts.push(markdown([['function', 'ms'], ...profile.hot.map((h) => [h.fn, h.ms.toFixed(0)])]));
  }
  if (claims.length) {
    parts.push('', '## One claimDueArticles call (1 article) against the backlog of due articles (20 hosts)', '');
    const sizes = claims[0].timings.map((t) => t.due);
    parts.push(
      markdown([
        ['database', ...sizes.map((n) => `${n} due`)],
        ...claims.map((c) => [c.name, ...c.timings.map((t) => `${t.msPerClaim.toFixed(1)} ms`)]),
      ]),
    );
  }
  return parts.join('\n');
}

function httpSection(rows: ClientTiming[]): string {
  return [
    `## HTTP client: CPU per GET of an article page (${rows[0].gets} GETs, 16 in flight, this process only)`,
    '',
    markdown([['client', 'CPU ms per GET', 'wall ms'], ...rows.map((r) => [r.client, r.cpuMsPerGet.toFixed(3), r.wallMs.toFixed(0)])]),
  ].join('\n');
}

await main();
