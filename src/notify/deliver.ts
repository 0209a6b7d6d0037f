import type { Channel, Delivery, SocialThread } from '../model/index.ts';
import { laneOf } from '../store/index.ts';
import type { DeliveryBatch, DeliveryOutcome } from '../store/store.ts';
import { renderChangeCard } from './cards.ts';
import { loadChange, type ChangeContext } from './change.ts';
import type { ChannelSender, SendRequest, SendResult } from './channels/types.ts';
import type { NotifyDeps } from './deps.ts';
import { describeWatch } from './describe.ts';
import { DeliveryError, failureMessage } from './errors.ts';
import { nextRetryAt } from './retry.ts';

export type Senders = Partial<Record<Channel, ChannelSender>>;

const CARD_TIMEOUT_MS = 30_000;

/** A claimed batch with everything its attempt needs, or the failure met while gathering it. */
export type PreparedBatch =
  | { batch: DeliveryBatch; started: number; request: Omit<SendRequest, 'signal'>; sender: ChannelSender }
  | { batch: DeliveryBatch; started: number; error: unknown };

/**
 * Loads what an attempt needs: the changes, links, thread and, for social posts, the share card.
 * Drawing a card is CPU work that holds the event loop (about 0.1-2 s), so callers prepare their
 * batches one after another BEFORE any send starts: no attempt's timeout runs while a card is drawn.
 */
export async function prepareBatch(deps: NotifyDeps, senders: Senders, batch: DeliveryBatch): Promise<PreparedBatch> {
  const { subscription: sub, deliveries } = batch;
  const started = Date.now();
  const attempts = Math.max(...deliveries.map((d) => d.attempts));
  const attempt = { attempt: attempts, redelivery: attempts > 1 || deliveries.some((d) => d.redelivery) };
  try {
    const sender = senders[sub.channel];
    if (!sender) throw new DeliveryError(`no ${sub.channel} account is configured`);
    const changes: ChangeContext[] = [];
    for (const d of deliveries) if (d.kind === 'change') changes.push(await loadChange(deps, d));
    const token = (await deps.store.subscriptionToken(sub.id)) ?? '';
    const watch = await describeWatch(deps.store, sub);
    const thread = await threadOf(deps, batch);
    const card =
      laneOf(sub) && changes[0] ? await withTimeout(CARD_TIMEOUT_MS, () => (deps.renderCard ?? renderChangeCard)(changes[0])) : null;
    return { batch, started, sender, request: { batch, subscription: sub, changes, attempt, token, watch, card, thread } };
  } catch (error) {
    return { batch, started, error };
  }
}

/**
 * One attempt at a prepared batch: hand it to the channel (within the attempt timeout), then record
 * the outcome: sent, retried later with backoff, or failed for good. Only a store failure escapes.
 */
export async function sendBatch(deps: NotifyDeps, p: PreparedBatch): Promise<DeliveryOutcome> {
  const { batch, started } = p;
  let outcome: DeliveryOutcome;
  if ('error' in p) outcome = failed(deps, batch.deliveries, p.error, started);
  else {
    try {
      const result = await withTimeout(deps.config.notify.timeoutMs, (signal) => p.sender.send({ ...p.request, signal }));
      outcome = sent(deps, batch, result, started);
    } catch (err) {
      outcome = failed(deps, batch.deliveries, err, started);
    }
  }
  await deps.store.completeDeliveries(
    batch.deliveries.map((d) => d.id),
    outcome,
  );
  deps.metrics?.deliveryDone(batch.subscription.channel, outcome.ok ? 'ok' : 'error');
  log(deps, batch, outcome, Math.max(...batch.deliveries.map((d) => d.attempts)));
  return outcome;
}

/** prepareBatch then sendBatch, for a single batch. */
export async function deliverBatch(deps: NotifyDeps, senders: Senders, batch: DeliveryBatch): Promise<DeliveryOutcome> {
  return sendBatch(deps, await prepareBatch(deps, senders, batch));
}

function sent(deps: NotifyDeps, batch: DeliveryBatch, result: SendResult, started: number): DeliveryOutcome {
  const at = deps.now();
  const gapSec = postGapSec(deps, batch.subscription.channel, batch.subscription.address);
  return {
    ok: true,
    at,
    durationMs: Date.now() - started,
    response: result.response,
    thread: result.thread,
    laneNextAt: gapSec === null ? undefined : at + gapSec * 1000,
  };
}

function failed(deps: NotifyDeps, deliveries: Delivery[], err: unknown, started: number): DeliveryOutcome {
  const at = deps.now();
  const permanent = err instanceof DeliveryError && err.permanent;
  const retryAfter = err instanceof DeliveryError ? err.retryAfterMs : null;
  const attempts = Math.max(...deliveries.map((d) => d.attempts));
  const retryFrom = Math.min(...deliveries.map((d) => d.retryFrom));
  const retryAt = permanent ? null : nextRetryAt(deps.config.notify, attempts, retryFrom, at, retryAfter);
  return { ok: false, at, durationMs: Date.now() - started, error: failureMessage(err), retryAt };
}

async function threadOf(deps: NotifyDeps, batch: DeliveryBatch): Promise<SocialThread | null> {
  const lane = laneOf(batch.subscription);
  const articleId = batch.deliveries[0].articleId;
  return lane && articleId !== null ? deps.store.getSocialThread(lane, articleId) : null;
}

/** The per-account rate limit of a social channel (seconds between posts); null for others. */
function postGapSec(deps: NotifyDeps, channel: Channel, address: string): number | null {
  const n = deps.config.notify;
  if (channel === 'mastodon') return n.mastodon[address]?.postEverySec ?? n.postEverySec;
  if (channel === 'bluesky') return n.bluesky[address]?.postEverySec ?? n.postEverySec;
  return null;
}

/** Runs `fn` with a signal that aborts after `ms`, and stops waiting then even if `fn` ignores the signal. */
async function withTimeout<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeliveryError(`timed out after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([fn(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function log(deps: NotifyDeps, batch: DeliveryBatch, o: DeliveryOutcome, attempt: number): void {
  const fields = {
    subscription: batch.subscription.id,
    channel: batch.subscription.channel,
    deliveries: batch.deliveries.length,
    key: batch.deliveries[0].key,
    attempt,
    ms: o.durationMs,
  };
  if (o.ok) deps.log.info('delivery', { ...fields, status: 'sent' });
  else
    deps.log.warn('delivery', {
      ...fields,
      status: o.retryAt === null ? 'failed' : 'retry',
      error: o.error,
      next: o.retryAt === null ? undefined : new Date(o.retryAt).toISOString(),
    });
}
