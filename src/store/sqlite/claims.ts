import type { Article, Millis, Source } from '../../model/index.ts';
import type { Lease } from '../store.ts';
import { byDue } from '../sql/order.ts';
import { PICK_DUE_SOURCES_SQL, pickDueArticles } from './due.ts';
import { placeholders, type Db } from '../sql/db.ts';
import { ARTICLE_COLUMNS, SOURCE_COLUMNS, bare, toArticle, toSource } from '../sql/rows.ts';

// SQLite has one writer at a time: picking and leasing inside one IMMEDIATE transaction is enough
// to keep two processes from claiming the same row or exceeding a host's limit.

export async function claimDueArticles(
  db: Db,
  now: Millis,
  limit: number,
  lease: Lease,
  perHost: number,
  dueBefore: Millis = now,
): Promise<Article[]> {
  if (limit <= 0 || perHost <= 0) return [];
  return db.tx(async (tx) => {
    const ids = await pickDueArticles(tx, now, dueBefore, limit, perHost);
    if (ids.length === 0) return [];
    const rows = await tx.all(
      `UPDATE articles SET lease_owner = ?, lease_until = ? WHERE id IN (${placeholders(ids.length)})
       RETURNING ${bare(ARTICLE_COLUMNS)}`,
      [lease.workerId, lease.until, ...ids],
    );
    return rows.map(toArticle).sort(byDue);
  });
}

export async function claimDueSources(db: Db, now: Millis, limit: number, lease: Lease): Promise<Source[]> {
  if (limit <= 0) return [];
  return db.tx(async (tx) => {
    const ids = (await tx.all<{ id: number }>(PICK_DUE_SOURCES_SQL, [now, now, limit])).map((r) => r.id);
    if (ids.length === 0) return [];
    const rows = await tx.all(
      `UPDATE sources SET lease_owner = ?, lease_until = ? WHERE id IN (${placeholders(ids.length)})
       RETURNING ${bare(SOURCE_COLUMNS)}`,
      [lease.workerId, lease.until, ...ids],
    );
    return rows.map(toSource).sort((a, b) => a.nextPollAt - b.nextPollAt || a.id - b.id);
  });
}
