import type { Millis } from '../model/index.ts';
import type { PruneResult, Store } from '../store/index.ts';

const DAY_MS = 86_400_000;

/** Applies evidence.keepCapturesDays: null keeps every capture. Texts, digests, records and roots always stay. */
export async function pruneExpiredCaptures(store: Store, keepDays: number | null, now: Millis): Promise<PruneResult | null> {
  if (keepDays === null) return null;
  return store.evidence.pruneCaptures(now - keepDays * DAY_MS);
}
