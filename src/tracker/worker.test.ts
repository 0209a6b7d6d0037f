import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageFetcher } from './deps.ts';
import { syncSources } from './sync.ts';
import { articlePage, harness, manualArticle, type Harness } from './testdata/fakes.ts';
import { startWorker } from './worker.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness((c) => {
    c.worker.idleMs = 20;
  });
  await syncSources(h.deps.store, [], h.clock.now);
});
afterEach(() => h.close());

const PARAS = [
  'A long enough first paragraph of the story so that the extractor keeps it as text.',
  'And a second paragraph that also has quite a few words in it for the extractor.',
];

describe('startWorker', () => {
  it('checks due work, naps when idle, and on stop finishes the check in flight', async () => {
    const url = 'https://slow.example/story';
    await manualArticle(h.deps.store, url, h.clock.now);
    h.fetcher.answers.set(url, { html: articlePage('Slow story', PARAS) });
    let started!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    const slow: PageFetcher = {
      async get(u, o) {
        started();
        await new Promise((r) => setTimeout(r, 150));
        return h.fetcher.get(u, o);
      },
    };
    const passes: number[] = [];
    const worker = startWorker({ ...h.deps, fetcher: slow }, { onPass: (c) => passes.push(c.checked) });
    await inFlight;
    await worker.stop();
    // The check that was in flight when stop() was called completed and was recorded.
    const article = (await h.deps.store.getArticleByUrl(url))!;
    expect(article.versionCount).toBe(1);
    expect(article.lastCheckedAt).toBe(h.clock.now);
    expect(passes[0]).toBe(1);
    expect(h.deps.log.lines.some((l) => / worker_stop /.test(l))).toBe(true);
  });

  it('ends a pass after its time budget so that feeds are polled again; the next pass carries on', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `https://one.example/story/${i}`);
    for (const [i, url] of urls.entries()) {
      await manualArticle(h.deps.store, url, h.clock.now);
      h.fetcher.answers.set(url, { html: articlePage(`Story ${i}`, PARAS) });
    }
    h.deps.config.fetch.perHostConcurrency = 1;
    const slow: PageFetcher = {
      async get(u, o) {
        await new Promise((r) => setTimeout(r, 15));
        return h.fetcher.get(u, o);
      },
    };
    const passes: number[] = [];
    let allChecked!: () => void;
    const finished = new Promise<void>((r) => (allChecked = r));
    const worker = startWorker(
      { ...h.deps, fetcher: slow },
      {
        passBudgetMs: 40,
        onPass: (c) => {
          passes.push(c.checked);
          if (passes.reduce((a, b) => a + b, 0) >= urls.length) allChecked();
        },
      },
    );
    await finished;
    await worker.stop();
    // 12 sequential checks of 15 ms do not fit in one 40 ms budget: several passes, each URL fetched once.
    expect(passes.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(h.fetcher.requests.map((r) => r.url).sort()).toEqual([...urls].sort());
    for (const url of urls) expect((await h.deps.store.getArticleByUrl(url))!.versionCount).toBe(1);
  });

  it('survives a store that fails for a while: logs each failed pass with a growing pause, then goes on', async () => {
    const url = 'https://flaky.example/story';
    await manualArticle(h.deps.store, url, h.clock.now);
    h.fetcher.answers.set(url, { html: articlePage('Flaky story', PARAS) });
    let failuresLeft = 3;
    const store = Object.create(h.deps.store) as typeof h.deps.store;
    store.claimDueArticles = (...args) => {
      if (failuresLeft-- > 0) return Promise.reject(new Error('database is locked'));
      return h.deps.store.claimDueArticles(...args);
    };
    let checked!: () => void;
    const done = new Promise<void>((r) => (checked = r));
    const worker = startWorker({ ...h.deps, store }, { failurePauseMs: 5, onPass: (c) => c.checked > 0 && checked() });
    await done;
    await worker.stop();
    const failed = h.deps.log.lines.filter((l) => / error worker_pass_failed /.test(l));
    expect(failed.length).toBe(3);
    expect(failed[0]).toMatch(/error="database is locked" failures=1 retry_in_ms=5$/);
    expect(failed[2]).toMatch(/failures=3 retry_in_ms=20$/);
    expect((await h.deps.store.getArticleByUrl(url))!.versionCount).toBe(1);
  });
});

describe('worker heartbeats and metrics', () => {
  it('writes a heartbeat row while running, removes it on a clean stop, and reports checks to its metrics', async () => {
    const url = 'https://beat.example/story';
    await manualArticle(h.deps.store, url, h.clock.now);
    h.fetcher.answers.set(url, { html: articlePage('Beat story', PARAS) });
    const seen: string[] = [];
    const metrics = {
      checkDone: (status: string) => void seen.push(`check:${status}`),
      pollDone: (status: string) => void seen.push(`poll:${status}`),
      extractionDone: () => void seen.push('extract'),
      leaseTakeovers: () => {},
    };
    let passed!: () => void;
    const firstPass = new Promise<void>((r) => (passed = r));
    const worker = startWorker({ ...h.deps, metrics }, { onPass: () => passed() });
    await firstPass;
    const beats = await h.deps.store.listHeartbeats();
    expect(beats).toHaveLength(1);
    expect(beats[0]).toMatchObject({ role: 'all', beatAt: h.clock.now });
    await worker.stop();
    expect(await h.deps.store.listHeartbeats()).toEqual([]);
    expect(seen).toEqual(expect.arrayContaining(['check:new_version', 'extract']));
  });
});
