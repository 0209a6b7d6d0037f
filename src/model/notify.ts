import type { ChangeLabel, ChangeLevel, Millis } from './types.ts';

// Subscriptions and the delivery outbox (issue 11): who is told about which changes, and how each
// notification went. The store writes outbox rows in the same transaction as the version.

/**
 * The levels of the diff engine's ChangeLevel (diff/label-ids.ts lists the same), lowest first:
 * a subscription asks for at least one of them. Here because config/ validates them too.
 */
export const CHANGE_LEVELS: readonly ChangeLevel[] = ['minor', 'substantive', 'major'];

export type Channel = 'webhook' | 'email' | 'mastodon' | 'bluesky';
export const CHANNELS: readonly Channel[] = ['webhook', 'email', 'mastodon', 'bluesky'];

/** What a subscription watches: everything, one article, one source, or changed sentences matching a query. */
export type Watch = 'all' | 'article' | 'source' | 'query';

/** pending: an email address that has not confirmed yet (nothing is sent to it but the confirmation). */
export type SubscriptionStatus = 'pending' | 'active' | 'unsubscribed';
/** Email only: each change at once, or collected into one mail per hour or day. */
export const DIGESTS = ['none', 'hourly', 'daily'] as const;
export type Digest = (typeof DIGESTS)[number];
export type SubscriptionOrigin = 'cli' | 'api' | 'config' | 'form';

export interface SubscriptionInput {
  channel: Channel;
  /** An email address, or the name of a webhook / Mastodon / Bluesky account declared in the config. */
  address: string;
  watch: Watch;
  articleId: number | null;
  /** The watched source; for a query, an optional scope. */
  sourceId: number | null;
  /** Words and "quoted phrases" that must all occur in one added or removed sentence. */
  query: string | null;
  minLevel: ChangeLevel;
  /** Only changes carrying at least one of these change labels (diff/labels.ts); empty means any. */
  kinds: ChangeLabel[];
  /** Email only: collect changes into one mail per hour or day. */
  digest: Digest;
  origin: SubscriptionOrigin;
  /** Config-declared subscriptions are synced by this key; null otherwise. */
  configKey: string | null;
}

export interface Subscription extends SubscriptionInput {
  id: number;
  status: SubscriptionStatus;
  createdAt: Millis;
  confirmedAt: Millis | null;
}

export type DeliveryKind = 'change' | 'confirm';
/** pending: waiting for its (next) attempt; sent; failed: gave up after the retry window; cancelled: unsubscribed first. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

export interface Delivery {
  id: number;
  subscriptionId: number;
  kind: DeliveryKind;
  articleId: number | null;
  versionId: number | null;
  versionNumber: number | null;
  /** Idempotency key: the same for every attempt of this (subscription, version). */
  key: string;
  channel: Channel;
  address: string;
  status: DeliveryStatus;
  /** Attempts started so far (counted when claimed, so a crashed attempt counts too). */
  attempts: number;
  nextAttemptAt: Millis;
  createdAt: Millis;
  /** Retries stop once the retry window (a setting) has passed since this time (creation, or the last redelivery). */
  retryFrom: Millis;
  sentAt: Millis | null;
  lastError: string | null;
  /** An operator asked for this sent delivery to be sent again (same key). */
  redelivery: boolean;
  /** What the far end answered on success, e.g. a post URL. */
  response: string | null;
}

export interface DeliveryAttempt {
  id: number;
  deliveryId: number;
  attempt: number;
  at: Millis;
  ok: boolean;
  error: string | null;
  durationMs: number;
}

/** The last post of an article's thread on one social account, so the next one replies to it. */
export interface SocialThread {
  lane: string;
  articleId: number;
  rootId: string;
  rootCid: string | null;
  lastId: string;
  lastCid: string | null;
}
