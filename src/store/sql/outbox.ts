import type { Millis, Subscription, VersionChange } from '../../model/index.ts';
import { digestDueAt, matchingSubscriptions } from '../match.ts';
import type { Db } from './db.ts';
import { SUBSCRIPTION_COLUMNS, toSubscription } from './notify-rows.ts';
import { readVersion } from './paragraphs.ts';
import { VERSION_COLUMNS } from './rows.ts';

/** Idempotency keys: one per (subscription, version), the same on every attempt. */
export function changeKey(subscriptionId: number, versionId: number): string {
  return `s${subscriptionId}-v${versionId}`;
}

export function confirmationKey(subscriptionId: number): string {
  return `s${subscriptionId}-confirm`;
}

/** Social accounts post one at a time, in order per article, at a limited rate: their deliveries share a lane. */
export function laneOf(sub: Pick<Subscription, 'channel' | 'address'>): string | null {
  return sub.channel === 'mastodon' || sub.channel === 'bluesky' ? `${sub.channel}:${sub.address}` : null;
}

export interface StoredChange {
  articleId: number;
  versionId: number;
  number: number;
  capturedAt: Millis;
  /** The diff engine's labels and level, as stored with the version (null: stored without them). */
  change: VersionChange | null;
  title: string;
  paragraphs: string[];
}

const CANDIDATES_SQL = `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions b
  WHERE b.status = 'active' AND (b.watch = 'all' OR b.watch = 'query'
    OR (b.watch = 'article' AND b.article_id = ?)
    OR (b.watch = 'source' AND b.source_id = (SELECT a.source_id FROM articles a WHERE a.id = ?)))
  ORDER BY b.id`;

/**
 * Queues a delivery for every active subscription the change concerns, inside the transaction
 * that stores the version: a stored version always has its deliveries, and a rolled-back one none.
 * Returns how many were queued.
 */
export async function writeOutbox(tx: Db, change: StoredChange): Promise<number> {
  if (change.number < 2) return 0; // a first version is not a change
  const candidates = (await tx.all(CANDIDATES_SQL, [change.articleId, change.articleId])).map(toSubscription);
  if (candidates.length === 0) return 0;
  const article = await tx.get<{ source_id: number }>('SELECT source_id FROM articles WHERE id = ?', [change.articleId]);
  const sourceId = Number(article?.source_id);
  let before: string[] | null = null;
  const previous = candidates.some((s) => s.watch === 'query')
    ? await readVersion(
        tx,
        await tx.get(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE v.article_id = ? AND v.number = ?`, [
          change.articleId,
          change.number - 1,
        ]),
      )
    : null;
  const matched = matchingSubscriptions(candidates, {
    articleId: change.articleId,
    sourceId,
    change: change.change,
    before: () => (before ??= previous ? [previous.title, ...previous.paragraphs] : []),
    after: [change.title, ...change.paragraphs],
  });
  let queued = 0;
  for (const sub of matched) queued += await queueChange(tx, sub, change);
  return queued;
}

async function queueChange(tx: Db, sub: Subscription, change: StoredChange): Promise<number> {
  const lane = laneOf(sub);
  const digest = sub.channel === 'email' && sub.digest !== 'none';
  // ON CONFLICT: a second subscription of the same social account does not post the change twice.
  return tx.run(
    `INSERT INTO outbox (subscription_id, kind, article_id, version_id, version_number, key, channel, address, lane,
       ordered, batch, next_attempt_at, created_at, retry_from)
     VALUES (?, 'change', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [
      sub.id,
      change.articleId,
      change.versionId,
      change.number,
      changeKey(sub.id, change.versionId),
      sub.channel,
      sub.address,
      lane,
      lane ? 1 : 0,
      digest ? 1 : 0,
      digest ? digestDueAt(sub.digest, change.capturedAt) : change.capturedAt,
      change.capturedAt,
      change.capturedAt,
    ],
  );
}
