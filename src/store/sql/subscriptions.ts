import { randomBytes } from 'node:crypto';
import type { Millis, Subscription, SubscriptionInput } from '../../model/index.ts';
import type { SubscriptionQuery } from '../store.ts';
import type { Db, Param } from './db.ts';
import { SUBSCRIPTION_COLUMNS, toSubscription } from './notify-rows.ts';
import { bare } from './rows.ts';
import { confirmationKey } from './outbox.ts';

/** 32 random bytes: the capability in confirmation and unsubscribe links. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function addSubscription(db: Db, input: SubscriptionInput, status: 'pending' | 'active', now: Millis): Promise<Subscription> {
  return db.tx(async (tx) => {
    const confirmedAt = status === 'active' ? now : null;
    const values: Param[] = [
      input.channel,
      input.address,
      input.watch,
      input.articleId,
      input.sourceId,
      input.query,
      input.minLevel,
      JSON.stringify(input.kinds),
      input.digest,
      status,
      newToken(),
      input.origin,
      input.configKey,
      now,
      confirmedAt,
    ];
    // A config-declared subscription keeps its id (and its delivery log) across restarts.
    const upsert =
      input.configKey === null
        ? ''
        : `ON CONFLICT (config_key) DO UPDATE SET channel = excluded.channel,
       address = excluded.address, watch = excluded.watch, article_id = excluded.article_id, source_id = excluded.source_id,
       query = excluded.query, min_level = excluded.min_level, kinds_json = excluded.kinds_json, digest = excluded.digest,
       status = excluded.status, confirmed_at = COALESCE(subscriptions.confirmed_at, excluded.confirmed_at)`;
    const row = await tx.get(
      `INSERT INTO subscriptions (channel, address, watch, article_id, source_id, query, min_level, kinds_json, digest,
         status, token, origin, config_key, created_at, confirmed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ${upsert}
       RETURNING ${bare(SUBSCRIPTION_COLUMNS)}`,
      values,
    );
    const sub = toSubscription(row!);
    if (status === 'pending') {
      await tx.run(
        `INSERT INTO outbox (subscription_id, kind, key, channel, address, next_attempt_at, created_at, retry_from)
         VALUES (?, 'confirm', ?, ?, ?, ?, ?, ?)`,
        [sub.id, confirmationKey(sub.id), sub.channel, sub.address, now, now, now],
      );
    }
    return sub;
  });
}

export async function getSubscription(db: Db, id: number): Promise<Subscription | null> {
  const row = await db.get(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions b WHERE b.id = ?`, [id]);
  return row ? toSubscription(row) : null;
}

export async function listSubscriptions(db: Db, query: SubscriptionQuery = {}): Promise<Subscription[]> {
  const filters: [string, string | undefined][] = [
    ['b.status = ?', query.status],
    ['b.address = ?', query.address],
    ['b.origin = ?', query.origin],
  ];
  const used = filters.filter(([, v]) => v !== undefined);
  const where = used.map(([sql]) => sql);
  const params: Param[] = used.map(([, v]) => v!);
  const rows = await db.all(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions b ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY b.id`,
    params,
  );
  return rows.map(toSubscription);
}

export async function subscriptionToken(db: Db, id: number): Promise<string | null> {
  const row = await db.get<{ token: string }>('SELECT token FROM subscriptions WHERE id = ?', [id]);
  return row ? String(row.token) : null;
}

export async function confirmSubscription(db: Db, token: string, now: Millis): Promise<Subscription | null> {
  // Confirming twice is harmless; an unsubscribed address must sign up again.
  await db.run(`UPDATE subscriptions SET status = 'active', confirmed_at = ? WHERE token = ? AND status = 'pending'`, [now, token]);
  const row = await db.get(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions b WHERE b.token = ?`, [token]);
  return row ? toSubscription(row) : null;
}

export async function unsubscribe(db: Db, idOrToken: number | string, _now: Millis): Promise<Subscription | null> {
  const column = typeof idOrToken === 'number' ? 'id' : 'token';
  return db.tx(async (tx) => {
    const row = await tx.get(
      `UPDATE subscriptions SET status = 'unsubscribed' WHERE ${column} = ? RETURNING ${bare(SUBSCRIPTION_COLUMNS)}`,
      [idOrToken],
    );
    if (!row) return null;
    const sub = toSubscription(row);
    await tx.run(
      `UPDATE outbox SET status = 'cancelled', lease_owner = NULL, lease_until = NULL
      WHERE subscription_id = ? AND status = 'pending'`,
      [sub.id],
    );
    return sub;
  });
}

export async function countConfirmations(db: Db, address: string, since: Millis): Promise<number> {
  const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE address = ? AND kind = 'confirm' AND created_at >= ?`, [
    address,
    since,
  ]);
  return Number(row?.n ?? 0);
}
