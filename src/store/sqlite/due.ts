import type { Db } from '../sql/db.ts';

// Which articles and sources are due, for SQLite's claims (PostgreSQL runs the same ranking inside redline_claim_articles,
// migrations/002-claim-function.ts, redefined in 005-moderation.ts). Keep the two in step.

/** Params: dueBefore, now. A lease is live while lease_until > now. */
const DUE = `next_check_at <= ? AND status <> 'retired' AND (lease_until IS NULL OR lease_until <= ?)
  AND NOT EXISTS (SELECT 1 FROM sources ps WHERE ps.id = articles.source_id AND ps.paused_at IS NOT NULL)`;

/**
 * Among the first `window` due unleased articles (oldest due first), those that fit under
 * `perHost` counting the leases already live on their host. Params: dueBefore, now, window, now, perHost, limit.
 */
const PICK_IN_WINDOW_SQL = `
WITH head AS (
  SELECT id, host, next_check_at FROM articles WHERE ${DUE} ORDER BY next_check_at, id LIMIT ?
), live AS (
  SELECT host, COUNT(*) AS n FROM articles WHERE lease_until > ? GROUP BY host
), ranked AS (
  SELECT id, host, next_check_at, ROW_NUMBER() OVER (PARTITION BY host ORDER BY next_check_at, id) AS rn FROM head
)
SELECT ranked.id FROM ranked LEFT JOIN live ON live.host = ranked.host
WHERE ranked.rn + COALESCE(live.n, 0) <= ?
ORDER BY ranked.next_check_at, ranked.id
LIMIT ?`;

const COUNT_IN_WINDOW_SQL = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM articles WHERE ${DUE} LIMIT ?) w`;

/**
 * Ids of the due articles to lease, oldest due first, at most `perHost` live per host. Ranking
 * looks at a window at the head of the queue and widens it only when the head is full of hosts at
 * their limit, so a claim costs about its batch size rather than the whole backlog.
 */
export async function pickDueArticles(tx: Db, now: number, dueBefore: number, limit: number, perHost: number): Promise<number[]> {
  for (let window = Math.max(64, limit * 8); ; window *= 4) {
    const rows = await tx.all<{ id: number }>(PICK_IN_WINDOW_SQL, [dueBefore, now, window, now, perHost, limit]);
    if (rows.length >= limit) return rows.map((r) => Number(r.id));
    const seen = await tx.get<{ n: number }>(COUNT_IN_WINDOW_SQL, [dueBefore, now, window]);
    if (Number(seen?.n) < window) return rows.map((r) => Number(r.id)); // the window held every due article
  }
}

/** Ids of enabled due sources without a live lease, oldest due first. Params: now, now, limit. */
export const PICK_DUE_SOURCES_SQL = `SELECT id FROM sources
  WHERE enabled = 1 AND paused_at IS NULL AND next_poll_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
  ORDER BY next_poll_at, id LIMIT ?`;
