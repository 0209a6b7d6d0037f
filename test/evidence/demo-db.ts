import { LAST_STEP, startNewsroom } from '../../src/demo/index.ts';
import { loadSigningKey } from '../../src/evidence/keys.ts';
import { sealPending } from '../../src/evidence/seal.ts';
import { runOnce } from '../../src/tracker/index.ts';
import { testTracker, type TestTracker } from '../e2e/helpers.ts';

/**
 * A database like `redline demo` leaves behind, made deterministically: the simulated newsroom
 * stepped through its whole edit script, one tracker pass per step, everything sealed under signed
 * roots at the end (two roots: one halfway, one at the end). The store is closed; its dir stays.
 */
export async function buildDemoDatabase(): Promise<{ dir: string; t: TestTracker; remove(): Promise<void> }> {
  const newsroom = await startNewsroom({ manual: true });
  const t = await testTracker();
  try {
    await t.deps.store.upsertSource(
      { key: 'demo', name: 'Demo', feedUrl: newsroom.feedUrl, pollPeriodSec: 60, include: [], exclude: ['/sport/live/'] },
      t.clock.now,
    );
    const key = loadSigningKey(t.deps.config);
    for (let step = 0; step <= LAST_STEP + 1; step++) {
      newsroom.setStep(step);
      await runOnce(t.deps);
      if (step === Math.floor(LAST_STEP / 2)) await sealPending(t.deps.store, key, t.clock.now);
      t.clock.advance(10 * 86400);
    }
    await sealPending(t.deps.store, key, t.clock.now);
  } finally {
    await newsroom.close();
    await t.deps.store.close();
  }
  return { dir: t.dir, t, remove: () => t.close().catch(() => {}) };
}
