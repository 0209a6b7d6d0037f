import type { WebSubState, WebSubSubscription } from '../../model/index.ts';
import type { Db, Row } from './db.ts';

const COLUMNS = 'source_id, hub_url, topic_url, secret, state, requested_at, lease_until, last_push_at, last_error';

const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toSubscription(r: Row): WebSubSubscription {
  return {
    sourceId: Number(r.source_id),
    hubUrl: String(r.hub_url),
    topicUrl: String(r.topic_url),
    secret: String(r.secret),
    state: String(r.state) as WebSubState,
    requestedAt: Number(r.requested_at),
    leaseUntil: numOrNull(r.lease_until),
    lastPushAt: numOrNull(r.last_push_at),
    lastError: r.last_error === null || r.last_error === undefined ? null : String(r.last_error),
  };
}

export async function getWebSub(db: Db, sourceId: number): Promise<WebSubSubscription | null> {
  const row = await db.get(`SELECT ${COLUMNS} FROM websub_subscriptions WHERE source_id = ?`, [sourceId]);
  return row ? toSubscription(row) : null;
}

export async function saveWebSub(db: Db, s: WebSubSubscription): Promise<void> {
  await db.run(
    `INSERT INTO websub_subscriptions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_id) DO UPDATE SET hub_url = excluded.hub_url, topic_url = excluded.topic_url, secret = excluded.secret,
       state = excluded.state, requested_at = excluded.requested_at, lease_until = excluded.lease_until,
       last_push_at = excluded.last_push_at, last_error = excluded.last_error`,
    [s.sourceId, s.hubUrl, s.topicUrl, s.secret, s.state, s.requestedAt, s.leaseUntil, s.lastPushAt, s.lastError],
  );
}
