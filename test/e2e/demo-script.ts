import { LAST_STEP, type Newsroom } from '../../src/demo/index.ts';
import { runOnce } from '../../src/tracker/index.ts';
import type { TestTracker } from './helpers.ts';

export interface TrackedScript {
  /** Article id -> the step at which each of its versions (index = number - 1) was captured. */
  capturedAt: Map<number, number[]>;
  /** Article id -> the newsroom's story id. */
  storyOf: Map<number, string>;
}

/**
 * Tracks the demo newsroom (started with `manual: true`) through its whole edit script: a `demo`
 * source on its feed, one pass per step, ten days between steps so every article, even one backing
 * off after flip-flops, is due again.
 */
export async function trackDemoScript(t: TestTracker, newsroom: Newsroom): Promise<TrackedScript> {
  await t.deps.store.upsertSource(
    { key: 'demo', name: 'Demo', feedUrl: newsroom.feedUrl, pollPeriodSec: 60, include: [], exclude: ['/sport/live/'] },
    t.clock.now,
  );
  const byUrl = new Map(newsroom.articles().map((a) => [a.url, a.id]));
  const capturedAt = new Map<number, number[]>();
  const storyOf = new Map<number, string>();
  for (let step = 0; step <= LAST_STEP + 1; step++) {
    newsroom.setStep(step);
    await runOnce(t.deps);
    for (const a of (await t.deps.store.listArticles({ limit: 100 })).items) {
      storyOf.set(a.id, byUrl.get(a.url)!);
      const steps = capturedAt.get(a.id) ?? [];
      while (steps.length < a.versionCount) steps.push(step);
      capturedAt.set(a.id, steps);
    }
    t.clock.advance(10 * 86400);
  }
  return { capturedAt, storyOf };
}
