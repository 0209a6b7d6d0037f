import type { Article, Millis, Source } from '../../model/index.ts';
import type { Lease } from '../store.ts';
import { PICK_DUE_SOURCES_SQL, byDue, pickDueArticles } from '../sql/claims.ts';
import { placeholders, type Db } from '../sql/db.ts';
import { ARTICLE_COLUMNS, SOURCE_COLUMNS, bare, toArticle, toSource } from '../sql/rows.ts';

// Claimers take a transaction-scoped advisory lock, so each one counts the leases the previous one
// committed: per-host limits hold across any number of workers. Rows are then locked with
// FOR UPDATE SKIP LOCKED, so a row another transaction is updating (a check finishing) is skipped, not waited on.
// A lease need not survive a server crash (the work is simply claimed again), so claims commit
// without waiting for the WAL flush, and the claim lock is never held across a disk sync.
const ARTICLE_CLAIM_LOCK = 0x7265_646c; // "redl"
const SOURCE_CLAIM_LOCK = 0x7265_646d;

export async function claimDueArticles(db: Db, now: Millis, limit: number, lease: Lease, perHost: number): Promise<Article[]> {
  if (limit <= 0 || perHost <= 0) return [];
  return db.tx(async (tx) => {
    await tx.run('SET LOCAL synchronous_commit = off');
    await tx.get('SELECT pg_advisory_xact_lock(?)', [ARTICLE_CLAIM_LOCK]);
    const picked = await pickDueArticles(tx, now, limit, perHost);
    if (picked.length === 0) return [];
    const rows = await tx.all(
      `WITH locked AS (
         SELECT id FROM articles WHERE id IN (${placeholders(picked.length)})
           AND next_check_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
         FOR UPDATE SKIP LOCKED
       )
       UPDATE articles SET lease_owner = ?, lease_until = ? FROM locked WHERE articles.id = locked.id
       RETURNING ${bare(ARTICLE_COLUMNS).replace(/(^|,\s*)/g, '$1articles.')}`,
      [...picked, now, now, lease.workerId, lease.until],
    );
    return rows.map(toArticle).sort(byDue);
  });
}

export async function claimDueSources(db: Db, now: Millis, limit: number, lease: Lease): Promise<Source[]> {
  if (limit <= 0) return [];
  return db.tx(async (tx) => {
    await tx.run('SET LOCAL synchronous_commit = off');
    await tx.get('SELECT pg_advisory_xact_lock(?)', [SOURCE_CLAIM_LOCK]);
    const picked = (await tx.all<{ id: number }>(`${PICK_DUE_SOURCES_SQL} FOR UPDATE SKIP LOCKED`, [now, now, limit])).map(
      (r) => r.id,
    );
    if (picked.length === 0) return [];
    const rows = await tx.all(
      `UPDATE sources SET lease_owner = ?, lease_until = ? WHERE id IN (${placeholders(picked.length)})
       RETURNING ${bare(SOURCE_COLUMNS)}`,
      [lease.workerId, lease.until, ...picked],
    );
    return rows.map(toSource).sort((a, b) => a.nextPollAt - b.nextPollAt || a.id - b.id);
  });
}
