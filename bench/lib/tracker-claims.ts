/**
 * How long one claimDueArticles call takes as the backlog of due articles grows. Every worker
 * claims again whenever a check slot frees up, and on PostgreSQL claims are serialised across
 * workers, so this latency caps the checks per second of the whole installation.
 */
import type { Store } from '../../src/store/store.ts';

export interface ClaimTiming {
  due: number;
  msPerClaim: number;
}

const CLAIMS = 100;

/** Grows the backlog to each size in turn (articles due since an hour ago) and times claims of 1 article. */
export async function claimLatency(store: Store, sizes: number[]): Promise<ClaimTiming[]> {
  const now = Date.now();
  const source = await store.upsertSource(
    { key: 'claims', name: 'claims', feedUrl: 'http://127.0.0.1:9/feed', pollPeriodSec: 300, include: [], exclude: [] },
    now,
  );
  const out: ClaimTiming[] = [];
  let have = 0;
  let claimed = 0;
  for (const size of sizes) {
    for (; have < size + claimed; have++) {
      const host = `news${have % 20}.test`;
      await store.upsertArticle({
        sourceId: source.id,
        url: `http://${host}/a/${have}`,
        host,
        feedTitle: null,
        feedPublishedAt: null,
        now: now - 3_600_000,
        checkPeriodSec: 1800,
      });
    }
    await store.claimDueArticles(now, 1, { workerId: 'bench', until: now + 3_600_000 }, 1_000_000); // warm statement caches
    claimed++;
    const t0 = performance.now();
    for (let i = 0; i < CLAIMS; i++) {
      claimed += (await store.claimDueArticles(now, 1, { workerId: 'bench', until: now + 3_600_000 }, 1_000_000)).length;
    }
    out.push({ due: size, msPerClaim: (performance.now() - t0) / CLAIMS });
  }
  return out;
}
