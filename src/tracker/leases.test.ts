import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageFetcher } from './deps.ts';
import { newWorkerId, ownerProcess, processAlive } from './leases.ts';
import { runOnce } from './run-once.ts';
import { articlePage, harness, type Harness } from './testdata/fakes.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness((c) => {
    c.fetch.perHostConcurrency = 1;
  });
});
afterEach(() => h.close());

const para = (i: number) => `Paragraph about story number ${i} with enough words to count as real article text here.`;

async function addArticles(host: string, n: number) {
  const src = await h.deps.store.upsertSource(
    { key: 'manual', name: 'Manual', feedUrl: '', pollPeriodSec: 86400, include: [], exclude: [] },
    h.clock.now,
  );
  for (let i = 0; i < n; i++) {
    const url = `https://${host}/news/${i}`;
    h.fetcher.answers.set(url, { html: articlePage(`Story ${i}`, [para(i), para(i + 100)]) });
    await h.deps.store.upsertArticle({
      sourceId: src.id,
      url,
      host,
      feedTitle: null,
      feedPublishedAt: null,
      now: h.clock.now,
      checkPeriodSec: 1800,
    });
  }
}

/** The pid of a process that has just exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('lease owners', () => {
  it('name host and pid, and tell whether that process still runs', () => {
    expect(ownerProcess(newWorkerId())).toEqual({ host: hostname(), pid: process.pid });
    expect(ownerProcess('not-a-worker')).toBeNull();
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(deadPid())).toBe(false);
  });
});

describe('runOnce and leases', () => {
  it('releases the leases of a dead process on this machine at once, and checks that work', async () => {
    await addArticles('one.example', 3);
    const dead = `${hostname()}:${deadPid()}:zz9`;
    await h.deps.store.claimDueArticles(h.clock.now, 1, { workerId: dead, until: h.clock.now + 60_000 }, 1);
    const counts = await runOnce(h.deps);
    expect(counts).toMatchObject({ checked: 3, waitingOnLeases: 0 });
    expect(h.deps.log.lines.some((l) => new RegExp(` warn leases_released worker=${dead} leases=1 reason="process gone"$`).test(l))).toBe(
      true,
    );
  });

  it('leaves live and foreign leases alone, and the pass counts say what waits on them', async () => {
    await addArticles('one.example', 3);
    await h.deps.store.claimDueArticles(h.clock.now, 1, { workerId: 'other-host:4242:abc', until: h.clock.now + 60_000 }, 1);
    const counts = await runOnce(h.deps);
    // The host's one slot is taken by the other worker's lease: nothing can be checked yet.
    expect(counts).toMatchObject({ checked: 0, waitingOnLeases: 3, leasesHeld: 1 });
  });

  it('renews the leases of checks in flight, so a slow check is never taken over', async () => {
    h.deps.config.worker.leaseSec = 0.3;
    h.deps.now = Date.now;
    await addArticles('slow.example', 1);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    const slow: PageFetcher = {
      async get(url, o) {
        started();
        await gate;
        return h.fetcher.get(url, o);
      },
    };
    const pass = runOnce({ ...h.deps, fetcher: slow });
    await inFlight;
    // Well past the 0.3 s lease: without the heartbeat another worker would take the article over.
    await new Promise((r) => setTimeout(r, 900));
    expect(await h.deps.store.claimDueArticles(Date.now(), 10, { workerId: 'w2', until: Date.now() + 60_000 }, 5)).toEqual([]);
    release();
    expect((await pass).checked).toBe(1);
  });
});
