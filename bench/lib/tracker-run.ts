/**
 * One benchmark scenario: a fresh database, N articles registered as a feed would, K worker
 * processes running the real tracker pass together, a first pass (every article new) and then
 * M measured passes with a share of the site edited before each.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { defaultConfig } from '../../src/config/index.ts';
import { openStore } from '../../src/store/index.ts';
import { postgresCpuMs } from './tracker-pgcpu.ts';
import { measureStorage, type StorageReport } from './tracker-storage.ts';
import type { PassReport, WorkerSetup } from './tracker-worker.ts';

export interface SiteHandle {
  feedUrl: string;
  urls: string[];
  advance(share: number, seed: number): Promise<number[]>;
  cpuMs(): Promise<number>;
}

export interface Scenario {
  name: string;
  databaseUrl: string | null;
  workers: number;
  rounds: number;
  /** Passes of the same kind run before the measured ones and not counted (JIT and caches warm, as in a worker that has run for a while). */
  warmup: number;
  changeShare: number;
  /** Checks in flight per worker (fetch.globalConcurrency). */
  concurrency: number;
  /** Write a CPU profile of the measured passes of worker 1 here (the run is then only used for the profile). */
  profilePath?: string;
}

export interface ScenarioResult {
  name: string;
  workers: number;
  firstPassPerSec: number;
  checks: number;
  newVersions: number;
  errors: number;
  notModified: number;
  sameBody: number;
  wallSec: number;
  workerCpuMsPerCheck: number;
  serverCpuMsPerCheck: number;
  postgresCpuMsPerCheck: number | null;
  peakRssMb: number;
  claimsPerCheck: number;
  msPerClaim: number;
  storage: StorageReport;
  /** Worker CPU ms per check of each measured pass, and the canary's CPU ms before it (the machine's speed at the time). */
  passCpuMsPerCheck: number[];
  passCanaryMs: number[];
}

const DAY = 24 * 3600 * 1000;
const WORKER = new URL('./tracker-worker.ts', import.meta.url).pathname;

export async function runScenario(s: Scenario, site: SiteHandle, log: (line: string) => void): Promise<ScenarioResult> {
  const db = await createDatabase(s);
  try {
    await register(db.dataDir, db.url, site);
    const setup: WorkerSetup = {
      dataDir: db.dataDir,
      databaseUrl: db.url,
      perHostConcurrency: 256,
      globalConcurrency: s.concurrency,
      batchSize: 32,
    };
    const workers = await Promise.all(Array.from({ length: s.workers }, () => startWorker(setup)));
    let offset = 0;
    const first = await pass(workers, offset);
    log(`  ${s.name}: first pass ${first.checked} checks (${first.errors} errors) in ${first.wallSec.toFixed(1)} s`);
    const total = {
      checks: 0,
      newVersions: 0,
      errors: 0,
      notModified: 0,
      sameBody: 0,
      wallSec: 0,
      cpuMs: 0,
      serverMs: 0,
      pgMs: 0,
      rssKb: first.rssKb,
      claims: 0,
      claimMs: 0,
    };
    const passCpu: number[] = [];
    const passCanary: number[] = [];
    for (let round = 1; round <= s.warmup + s.rounds; round++) {
      const timed = round > s.warmup;
      if (round === s.warmup + 1 && s.profilePath) await request(workers[0], { type: 'profile-start' });
      await site.advance(s.changeShare, round * 7919 + s.workers);
      offset += 2 * DAY; // beyond any period reached in a few passes, so every article is due again
      const [server0, pg0] = [await site.cpuMs(), db.url ? postgresCpuMs(new URL(db.url).pathname.slice(1)) : 0];
      const r = await pass(workers, offset);
      const [server1, pg1] = [await site.cpuMs(), db.url ? postgresCpuMs(new URL(db.url).pathname.slice(1)) : 0];
      const label = timed ? `pass ${round - s.warmup}` : `warm-up ${round} (not counted)`;
      log(
        `  ${s.name}: ${label}: ${r.checked} checks, ${r.newVersions} new versions, ${r.errors} errors, ${(r.checked / r.wallSec).toFixed(0)}/s, ` +
          `worker CPU ${(r.cpuMs / r.checked).toFixed(2)} ms/check (JS thread ${(r.mainThreadMs / r.checked).toFixed(2)}, ` +
          `helper threads ${(r.helperThreadsMs / r.checked).toFixed(2)}, GC pauses ${(r.gcPauseMs / r.checked).toFixed(2)}, ${r.majorGcs} major GCs), ` +
          `site ${((server1 - server0) / r.checked).toFixed(2)}, canary ${(r.canaryMs / workers.length).toFixed(1)} ms`,
      );
      if (!timed) continue;
      passCpu.push(r.cpuMs / r.checked);
      passCanary.push(r.canaryMs / workers.length);
      total.checks += r.checked;
      total.newVersions += r.newVersions;
      total.errors += r.errors;
      total.notModified += r.notModified;
      total.sameBody += r.sameBody;
      total.wallSec += r.wallSec;
      total.cpuMs += r.cpuMs;
      total.serverMs += server1 - server0;
      total.pgMs += pg1 - pg0;
      total.rssKb = Math.max(total.rssKb, r.rssKb);
      total.claims += r.claims;
      total.claimMs += r.claimMs;
    }
    if (s.profilePath) await request(workers[0], { type: 'profile-stop', path: s.profilePath });
    await Promise.all(workers.map(stopWorker));
    const storage = await measureStorage(`${s.name}, ${s.workers} worker${s.workers > 1 ? 's' : ''}`, db.dataDir, db.url);
    return {
      name: s.name,
      workers: s.workers,
      firstPassPerSec: first.checked / first.wallSec,
      checks: total.checks,
      newVersions: total.newVersions,
      errors: total.errors,
      notModified: total.notModified,
      sameBody: total.sameBody,
      wallSec: total.wallSec,
      workerCpuMsPerCheck: total.cpuMs / total.checks,
      serverCpuMsPerCheck: total.serverMs / total.checks,
      postgresCpuMsPerCheck: db.url ? total.pgMs / total.checks : null,
      peakRssMb: total.rssKb / 1024,
      claimsPerCheck: total.claims / total.checks,
      msPerClaim: total.claimMs / total.claims,
      storage,
      passCpuMsPerCheck: passCpu,
      passCanaryMs: passCanary,
    };
  } finally {
    await db.drop();
  }
}

/** The bench source and its articles, inserted as feed discovery would (all due at once). */
async function register(dataDir: string, databaseUrl: string | null, site: SiteHandle): Promise<void> {
  const store = await openStore({ dataDir, databaseUrl });
  const now = Date.now();
  const period = defaultConfig().schedule.minPeriodSec;
  const source = await store.upsertSource(
    { key: 'bench', name: 'The Bench Times', feedUrl: site.feedUrl, pollPeriodSec: 300, include: [], exclude: [] },
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
      checkPeriodSec: period,
    });
  }
  await store.close();
}

interface WorkerHandle {
  child: ChildProcess;
  next(): Promise<PassReport>;
}

function request(w: WorkerHandle, message: object): Promise<unknown> {
  const answer = w.next();
  w.child.send(message);
  return answer;
}

function startWorker(setup: WorkerSetup): Promise<WorkerHandle> {
  const child = fork(WORKER, [JSON.stringify(setup)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: ((m: PassReport) => void)[] = [];
  let ready!: () => void;
  const started = new Promise<void>((ok) => (ready = ok));
  child.on('message', (m: { type: string }) => (m.type === 'ready' ? ready() : waiting.shift()?.(m as PassReport)));
  child.on('exit', (code) => code && console.error(`bench worker exited with ${code}`));
  const handle: WorkerHandle = { child, next: () => new Promise((ok) => waiting.push(ok)) };
  return started.then(() => handle);
}

function stopWorker(w: WorkerHandle): Promise<void> {
  return new Promise((ok) => {
    w.child.once('exit', () => ok());
    w.child.send({ type: 'exit' });
  });
}

/** Starts a pass on every worker at once; the pass ends when the last worker runs out of due work. */
async function pass(workers: WorkerHandle[], offsetMs: number) {
  const t0 = performance.now();
  const reports = await Promise.all(workers.map((w) => request(w, { type: 'run', offsetMs }) as Promise<PassReport>));
  const sum = (f: (r: PassReport) => number) => reports.reduce((a, r) => a + f(r), 0);
  return {
    wallSec: (performance.now() - t0) / 1000,
    checked: sum((r) => r.checked),
    newVersions: sum((r) => r.newVersions),
    errors: sum((r) => r.errors),
    notModified: sum((r) => r.notModified),
    sameBody: sum((r) => r.sameBody),
    cpuMs: sum((r) => r.cpuUserMs + r.cpuSystemMs),
    claims: sum((r) => r.claims),
    claimMs: sum((r) => r.claimMs),
    rssKb: Math.max(...reports.map((r) => r.maxRssKb)),
    mainThreadMs: sum((r) => r.mainThreadMs),
    helperThreadsMs: sum((r) => r.helperThreadsMs),
    gcPauseMs: sum((r) => r.gcPauseMs),
    majorGcs: sum((r) => r.majorGcs),
    canaryMs: sum((r) => r.canaryMs),
  };
}

/** A temporary SQLite directory, or a fresh PostgreSQL database dropped afterwards. */
export async function createDatabase(s: Pick<Scenario, 'databaseUrl' | 'workers'>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'redline-bench-'));
  if (!s.databaseUrl) return { dataDir, url: null, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `redline_bench_${process.pid}_${s.workers}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: s.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(s.databaseUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { dataDir, url: url.toString(), drop };
}
