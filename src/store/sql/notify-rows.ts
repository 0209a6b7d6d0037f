import type {
  Channel,
  ChangeLabel,
  ChangeLevel,
  Delivery,
  DeliveryAttempt,
  DeliveryKind,
  DeliveryStatus,
  Digest,
  SocialThread,
  Subscription,
  SubscriptionOrigin,
  SubscriptionStatus,
  Watch,
} from '../../model/index.ts';
import type { Row } from './db.ts';

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

// The token is deliberately not among these columns: it only leaves the store through subscriptionToken().
export const SUBSCRIPTION_COLUMNS = `b.id, b.channel, b.address, b.watch, b.article_id, b.source_id, b.query, b.min_level,
  b.kinds_json, b.digest, b.status, b.origin, b.config_key, b.created_at, b.confirmed_at`;

export function toSubscription(r: Row): Subscription {
  return {
    id: num(r.id),
    channel: String(r.channel) as Channel,
    address: String(r.address),
    watch: String(r.watch) as Watch,
    articleId: numOrNull(r.article_id),
    sourceId: numOrNull(r.source_id),
    query: strOrNull(r.query),
    minLevel: String(r.min_level) as ChangeLevel,
    kinds: JSON.parse(String(r.kinds_json)) as ChangeLabel[],
    digest: String(r.digest) as Digest,
    status: String(r.status) as SubscriptionStatus,
    origin: String(r.origin) as SubscriptionOrigin,
    configKey: strOrNull(r.config_key),
    createdAt: num(r.created_at),
    confirmedAt: numOrNull(r.confirmed_at),
  };
}

export const DELIVERY_COLUMNS = `o.id, o.subscription_id, o.kind, o.article_id, o.version_id, o.version_number, o.key, o.channel,
  o.address, o.status, o.attempts, o.next_attempt_at, o.created_at, o.retry_from, o.sent_at, o.last_error, o.redelivery, o.response`;

export function toDelivery(r: Row): Delivery {
  return {
    id: num(r.id),
    subscriptionId: num(r.subscription_id),
    kind: String(r.kind) as DeliveryKind,
    articleId: numOrNull(r.article_id),
    versionId: numOrNull(r.version_id),
    versionNumber: numOrNull(r.version_number),
    key: String(r.key),
    channel: String(r.channel) as Channel,
    address: String(r.address),
    status: String(r.status) as DeliveryStatus,
    attempts: num(r.attempts),
    nextAttemptAt: num(r.next_attempt_at),
    createdAt: num(r.created_at),
    retryFrom: num(r.retry_from),
    sentAt: numOrNull(r.sent_at),
    lastError: strOrNull(r.last_error),
    redelivery: num(r.redelivery) === 1,
    response: strOrNull(r.response),
  };
}

export const ATTEMPT_COLUMNS = `t.id, t.delivery_id, t.attempt, t.at, t.ok, t.error, t.duration_ms`;

export function toAttempt(r: Row): DeliveryAttempt {
  return {
    id: num(r.id),
    deliveryId: num(r.delivery_id),
    attempt: num(r.attempt),
    at: num(r.at),
    ok: num(r.ok) === 1,
    error: strOrNull(r.error),
    durationMs: num(r.duration_ms),
  };
}

export function toThread(r: Row): SocialThread {
  return {
    lane: String(r.lane),
    articleId: num(r.article_id),
    rootId: String(r.root_id),
    rootCid: strOrNull(r.root_cid),
    lastId: String(r.last_id),
    lastCid: strOrNull(r.last_cid),
  };
}
