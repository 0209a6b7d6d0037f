import type { Article, Millis, Source } from '../../model/index.ts';
import type { Lease } from '../store.ts';
import { byDue } from '../sql/order.ts';
import type { Db } from '../sql/db.ts';
import { ARTICLE_COLUMNS, SOURCE_COLUMNS, toArticle, toSource } from '../sql/rows.ts';

// Each claim is ONE round trip. Claims are serialised across workers, so every extra round trip
// made while holding the claim lock (and every event-loop stall of a busy worker between them)
// is time all other workers wait.

/**
 * Articles are claimed by redline_claim_articles (migration 002): it takes the claim lock, then ranks
 * due rows per host against the live leases the previous claimer committed, and leases the picks.
 */
export async function claimDueArticles(
  db: Db,
  now: Millis,
  limit: number,
  lease: Lease,
  perHost: number,
  dueBefore: Millis = now,
): Promise<Article[]> {
  if (limit <= 0 || perHost <= 0) return [];
  const rows = await db.all(`SELECT ${ARTICLE_COLUMNS} FROM redline_claim_articles(?, ?, ?, ?, ?, ?) a`, [
    now,
    dueBefore,
    limit,
    perHost,
    lease.workerId,
    lease.until,
  ]);
  return rows.map(toArticle).sort(byDue);
}

/**
 * Sources have no per-host limit, so row locks alone keep two workers from leasing one source:
 * SKIP LOCKED passes over rows another claimer holds, and a row whose lease was committed after this
 * statement's snapshot is re-checked against its new lease and dropped. No claim lock is needed.
 */
const CLAIM_SOURCES_SQL = `UPDATE sources s SET lease_owner = ?, lease_until = ?
  WHERE s.id IN (
    SELECT id FROM sources
    WHERE enabled = 1 AND paused_at IS NULL AND next_poll_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
    ORDER BY next_poll_at, id LIMIT ? FOR UPDATE SKIP LOCKED
  )
  RETURNING ${SOURCE_COLUMNS}`;

export async function claimDueSources(db: Db, now: Millis, limit: number, lease: Lease): Promise<Source[]> {
  if (limit <= 0) return [];
  const rows = await db.all(CLAIM_SOURCES_SQL, [lease.workerId, lease.until, now, now, limit]);
  return rows.map(toSource).sort((a, b) => a.nextPollAt - b.nextPollAt || a.id - b.id);
}
