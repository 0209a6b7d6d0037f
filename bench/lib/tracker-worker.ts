/**
 * One Redline worker process for the tracker benchmark: the real tracker code path (runOnce ->
 * claimDueArticles -> checkArticle -> fetch, extract, compare, store), driven over IPC so the
 * benchmark can start a pass on several workers at once and collect each one's CPU and memory.
 * The clock is Date.now() shifted by an offset the benchmark advances between passes, so every
 * article is due again without touching the database from outside.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
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
  const cpu = process.cpuUsage();
  const counts = await runOnce(deps);
  const used = process.cpuUsage(cpu);
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
  };
  process.send!(report);
});
