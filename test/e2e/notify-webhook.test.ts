import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_EDITS, STORIES } from '../../src/demo/index.ts';
import type { Subscription } from '../../src/model/index.ts';
import { deliverDue } from '../../src/notify/index.ts';
import { startReceiver, type WebhookReceiver } from '../../src/notify/testdata/receiver.ts';
import { WEBHOOK_SECRET, expectedKeys, followDemo, runDemoScript, webhookAccount, type DemoFollower } from './notify-helpers.ts';
import { subscriptionInput } from '../../src/store/testdata/subscription.ts';

/**
 * Issue 11, must show 1 and 2: the demo newsroom followed by a webhook subscription to everything.
 * Each test runs the whole edit script against a local receiver that checks every signature.
 */
let receiver: WebhookReceiver;
let f: DemoFollower;
afterEach(async () => {
  await f?.close();
  await receiver?.close();
});

async function setUp(): Promise<Subscription> {
  receiver = await startReceiver(WEBHOOK_SECRET);
  f = await followDemo((c) => {
    c.notify.webhooks = { hook: webhookAccount(receiver.url) };
  });
  return f.t.deps.store.addSubscription(subscriptionInput(), 'active', f.t.clock.now);
}

/** Every text a webhook body shows: the headline's old and new, each changed row's old and new. */
interface ChangeBody {
  headline: { old: string; new: string } | null;
  rows: { old?: string | string[]; new?: string | string[] }[];
}
function textsOf(body: Record<string, unknown>): string[] {
  const { headline: h, rows } = body.change as ChangeBody;
  return [...(h ? [h.old, h.new] : []), ...rows.flatMap((r) => [r.old ?? [], r.new ?? []].flat())];
}

describe('webhook subscription to everything, through the demo', () => {
  it('delivers every edit once, each key exactly once, every signature valid; a redelivery reuses its key', async () => {
    const sub = await setUp();
    await runDemoScript(f);
    const expected = await expectedKeys(f, sub.id);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(receiver.received.map((r) => r.key).sort()).toEqual(expected);
    expect([...receiver.counts().values()].every((n) => n === 1)).toBe(true);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    expect(receiver.received.every((r) => r.attempt === 1 && !r.redelivery)).toBe(true);
    // The body carries the change: key, labels, the changed rows and links.
    const headline = receiver.received.find((r) => r.body.change.headline !== null)!;
    expect(headline.body).toMatchObject({ type: 'change', idempotencyKey: headline.key, article: { source: { key: 'demo' } } });
    expect(headline.body.links.diff).toMatch(/\/articles\/\d+\/diff\/\d+\/\d+$/);
    expect(receiver.received.every((r) => r.body.change.rows.length > 0 || r.body.change.headline)).toBe(true);
    // Every scripted edit is in what the receiver got: its new (or, when removed, its old) text in a
    // change of its article. Flip-flops and takedowns are left to the demo's own tests.
    const scripted = DEMO_EDITS.filter((e) => !['flip', 'takedown', 'restore'].includes(e.kind));
    expect(scripted.length).toBeGreaterThanOrEqual(15);
    for (const e of scripted) {
      const path = STORIES.find((s) => s.id === e.articleId)!.path;
      const texts = receiver.received.filter((r) => r.body.article.url.endsWith(path)).flatMap((r) => textsOf(r.body));
      const wanted = e.after || e.before!;
      expect(
        texts.some((t) => t.includes(wanted)),
        `${e.step} ${e.articleId} ${e.kind}`,
      ).toBe(true);
    }

    const first = (await f.t.deps.store.listDeliveries({ limit: 100 })).items.at(-1)!;
    await f.t.deps.store.redeliver(first.id, f.t.clock.now);
    await deliverDue(f.notify, f.senders);
    const copies = receiver.received.filter((r) => r.key === first.key);
    expect(copies.map((c) => [c.attempt, c.redelivery, c.signatureValid])).toEqual([
      [1, false, true],
      [2, true, true],
    ]);
    expect(copies[1].body.idempotencyKey).toBe(first.key);
  });

  it('loses nothing while the receiver is down for the first half of the demo, and logs the retries', async () => {
    const sub = await setUp();
    const half = 4;
    await runDemoScript(f, (step) => {
      receiver.mode = step < half ? 'refuse' : 'up';
    });
    expect(receiver.refused).toBeGreaterThan(0);
    const expected = await expectedKeys(f, sub.id);
    expect(receiver.received.map((r) => r.key).sort()).toEqual(expected);
    expect([...receiver.counts().values()].every((n) => n === 1)).toBe(true);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    const deliveries = (await f.t.deps.store.listDeliveries({ limit: 100 })).items;
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
    const retried = deliveries.filter((d) => d.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    for (const d of retried) {
      const log = await f.t.deps.store.listDeliveryAttempts(d.id);
      expect(log.length).toBe(d.attempts);
      expect(log.slice(0, -1).every((a) => !a.ok && /network error|timed out/.test(a.error ?? ''))).toBe(true);
      expect(log.at(-1)).toMatchObject({ ok: true, error: null });
      // Backoff: the gaps between attempts never shrink.
      const gaps = log.slice(1).map((a, i) => a.at - log[i].at);
      expect(gaps.every((g, i) => i === 0 || g >= gaps[i - 1])).toBe(true);
    }
    // What reached the receiver late says so.
    const late = receiver.received.filter((r) => retried.some((d) => d.key === r.key));
    expect(late.every((r) => r.redelivery && r.attempt > 1)).toBe(true);
  });
});
