import type { Db } from '../sql/db.ts';

// Which articles and sources are due, for SQLite's claims (PostgreSQL runs the same ranking inside redline_claim_articles,
// migrations/002-claim-function.ts, redefined in 005-moderation.ts). Keep the two in step.

/** Params: dueBefore, now. A lease is live while lease_until > now. */
const DUE = `next_check_at <= ? AND status <> 'retired' AND (lease_until IS NULL OR lease_until <= ?)
  AND NOT EXISTS (SELECT 1 FROM sources ps WHERE ps.id = articles.source_id AND ps.paused_at IS NOT NULL)`;

/** The head of the queue: due unleased articles, oldest due first. Params: dueBefore, now, window. */
const HEAD_SQL = `SELECT id, host FROM articles WHERE ${DUE} ORDER BY next_check_at, id LIMIT ?`;

/** Live leases per host (few: at most the checks in flight across all workers). Params: now. */
const LIVE_SQL = `SELECT host, COUNT(*) AS n FROM articles WHERE lease_until > ? GROUP BY host`;

/**
 * Ids of the due articles to lease, oldest due first, at most `perHost` live per host: the k-th
 * due article of a host in the head is taken when k plus the host's live leases is at most
 * `perHost` (the ranking of redline_claim_articles, done here in a loop over a few rows rather than
 * with window functions). Ranking looks at a window at the head of the queue and widens it only
 * when the head is full of hosts at their limit, so a claim costs about its batch size rather
 * than the whole backlog.
 */
export async function pickDueArticles(tx: Db, now: number, dueBefore: number, limit: number, perHost: number): Promise<number[]> {
  const live = new Map<string, number>();
  for (const r of await tx.all<{ host: string; n: number }>(LIVE_SQL, [now])) live.set(r.host, Number(r.n));
  for (let window = Math.max(8, limit * 4); ; window *= 4) {
    const head = await tx.all<{ id: number; host: string }>(HEAD_SQL, [dueBefore, now, window]);
    const taken = new Map<string, number>();
    const ids: number[] = [];
    for (const row of head) {
      const n = taken.get(row.host) ?? 0;
      if (n + (live.get(row.host) ?? 0) >= perHost) continue;
      taken.set(row.host, n + 1);
      ids.push(Number(row.id));
      if (ids.length >= limit) return ids;
    }
    if (head.length < window) return ids; // the window held every due article
  }
}

/** Ids of enabled due sources without a live lease, oldest due first. Params: now, now, limit. */
export const PICK_DUE_SOURCES_SQL = `SELECT id FROM sources
  WHERE enabled = 1 AND paused_at IS NULL AND next_poll_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
  ORDER BY next_poll_at, id LIMIT ?`;
