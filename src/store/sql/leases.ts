import type { Millis } from '../../model/index.ts';
import type { Lease, LeaseHolder } from '../store.ts';
import { placeholders, type Db } from './db.ts';

// Leases are short and renewed while the work runs (a heartbeat), so a dead worker's claims come
// back soon; a starting process also releases the leases of dead processes on its own machine.

export async function renewLeases(db: Db, lease: Lease, articleIds: number[], sourceIds: number[]): Promise<void> {
  for (const [table, ids] of [
    ['articles', articleIds],
    ['sources', sourceIds],
  ] as const) {
    if (ids.length === 0) continue;
    await db.run(`UPDATE ${table} SET lease_until = ? WHERE lease_owner = ? AND id IN (${placeholders(ids.length)})`, [
      lease.until,
      lease.workerId,
      ...ids,
    ]);
  }
}

export async function leaseHolders(db: Db, now: Millis): Promise<LeaseHolder[]> {
  const rows = await db.all<{ owner: string; kind: string; n: number }>(
    `SELECT lease_owner AS owner, 'article' AS kind, COUNT(*) AS n FROM articles WHERE lease_until > ? GROUP BY lease_owner
     UNION ALL
     SELECT lease_owner AS owner, 'source' AS kind, COUNT(*) AS n FROM sources WHERE lease_until > ? GROUP BY lease_owner`,
    [now, now],
  );
  const holders = new Map<string, LeaseHolder>();
  for (const r of rows) {
    const h = holders.get(r.owner) ?? { workerId: String(r.owner), articles: 0, sources: 0 };
    if (r.kind === 'article') h.articles += Number(r.n);
    else h.sources += Number(r.n);
    holders.set(r.owner, h);
  }
  return [...holders.values()].sort((a, b) => a.workerId.localeCompare(b.workerId));
}

export async function releaseLeases(db: Db, workerId: string, now: Millis): Promise<number> {
  let released = 0;
  for (const table of ['articles', 'sources']) {
    released += await db.run(`UPDATE ${table} SET lease_owner = NULL, lease_until = NULL WHERE lease_until > ? AND lease_owner = ?`, [
      now,
      workerId,
    ]);
  }
  return released;
}

export async function dueBacklog(db: Db, now: Millis, dueBefore: Millis): Promise<{ due: number; leased: number }> {
  const row = await db.get<{ due: number; leased: number }>(
    `SELECT (SELECT COUNT(*) FROM articles a WHERE a.next_check_at <= ? AND a.status <> 'retired'
         AND NOT EXISTS (SELECT 1 FROM sources ps WHERE ps.id = a.source_id AND ps.paused_at IS NOT NULL)) AS due,
       (SELECT COUNT(*) FROM articles WHERE lease_until > ?) AS leased`,
    [dueBefore, now],
  );
  return { due: Number(row?.due ?? 0), leased: Number(row?.leased ?? 0) };
}
