/**
 * One Redline worker process for the tracker benchmark: the real tracker code path (runOnce ->
 * claimDueArticles -> checkArticle -> fetch, extract, compare, store), driven over IPC so the
 * benchmark can start a pass on several workers at once and collect each one's CPU and memory.
 * The clock is Date.now() shifted by an offset the benchmark advances between passes, so every
 * article is due again without touching the database from outside.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, constants as perf } from 'node:perf_hooks';
import { threadCpuMs } from './tracker-threads.ts';
import { defaultConfig, type Config } from '../../src/config/index.ts';
import { createFetcher } from '../../src/fetch/index.ts';
import { silentLogger } from '../../src/log/index.ts';
import { openStore } from '../../src/store/index.ts';
import { runOnce } from '../../src/tracker/index.ts';

export interface WorkerSetup {
  dataDir: string;
  databaseUrl: string | null;
  perHostConcurrency: number;
  globalConcurrency: number;
  batchSize: number;
}

export interface PassReport {
  type: 'done';
  checked: number;
  newVersions: number;
  errors: number;
  /** Checks answered 304, and checks that fetched the very bytes of the last check: neither extracted. */
  notModified: number;
  sameBody: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  maxRssKb: number;
  claims: number;
  claimMs: number;
  /** Diagnostics of the spread: CPU of the JS thread alone, of V8/libuv helper threads, GC pauses. */
  mainThreadMs: number;
  helperThreadsMs: number;
  gcPauseMs: number;
  majorGcs: number;
  /** CPU ms of a fixed task run just before the pass (canary()): the same work every time, so it shows how fast the machine was. */
  canaryMs: number;
}

const CANARY_INPUT = Buffer.alloc(4 * 1024 * 1024, 'redline canary ');
const CANARY_GZIP = gzipSync(CANARY_INPUT.subarray(0, 256 * 1024), { level: 6 });

/**
 * A fixed mix of the work a check does (hashing, gunzip, string and object churn), ~20-40 ms of CPU:
 * when a pass's CPU per check moves and the canary moves with it, the machine moved (other
 * processes, the host), not Redline.
 */
function canary(): number {
  const c0 = process.cpuUsage();
  let acc = 0;
  for (let i = 0; i < 4; i++) acc += createHash('sha256').update(CANARY_INPUT).digest()[0];
  for (let i = 0; i < 20; i++) acc += gunzipSync(CANARY_GZIP).length;
  const words: Record<string, number> = {};
  for (let i = 0; i < 200_000; i++) {
    const w = `w${(i * 2654435761) % 5000}`;
    words[w] = (words[w] ?? 0) + 1;
  }
  acc += Object.keys(words).length;
  const used = process.cpuUsage(c0);
  if (acc < 0) throw new Error('unreachable'); // keeps the work observable
  return (used.user + used.system) / 1000;
}

const setup = JSON.parse(process.argv[2] ?? '{}') as WorkerSetup;

export function benchConfig(s: WorkerSetup): Config {
  const config = defaultConfig();
  config.dataDir = s.dataDir;
  config.databaseUrl = s.databaseUrl;
  // Politeness limits high for the benchmark host (robots.txt stays honoured).
  Object.assign(config.fetch, {
    perHostConcurrency: s.perHostConcurrency,
    perHostDelayMs: 0,
    globalConcurrency: s.globalConcurrency,
    allowPrivateNetworks: true,
  });
  config.worker.batchSize = s.batchSize;
  return config;
}

const config = benchConfig(setup);
const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
// Claims are the one step serialised across workers, so count them and time them.
const claimStats = { claims: 0, ms: 0 };
const claim = store.claimDueArticles.bind(store);
store.claimDueArticles = async (...args) => {
  const t0 = performance.now();
  try {
    return await claim(...args);
  } finally {
    claimStats.claims++;
    claimStats.ms += performance.now() - t0;
  }
};
const gc = { pauseMs: 0, major: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.pauseMs += e.duration;
    if ((e as { detail?: { kind?: number } }).detail?.kind === perf.NODE_PERFORMANCE_GC_MAJOR) gc.major++;
  }
}).observe({ entryTypes: ['gc'] });
let offsetMs = 0;
const deps = { config, store, fetcher: createFetcher(config.fetch), log: silentLogger, now: () => Date.now() + offsetMs };
process.send!({ type: 'ready' });

type Message = { type: 'run'; offsetMs: number } | { type: 'exit' } | { type: 'profile-start' } | { type: 'profile-stop'; path: string };
const inspector = new Session();

process.on('message', async (m: Message) => {
  if (m.type === 'exit') {
    await store.close();
    process.exit(0);
  }
  // The profiler runs only around the measured passes, not startup or the first pass.
  if (m.type === 'profile-start') {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
    return void process.send!({ type: 'profiling' });
  }
  if (m.type === 'profile-stop') {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(m.path, JSON.stringify(profile));
    return void process.send!({ type: 'profiled' });
  }
  offsetMs = m.offsetMs;
  Object.assign(claimStats, { claims: 0, ms: 0 });
  const canaryMs = canary();
  Object.assign(gc, { pauseMs: 0, major: 0 });
  const threads = threadCpuMs();
  const cpu = process.cpuUsage();
  const counts = await runOnce(deps);
  const used = process.cpuUsage(cpu);
  const threadsAfter = threadCpuMs();
  const report: PassReport = {
    type: 'done',
    checked: counts.checked,
    newVersions: counts.byStatus.new_version,
    errors: counts.byStatus.error,
    notModified: counts.notModified,
    sameBody: counts.sameBody,
    cpuUserMs: used.user / 1000,
    cpuSystemMs: used.system / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
    claims: claimStats.claims,
    claimMs: claimStats.ms,
    mainThreadMs: threadsAfter.main - threads.main,
    helperThreadsMs: threadsAfter.helpers - threads.helpers,
    gcPauseMs: gc.pauseMs,
    majorGcs: gc.major,
    canaryMs,
  };
  process.send!(report);
});
