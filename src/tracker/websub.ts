import { randomBytes } from 'node:crypto';
import { publicBaseUrl, type Config } from '../config/index.ts';
import type { FeedDocument } from '../feeds/index.ts';
import type { Millis, Source, WebSubSubscription } from '../model/index.ts';
import type { TrackerDeps } from './deps.ts';
import { describeFailure, failureText } from './failure.ts';

/** A subscription request the hub never verified is asked again after this long; a denied one after a day. */
const RETRY_REQUESTED_MS = 3600_000;
const RETRY_DENIED_MS = 86_400_000;

/** A hub cannot call back a loopback, private or link-local address, nor a name without a dot. */
export function isPublicBaseUrl(baseUrl: string): boolean {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return false;
  if (/^(127\.|10\.|192\.168\.|169\.254\.|0\.)/.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host)) return false;
  if (host.includes(':')) return !/^(::1?|fe80:|fc|fd)/.test(host);
  return host.includes('.');
}

export function websubEnabled(config: Config): boolean {
  if (config.websub.subscribe === 'never') return false;
  return config.websub.subscribe === 'always' || isPublicBaseUrl(publicBaseUrl(config.web));
}

export function callbackUrl(config: Config, sourceId: number): string {
  // web.baseUrl may be empty (links then use the listening address): fall back to host and port as configured.
  return `${publicBaseUrl(config.web)}/websub/${sourceId}`;
}

/** A hub is pushing this source's updates: polls can fall back to the longer period. */
export function isPushed(sub: WebSubSubscription | null, now: Millis): boolean {
  return sub !== null && sub.state === 'active' && sub.leaseUntil !== null && sub.leaseUntil > now;
}

function renewMarginMs(config: Config): number {
  // Polls come at least every fallbackPollSec, so renewing this early never lets the lease lapse.
  return Math.max(86_400_000, config.websub.leaseSec * 100, 2 * config.websub.fallbackPollSec * 1000);
}

function wantsRequest(config: Config, sub: WebSubSubscription | null, hub: string, topic: string, now: Millis): boolean {
  if (!sub || sub.hubUrl !== hub || sub.topicUrl !== topic) return true;
  if (sub.state === 'denied') return now - sub.requestedAt > RETRY_DENIED_MS;
  // A renewal was asked for recently: wait for the hub's verification.
  if (now - sub.requestedAt < RETRY_REQUESTED_MS) return false;
  if (sub.state === 'requested') return true;
  return sub.leaseUntil === null || sub.leaseUntil - now < renewMarginMs(config);
}

/**
 * WebSub subscriber side, run after each successful poll of a feed that advertises a hub: asks the
 * hub for a subscription (with a secret, so pushes can be verified) and renews it before the lease
 * ends. The hub then verifies our intent by calling back (web/websub.ts). Failures are recorded on
 * the subscription and retried later; they never fail the poll.
 */
export async function maintainWebSub(
  deps: TrackerDeps,
  source: Source,
  doc: FeedDocument | null,
  now: Millis,
): Promise<WebSubSubscription | null> {
  const sub = await deps.store.getWebSub(source.id);
  if (!doc?.hub || !websubEnabled(deps.config) || !deps.fetcher.postForm) return sub;
  const topic = doc.self ?? source.feedUrl;
  if (!wantsRequest(deps.config, sub, doc.hub, topic, now)) return sub;
  const same = sub !== null && sub.hubUrl === doc.hub && sub.topicUrl === topic;
  const next: WebSubSubscription = {
    sourceId: source.id,
    hubUrl: doc.hub,
    topicUrl: topic,
    // A renewal keeps its secret, so pushes signed before the hub switches still verify.
    secret: same ? sub.secret : randomBytes(24).toString('hex'),
    state: same && sub.state === 'active' ? 'active' : 'requested',
    requestedAt: now,
    leaseUntil: same ? sub.leaseUntil : null,
    lastPushAt: same ? sub.lastPushAt : null,
    lastError: null,
  };
  // Saved before asking: a hub may call back to verify before it answers our request.
  await deps.store.saveWebSub(next);
  try {
    const res = await deps.fetcher.postForm(doc.hub, {
      'hub.callback': callbackUrl(deps.config, source.id),
      'hub.mode': 'subscribe',
      'hub.topic': topic,
      'hub.lease_seconds': String(deps.config.websub.leaseSec),
      'hub.secret': next.secret,
    });
    if (res.status !== 202 && res.status !== 204) next.lastError = `hub answered HTTP ${res.status}: ${res.text.slice(0, 200)}`;
  } catch (err) {
    next.lastError = failureText(describeFailure(err));
  }
  if (next.lastError) {
    // Only the error is ours to record: the verification may have updated the row meanwhile.
    const current = (await deps.store.getWebSub(source.id)) ?? next;
    await deps.store.saveWebSub({ ...current, lastError: next.lastError });
    deps.log.warn('websub_subscribe', { source: source.key, hub: doc.hub, error: next.lastError });
    return { ...current, lastError: next.lastError };
  }
  deps.log.info('websub_subscribe', { source: source.key, hub: doc.hub, topic });
  return (await deps.store.getWebSub(source.id)) ?? next;
}
