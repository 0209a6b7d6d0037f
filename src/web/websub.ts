import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { WebSubSubscription } from '../model/index.ts';
import type { WebContext } from './context.ts';

/**
 * A verification is accepted only this soon after we asked the hub: otherwise anyone who knows the
 * topic could "verify" a lease, and a source that believes it is pushed is polled only hourly.
 */
const VERIFY_WINDOW_MS = 24 * 3600_000;
/** Hubs send short random challenges; anything longer is not one. */
const MAX_CHALLENGE = 256;
/** A push carries at most a feed; more is refused without reading it. */
const MAX_PUSH_BYTES = 5 * 1024 * 1024;
const ALGORITHMS: Record<string, string> = { sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };

/** `X-Hub-Signature: sha256=<hex>` over the raw body with the subscription's secret (WebSub 8). */
export function validSignature(secret: string, body: Uint8Array, header: string | undefined): boolean {
  const m = /^\s*(sha1|sha256|sha384|sha512)=([0-9a-f]+)\s*$/i.exec(header ?? '');
  if (!m) return false;
  const expected = createHmac(ALGORITHMS[m[1].toLowerCase()], secret).update(body).digest();
  const given = Buffer.from(m[2], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readLimited(req: Request, limit: number): Promise<Uint8Array | null> {
  if (Number(req.headers.get('content-length') ?? 0) > limit) return null;
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The WebSub callback, /websub/:sourceId. GET: the hub verifies our intent to subscribe (we echo
 * its challenge only for the topic we asked for) or tells us it denied the subscription. POST: a
 * push. Only a push signed with the subscription's secret counts: it makes the source due now, so
 * the worker polls the feed at once. A bad signature is acknowledged and ignored, as the spec asks.
 */
export function websubRoutes(ctx: WebContext): Hono {
  const app = new Hono();
  const subscription = async (param: string): Promise<WebSubSubscription | null> =>
    /^\d{1,15}$/.test(param) ? ctx.store.getWebSub(Number(param)) : null;

  app.get('/websub/:sourceId', async (c) => {
    const sub = await subscription(c.req.param('sourceId'));
    const mode = c.req.query('hub.mode');
    const topic = c.req.query('hub.topic');
    const challenge = c.req.query('hub.challenge') ?? '';
    const ours = sub !== null && topic === sub.topicUrl;
    c.header('Cache-Control', 'no-store');
    if (mode === 'denied' && ours) {
      await ctx.store.saveWebSub({ ...sub, state: 'denied', lastError: `hub denied: ${(c.req.query('hub.reason') ?? '').slice(0, 200)}` });
      ctx.log.warn('websub_denied', { source: sub.sourceId });
      return c.text('ok');
    }
    if (!challenge || challenge.length > MAX_CHALLENGE) return c.text('not found', 404);
    if (mode === 'subscribe' && ours && ctx.now() - sub.requestedAt < VERIFY_WINDOW_MS) {
      const leaseSec = Number(c.req.query('hub.lease_seconds'));
      const lease = Number.isFinite(leaseSec) && leaseSec > 0 ? leaseSec : ctx.config.websub.leaseSec;
      await ctx.store.saveWebSub({ ...sub, state: 'active', leaseUntil: ctx.now() + lease * 1000, lastError: null });
      ctx.log.info('websub_verified', { source: sub.sourceId, lease_sec: lease });
      return c.text(challenge);
    }
    // An unsubscription we did not ask to keep: agree (the source is gone, or moved to another hub).
    if (mode === 'unsubscribe' && !ours) return c.text(challenge);
    return c.text('not found', 404);
  });

  app.post('/websub/:sourceId', async (c) => {
    const sub = await subscription(c.req.param('sourceId'));
    // 410 tells the hub to stop pushing to a callback nobody subscribed.
    if (!sub || sub.state === 'denied') return c.text('gone', 410);
    const body = await readLimited(c.req.raw, MAX_PUSH_BYTES);
    if (!body) return c.text('too large', 413);
    if (!validSignature(sub.secret, body, c.req.header('x-hub-signature'))) {
      ctx.log.warn('websub_bad_signature', { source: sub.sourceId, bytes: body.byteLength });
      return c.text('accepted', 202);
    }
    const now = ctx.now();
    await ctx.store.markSourceDue(sub.sourceId, now);
    await ctx.store.saveWebSub({ ...sub, lastPushAt: now });
    ctx.log.info('websub_push', { source: sub.sourceId, bytes: body.byteLength });
    return c.text('accepted', 202);
  });
  return app;
}
