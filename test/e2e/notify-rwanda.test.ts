import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDITS } from '../../src/demo/index.ts';
import { subscriptionFrom } from '../../src/notify/index.ts';
import { startReceiver, type WebhookReceiver } from '../../src/notify/testdata/receiver.ts';
import { WEBHOOK_SECRET, followDemo, runDemoScript, webhookAccount, type DemoFollower } from './notify-helpers.ts';

/**
 * Issue 11, must show 6: a subscription to the word "Rwanda" gets the one demo edit that adds a
 * sentence with it, and nothing else, while a subscription to everything gets every edit.
 */
let rwanda: WebhookReceiver;
let everything: WebhookReceiver;
let f: DemoFollower;
const MIN_LEVEL = 'minor';

beforeAll(async () => {
  rwanda = await startReceiver(WEBHOOK_SECRET);
  everything = await startReceiver(WEBHOOK_SECRET);
  f = await followDemo((c) => {
    c.notify.webhooks = { rwanda: webhookAccount(rwanda.url), all: webhookAccount(everything.url) };
  });
  const { store, config } = f.t.deps;
  for (const req of [{ to: 'webhook:rwanda', query: 'Rwanda', min: MIN_LEVEL }, { to: 'webhook:all' }]) {
    await store.addSubscription(await subscriptionFrom(store, config, req, 'cli'), 'active', f.t.clock.now);
  }
  await runDemoScript(f);
});
afterAll(async () => {
  await f?.close();
  await rwanda?.close();
  await everything?.close();
});

describe('a subscription to a word', () => {
  it('gets the demo edit that mentions Rwanda and nothing else', async () => {
    const edit = DEMO_EDITS.find((e) => e.after?.includes('Rwanda'))!;
    expect(DEMO_EDITS.filter((e) => `${e.before} ${e.after}`.includes('Rwanda'))).toEqual([edit]);
    expect(everything.received.length).toBeGreaterThanOrEqual(10);
    expect(rwanda.received).toHaveLength(1);
    const [got] = rwanda.received;
    expect(got.signatureValid).toBe(true);
    expect(got.body.change.rows).toEqual([expect.objectContaining({ kind: 'added', new: edit.after })]);
    expect(got.body.subscription).toMatchObject({ watch: 'query', query: 'Rwanda', minLevel: MIN_LEVEL });
    // The same change reached the everything-subscription too, under its own key.
    const same = everything.received.filter((r) => r.body.article.id === got.body.article.id && r.body.change.to === got.body.change.to);
    expect(same).toHaveLength(1);
    expect(same[0].key).not.toBe(got.key);
  });
});
