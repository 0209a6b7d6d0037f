import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDITS } from '../../src/demo/index.ts';
import { subscriptionFrom } from '../../src/notify/index.ts';
import { startReceiver, type WebhookReceiver } from '../../src/notify/testdata/receiver.ts';
import { WEBHOOK_SECRET, followDemo, runDemoScript, webhookAccount, type DemoFollower } from './notify-helpers.ts';

/**
 * Issue 11, must show 6: a subscription to the word "Rwanda" with `--min substantive` gets the one
 * demo edit that adds a sentence with it, and nothing else, while a subscription to everything gets
 * every edit. And a "headline changes only" subscription (`--kind headline-changed`) gets exactly
 * the changes the diff engine labelled so when it stored them.
 */
let rwanda: WebhookReceiver;
let everything: WebhookReceiver;
let headlines: WebhookReceiver;
let f: DemoFollower;
const MIN_LEVEL = 'substantive';

beforeAll(async () => {
  rwanda = await startReceiver(WEBHOOK_SECRET);
  everything = await startReceiver(WEBHOOK_SECRET);
  headlines = await startReceiver(WEBHOOK_SECRET);
  f = await followDemo((c) => {
    c.notify.webhooks = {
      rwanda: webhookAccount(rwanda.url),
      all: webhookAccount(everything.url),
      headlines: webhookAccount(headlines.url),
    };
  });
  const { store, config } = f.t.deps;
  const requests = [
    { to: 'webhook:rwanda', query: 'Rwanda', min: MIN_LEVEL },
    { to: 'webhook:all' },
    { to: 'webhook:headlines', kinds: ['headline-changed'] },
  ];
  for (const req of requests) {
    await store.addSubscription(await subscriptionFrom(store, config, req, 'cli'), 'active', f.t.clock.now);
  }
  await runDemoScript(f);
});
afterAll(async () => {
  await f?.close();
  await rwanda?.close();
  await everything?.close();
  await headlines?.close();
});

/** "article/version" of each change a receiver got. */
const changesOf = (r: WebhookReceiver) => r.received.map((x) => `${x.body.article.id}/${x.body.change.to}`).sort();

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
    // The level it passed is the one the diff engine stored with the version, and the webhook says so.
    expect(got.body.change).toMatchObject({ level: 'substantive', labels: ['paragraphs-added'] });
    const stored = await f.t.deps.store.getVersion(got.body.article.id, got.body.change.to);
    expect(stored!.change).toMatchObject({ level: 'substantive', labels: ['paragraphs-added'] });
    // The same change reached the everything-subscription too, under its own key.
    const same = everything.received.filter((r) => r.body.article.id === got.body.article.id && r.body.change.to === got.body.change.to);
    expect(same).toHaveLength(1);
    expect(same[0].key).not.toBe(got.key);
  });
});

describe('a subscription to headline changes only', () => {
  it('gets exactly the changes labelled headline-changed, and the everything-subscription also the rest', async () => {
    // What the store holds: every change (version 2+) with the labels the diff engine gave it.
    const all: { id: string; labels: string[] }[] = [];
    for (const a of (await f.t.deps.store.listArticles({ limit: 100 })).items) {
      for (const v of await f.t.deps.store.listVersions(a.id))
        if (v.number >= 2) all.push({ id: `${a.id}/${v.number}`, labels: v.change!.labels });
    }
    const withHeadline = all
      .filter((c) => c.labels.includes('headline-changed'))
      .map((c) => c.id)
      .sort();
    // The demo changes headlines, and makes other edits too: the filter has something to leave out.
    expect(withHeadline.length).toBeGreaterThanOrEqual(2);
    expect(all.length - withHeadline.length).toBeGreaterThanOrEqual(5);
    expect(changesOf(everything)).toEqual(all.map((c) => c.id).sort());
    expect(changesOf(headlines)).toEqual(withHeadline);
    for (const r of headlines.received) {
      expect(r.signatureValid).toBe(true);
      expect(r.body.change.labels).toContain('headline-changed');
      expect(r.body.change.headline.old).not.toBe(r.body.change.headline.new);
    }
  });
});
