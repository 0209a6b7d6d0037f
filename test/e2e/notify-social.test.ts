import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../src/config/index.ts';
import { diffVersions, versionChange } from '../../src/diff/index.ts';
import type { Article, Subscription } from '../../src/model/index.ts';
import { createSenders, deliverDue, type NotifyDeps, type Senders } from '../../src/notify/index.ts';
import { graphemes } from '../../src/notify/post-text.ts';
import { startFakeMastodon, type FakeMastodon } from '../../src/notify/testdata/mastodon.ts';
import { startFakePds, type FakePds } from '../../src/notify/testdata/pds.ts';
import { testTracker, type TestTracker } from './helpers.ts';
import { subscriptionInput } from '../../src/store/testdata/subscription.ts';

/** Issue 11, must show 5: posts to local fakes of a Mastodon instance and a Bluesky PDS. */
const MASTODON_TOKEN = 'mastodon-token-31f9-never-shown';
const BSKY_PASSWORD = 'bsky-app-pass-aa17-never-shown';
const LONG = 'after a night of talks that ran into the early hours of the morning and left delegates exhausted';
let mastodon: FakeMastodon;
let pds: FakePds;
let t: TestTracker;
let notify: NotifyDeps;
let senders: Senders;
let a: Article;
let b: Article;
const subs: Subscription[] = [];

beforeAll(async () => {
  mastodon = await startFakeMastodon(MASTODON_TOKEN);
  pds = await startFakePds('redline.test', BSKY_PASSWORD);
  t = await testTracker((c) => {
    c.web.baseUrl = 'https://redline.example';
    c.notify.mastodon = { main: { instance: mastodon.url, token: new Secret(MASTODON_TOKEN), visibility: 'public', postEverySec: null } };
    c.notify.bluesky = {
      main: { service: pds.url, identifier: 'redline.test', appPassword: new Secret(BSKY_PASSWORD), postEverySec: null },
    };
  });
  // The real share card (cards/): a 1200x630 PNG and its "Before: … After: …" alt text.
  notify = { config: t.deps.config, store: t.deps.store, log: t.deps.log, now: t.deps.now };
  senders = createSenders(notify);
  const { store } = t.deps;
  const source = await store.upsertSource(
    { key: 'wire', name: 'The Wire', feedUrl: 'http://127.0.0.1:9/f', pollPeriodSec: 300, include: [], exclude: [] },
    t.clock.now,
  );
  const article = async (path: string) =>
    (
      await store.upsertArticle({
        sourceId: source.id,
        url: `http://127.0.0.1:9/${path}`,
        host: '127.0.0.1',
        feedTitle: null,
        feedPublishedAt: null,
        now: t.clock.now,
        checkPeriodSec: 1800,
      })
    ).article;
  a = await article('a');
  b = await article('b');
  for (const channel of ['mastodon', 'bluesky'] as const) {
    subs.push(await store.addSubscription(subscriptionInput({ channel, address: 'main' }), 'active', t.clock.now));
  }
  // A long headline, so the post has to be cut to fit; emoji count as one grapheme each.
  await edit(a, `Ceasefire talks collapse 🕊️ ${LONG} ${LONG} ${LONG}`, ['Talks were held in Geneva.']);
  await edit(b, 'Harbour reopens', ['The harbour reopened on Friday.']);
});
afterAll(async () => {
  for (const s of Object.values(senders)) await s?.close?.();
  await mastodon?.close();
  await pds?.close();
  await t?.close();
});

/** Stores a new version as the tracker does: with the diff engine's labels against the latest one. */
async function edit(article: Article, title: string, paragraphs: string[]) {
  const latest = await t.deps.store.getLatestVersion(article.id);
  const next = { title, byline: null, published: null, paragraphs };
  t.clock.advance(1);
  return t.deps.store.addVersion(article.id, (latest?.number ?? 0) + 1, {
    ...next,
    fingerprint: `${title}|${paragraphs.join('|')}`,
    extractorVersion: 'x',
    capturedAt: t.clock.now,
    rawHtml: null,
    wordsAdded: 0,
    wordsRemoved: 0,
    change: latest ? versionChange(diffVersions(latest, next)) : null,
  });
}

describe('Mastodon and Bluesky', () => {
  it('posts a headline change with the card image and its alt text, within each length limit', async () => {
    const v2 = await edit(a, `Ceasefire agreed 🕊️ ${LONG} ${LONG} ${LONG}`, ['Talks were held in Geneva.']);
    expect(v2.change).toMatchObject({ labels: ['headline-changed'], level: 'major' });
    await deliverDue(notify, senders);
    expect(mastodon.problems).toEqual([]);
    expect(pds.problems).toEqual([]);
    expect(mastodon.statuses).toHaveLength(1);
    const [status] = mastodon.statuses;
    expect(status.status).toMatch(/^Headline changed \(The Wire\):\n“Ceasefire talks collapse 🕊️ after a night/);
    expect(status.status).toMatch(/…”\n→ “Ceasefire agreed 🕊️ after/);
    expect(status.status.endsWith(`https://redline.example/articles/${a.id}/diff/1/2`)).toBe(true);
    expect([...status.status.replace(/https:\S+/, 'x'.repeat(23))].length).toBeLessThanOrEqual(500);
    expect([...status.status].length).toBeGreaterThan(400); // cut to the limit, not far below it
    expect(status.mediaIds).toHaveLength(1);
    expect(mastodon.media.get(status.mediaIds[0])!.description).toMatch(/^Before: “Ceasefire talks collapse .* After: “Ceasefire agreed /);
    expect(status.inReplyToId).toBeNull();

    expect(pds.records).toHaveLength(1);
    const post = pds.records[0].value;
    expect(graphemes(post.text).length).toBeLessThanOrEqual(300);
    expect(graphemes(post.text).length).toBeGreaterThan(250);
    expect(post.embed.images[0].alt).toMatch(/^Before: “Ceasefire talks collapse .* After: “Ceasefire agreed /);
    expect(post.embed.images[0].aspectRatio).toEqual({ width: 1200, height: 630 });
    expect([...pds.blobs.values()][0].size).toBeGreaterThan(5_000); // the drawn card, not a placeholder
    expect(post.facets[0].features[0].uri).toBe(`https://redline.example/articles/${a.id}/diff/1/2`);
    expect(post.reply).toBeUndefined();
  });

  it('threads a second change of the same article and keeps to one post per 5 minutes per account', async () => {
    const [firstSent] = (await t.deps.store.listDeliveries({ subscriptionId: subs[0].id, limit: 1 })).items;
    const start = firstSent.sentAt!;
    await edit(a, `Ceasefire agreed 🕊️ ${LONG} ${LONG} ${LONG}`, ['Talks were held in Geneva and Doha.']);
    await edit(b, 'Harbour reopens after repairs', ['The harbour reopened on Friday.']);
    await deliverDue(notify, senders);
    t.clock.now = start + 299_000;
    await deliverDue(notify, senders);
    expect(mastodon.statuses).toHaveLength(1); // queued behind the rate limit
    expect(pds.records).toHaveLength(1);
    t.clock.advance(1);
    await deliverDue(notify, senders);
    expect(mastodon.statuses).toHaveLength(2);
    expect(pds.records).toHaveLength(2);
    // The second change of article a answers the first post: one thread per article.
    expect(mastodon.statuses[1].inReplyToId).toBe(mastodon.statuses[0].id);
    expect(mastodon.statuses[1].status).toMatch(/^Edited \(The Wire\): “Ceasefire agreed/);
    const [first, second] = pds.records;
    expect(second.value.reply).toEqual({ root: { uri: first.uri, cid: first.cid }, parent: { uri: first.uri, cid: first.cid } });
    t.clock.advance(300);
    await deliverDue(notify, senders);
    expect(mastodon.statuses).toHaveLength(3);
    expect(mastodon.statuses[2].inReplyToId).toBeNull(); // article b starts its own thread
    expect(pds.records[2].value.reply).toBeUndefined();
    // The store's log agrees: posts of one account at least 300 s apart.
    for (const sub of subs) {
      const sent = (await t.deps.store.listDeliveries({ subscriptionId: sub.id, limit: 10 })).items.map((d) => d.sentAt!).sort();
      expect(sent).toHaveLength(3);
      for (let i = 1; i < sent.length; i++) expect(sent[i] - sent[i - 1]).toBeGreaterThanOrEqual(300_000);
    }
    expect([...mastodon.problems, ...pds.problems]).toEqual([]);
    expect(pds.sessions).toBe(1);
  });

  it('a redelivery reuses its key: neither network gets the post twice', async () => {
    for (const sub of subs) {
      const [latest] = (await t.deps.store.listDeliveries({ subscriptionId: sub.id, limit: 1 })).items;
      await t.deps.store.redeliver(latest.id, t.clock.now);
    }
    t.clock.advance(300);
    await deliverDue(notify, senders);
    t.clock.advance(300);
    await deliverDue(notify, senders);
    expect(mastodon.statuses).toHaveLength(3);
    expect(pds.records).toHaveLength(3);
    const all = (await t.deps.store.listDeliveries({ limit: 20 })).items;
    expect(all.every((d) => d.status === 'sent')).toBe(true);
    // The record key derives from the idempotency key: the PDS refused a second record, which Redline took as done.
    expect(pds.problems.filter((p) => /already exists/.test(p))).toHaveLength(1);
  });
});
