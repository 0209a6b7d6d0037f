import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageFetcher } from './deps.ts';
import { syncSources } from './sync.ts';
import { articlePage, harness, type Harness } from './testdata/fakes.ts';
import { startWorker } from './worker.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness((c) => {
    c.worker.idleMs = 20;
  });
  await syncSources(h.deps.store, [], h.clock.now);
});
afterEach(() => h.close());

const PARAS = ['A long enough first paragraph of the story so that the extractor keeps it as text.', 'And a second paragraph that also has quite a few words in it for the extractor.'];

describe('startWorker', () => {
  it('checks due work, naps when idle, and on stop finishes the check in flight', async () => {
    const manual = (await h.deps.store.getSource('manual'))!;
    const url = 'https://slow.example/story';
    await h.deps.store.upsertArticle({ sourceId: manual.id, url, host: 'slow.example', feedTitle: null, feedPublishedAt: null, now: h.clock.now, checkPeriodSec: 1800 });
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
});
