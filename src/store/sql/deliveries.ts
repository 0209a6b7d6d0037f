import type { Delivery, DeliveryAttempt, Millis, SocialThread } from '../../model/index.ts';
import type { DeliveryBatch, DeliveryOutcome, DeliveryQuery, Lease } from '../store.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { placeholders, type Db, type Param } from './db.ts';
import { ATTEMPT_COLUMNS, DELIVERY_COLUMNS, SUBSCRIPTION_COLUMNS, toAttempt, toDelivery, toSubscription, toThread } from './notify-rows.ts';
import { bare } from './rows.ts';

// Delivery claims work like article claims: pick due rows without a live lease and lease them, in
// one transaction. On PostgreSQL the picks lock their rows (SKIP LOCKED), so concurrent workers
// take disjoint rows without a global lock; SQLite has one writer at a time anyway.

/** Params: now, now, now, limit. */
const PICK_SQL = `SELECT o.id, o.lane, o.batch, o.subscription_id FROM outbox o
  WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)
    AND (o.lane IS NULL OR NOT EXISTS (SELECT 1 FROM delivery_lanes l WHERE l.lane = o.lane AND l.next_at > ?))
    AND (o.ordered = 0 OR NOT EXISTS (
      SELECT 1 FROM outbox p WHERE p.lane = o.lane AND p.article_id = o.article_id AND p.id < o.id AND p.status = 'pending'))
  ORDER BY o.next_attempt_at, o.id LIMIT ?`;

/** Takes a lane until `until` unless it is busy. Params: lane, until, now. */
const RESERVE_LANE_SQL = `INSERT INTO delivery_lanes (lane, next_at) VALUES (?, ?)
  ON CONFLICT (lane) DO UPDATE SET next_at = excluded.next_at WHERE delivery_lanes.next_at <= ?`;

interface Pick {
  id: number;
  lane: string | null;
  batch: number;
  subscription_id: number;
}

export async function claimDueDeliveries(db: Db, now: Millis, limit: number, lease: Lease): Promise<DeliveryBatch[]> {
  if (limit <= 0) return [];
  const lock = db.dialect === 'postgres' ? ' FOR UPDATE OF o SKIP LOCKED' : '';
  return db.tx(async (tx) => {
    const picks = await tx.all<Pick>(PICK_SQL + lock, [now, now, now, limit]);
    const ids: number[] = [];
    const lanes = new Set<string>();
    for (const p of picks) {
      if (p.lane !== null) {
        // One post at a time per account: the lane is held for the lease, then released with the outcome.
        if (lanes.has(p.lane) || (await tx.run(RESERVE_LANE_SQL, [p.lane, lease.until, now])) === 0) continue;
        lanes.add(p.lane);
      }
      ids.push(Number(p.id));
    }
    const digestSubs = [...new Set(picks.filter((p) => Number(p.batch) === 1).map((p) => Number(p.subscription_id)))];
    if (digestSubs.length > 0) {
      const more = await tx.all<{ id: number }>(
        `SELECT o.id FROM outbox o WHERE o.subscription_id IN (${placeholders(digestSubs.length)}) AND o.batch = 1
           AND o.status = 'pending' AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)${lock}`,
        [...digestSubs, now, now],
      );
      for (const m of more) if (!ids.includes(Number(m.id))) ids.push(Number(m.id));
    }
    if (ids.length === 0) return [];
    const rows = await tx.all(
      `UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id IN (${placeholders(ids.length)})
       RETURNING ${bare(DELIVERY_COLUMNS)}, batch`,
      [lease.workerId, lease.until, ...ids],
    );
    return groupBatches(tx, rows);
  });
}

async function groupBatches(tx: Db, rows: Record<string, unknown>[]): Promise<DeliveryBatch[]> {
  const subIds = [...new Set(rows.map((r) => Number(r.subscription_id)))];
  const subs = (
    await tx.all(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions b WHERE b.id IN (${placeholders(subIds.length)})`, subIds)
  ).map(toSubscription);
  const byId = new Map(subs.map((s) => [s.id, s]));
  const batches = new Map<string, DeliveryBatch>();
  const sorted = rows.map((r) => ({ d: toDelivery(r), batch: Number(r.batch) === 1 })).sort((a, b) => a.d.id - b.d.id);
  for (const { d, batch } of sorted) {
    const group = batch ? `s${d.subscriptionId}` : `d${d.id}`;
    const existing = batches.get(group);
    if (existing) existing.deliveries.push(d);
    else batches.set(group, { subscription: byId.get(d.subscriptionId)!, deliveries: [d] });
  }
  return [...batches.values()];
}

export async function completeDeliveries(db: Db, ids: number[], outcome: DeliveryOutcome): Promise<void> {
  if (ids.length === 0) return;
  const list = placeholders(ids.length);
  await db.tx(async (tx) => {
    for (const id of ids) {
      await tx.run(
        `INSERT INTO delivery_attempts (delivery_id, attempt, at, ok, error, duration_ms)
         SELECT id, attempts, ?, ?, ?, ? FROM outbox WHERE id = ?`,
        [outcome.at, outcome.ok ? 1 : 0, outcome.ok ? null : outcome.error, Math.round(outcome.durationMs), id],
      );
    }
    // Only a pending delivery changes state: one cancelled meanwhile (unsubscribed) stays cancelled.
    const release = 'lease_owner = NULL, lease_until = NULL';
    if (outcome.ok) {
      await tx.run(
        `UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL, response = ?, ${release}
        WHERE id IN (${list}) AND status = 'pending'`,
        [outcome.at, outcome.response ?? null, ...ids],
      );
    } else if (outcome.retryAt !== null) {
      await tx.run(`UPDATE outbox SET next_attempt_at = ?, last_error = ?, ${release} WHERE id IN (${list}) AND status = 'pending'`, [
        outcome.retryAt,
        outcome.error,
        ...ids,
      ]);
    } else {
      await tx.run(`UPDATE outbox SET status = 'failed', last_error = ?, ${release} WHERE id IN (${list}) AND status = 'pending'`, [
        outcome.error,
        ...ids,
      ]);
    }
    const lanes = await tx.all<{ lane: string }>(`SELECT DISTINCT lane FROM outbox WHERE id IN (${list}) AND lane IS NOT NULL`, ids);
    const laneNextAt = outcome.ok ? (outcome.laneNextAt ?? outcome.at) : outcome.at;
    for (const { lane } of lanes) await tx.run('UPDATE delivery_lanes SET next_at = ? WHERE lane = ?', [laneNextAt, lane]);
    if (outcome.ok && outcome.thread) await saveThread(tx, outcome.thread);
  });
}

async function saveThread(tx: Db, t: SocialThread): Promise<void> {
  await tx.run(
    `INSERT INTO social_threads (lane, article_id, root_id, root_cid, last_id, last_cid) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (lane, article_id) DO UPDATE SET last_id = excluded.last_id, last_cid = excluded.last_cid`,
    [t.lane, t.articleId, t.rootId, t.rootCid, t.lastId, t.lastCid],
  );
}

export async function getDelivery(db: Db, id: number): Promise<Delivery | null> {
  const row = await db.get(`SELECT ${DELIVERY_COLUMNS} FROM outbox o WHERE o.id = ?`, [id]);
  return row ? toDelivery(row) : null;
}

export async function listDeliveries(db: Db, query: DeliveryQuery) {
  const where: string[] = [];
  const params: Param[] = [];
  if (query.subscriptionId !== undefined) {
    where.push('o.subscription_id = ?');
    params.push(query.subscriptionId);
  }
  if (query.status !== undefined) {
    where.push('o.status = ?');
    params.push(query.status);
  }
  if (query.cursor) {
    where.push('o.id < ?');
    params.push(decodeCursor(query.cursor, 1)[0]);
  }
  const rows = await db.all(
    `SELECT ${DELIVERY_COLUMNS} FROM outbox o ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.id DESC LIMIT ?`,
    [...params, query.limit + 1],
  );
  return pageOf(rows.map(toDelivery), query.limit, (d) => [d.id]);
}

export async function listDeliveryAttempts(db: Db, deliveryId: number): Promise<DeliveryAttempt[]> {
  const rows = await db.all(`SELECT ${ATTEMPT_COLUMNS} FROM delivery_attempts t WHERE t.delivery_id = ? ORDER BY t.id`, [deliveryId]);
  return rows.map(toAttempt);
}

export async function redeliver(db: Db, id: number, now: Millis): Promise<Delivery | null> {
  await db.run(
    `UPDATE outbox SET status = 'pending', next_attempt_at = ?, retry_from = ?, redelivery = 1, lease_owner = NULL, lease_until = NULL
     WHERE id = ? AND status IN ('sent', 'failed')`,
    [now, now, id],
  );
  return getDelivery(db, id);
}

export async function getSocialThread(db: Db, lane: string, articleId: number): Promise<SocialThread | null> {
  const row = await db.get(
    'SELECT lane, article_id, root_id, root_cid, last_id, last_cid FROM social_threads WHERE lane = ? AND article_id = ?',
    [lane, articleId],
  );
  return row ? toThread(row) : null;
}
