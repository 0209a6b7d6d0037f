import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '../../admin/index.ts';
import { Secret } from '../../config/index.ts';
import { memoryLogger } from '../../log/index.ts';
import { createSenders, deliverDue } from '../../notify/index.ts';
import { startFakeMastodon, type FakeMastodon } from '../../notify/testdata/mastodon.ts';
import { startReceiver, type WebhookReceiver } from '../../notify/testdata/receiver.ts';
import { createApp } from '../index.ts';
import { openTempStore, type TempStore } from '../testdata/store.ts';
import { subscriptionInput } from '../../store/testdata/subscription.ts';

const SECRETS = {
  admin: '', // made per test by createToken
  webhook: 'webhook-secret-e4c2-secret',
  smtp: 'smtp-password-77aa-secret',
  mastodon: 'mastodon-token-9f0e-secret',
  bluesky: 'bluesky-password-3c3c-secret',
  form: 'form-secret-1a2b-secret',
};
let t: TempStore;
let receiver: WebhookReceiver;
let mastodon: FakeMastodon;
let closedPort: number;
const log = memoryLogger();

/** A port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeEach(async () => {
  t = await openTempStore();
  receiver = await startReceiver('some-other-secret'); // the receiver disagrees: signatures fail, it still answers 204
  mastodon = await startFakeMastodon('the-right-token'); // ours is refused: 401
  closedPort = await freePort();
  const n = t.config.notify;
  SECRETS.admin = (await createToken({ store: t.store, config: t.config, now: () => 1 }, 'test', 'follow-test')).secret;
  auth.authorization = `Bearer ${SECRETS.admin}`;
  n.formSecret = new Secret(SECRETS.form);
  n.webhooks = {
    hook: { url: receiver.url, secret: new Secret(SECRETS.webhook) },
    dead: { url: `http://127.0.0.1:${closedPort}/hook`, secret: new Secret(SECRETS.webhook) },
  };
  n.smtp = { host: '127.0.0.1', port: closedPort, secure: false, user: 'redline', password: new Secret(SECRETS.smtp), from: 'r@news.test' };
  n.mastodon = { main: { instance: mastodon.url, token: new Secret(SECRETS.mastodon), visibility: 'public', postEverySec: null } };
  n.bluesky = {
    main: { service: `http://127.0.0.1:${closedPort}`, identifier: 'x.test', appPassword: new Secret(SECRETS.bluesky), postEverySec: null },
  };
  n.timeoutMs = 2_000;
});
afterEach(async () => {
  await receiver.close();
  await mastodon.close();
  await t.cleanup();
});

const auth = { authorization: '' };

async function seedChange() {
  const source = await t.store.upsertSource(
    { key: 'wire', name: 'The Wire', feedUrl: 'http://127.0.0.1:9/f', pollPeriodSec: 300, include: [], exclude: [] },
    1,
  );
  const { article } = await t.store.upsertArticle({
    sourceId: source.id,
    url: 'http://127.0.0.1:9/a',
    host: '127.0.0.1',
    feedTitle: null,
    feedPublishedAt: null,
    now: 1,
    checkPeriodSec: 1800,
  });
  const v = { byline: null, published: null, extractorVersion: 'x', rawHtml: null, wordsAdded: 0, wordsRemoved: 0 };
  await t.store.addVersion(article.id, 1, { ...v, title: 'Talks', paragraphs: ['Talks began.'], fingerprint: 'a', capturedAt: 1000 });
  return {
    article,
    add: () =>
      t.store.addVersion(article.id, 2, { ...v, title: 'Talks end', paragraphs: ['Talks ended.'], fingerprint: 'b', capturedAt: 2000 }),
  };
}

describe('admin API for subscriptions and deliveries', () => {
  it('requires the admin token', async () => {
    const app = createApp({ store: t.store, config: t.config, log });
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: SECRETS.admin },
      { authorization: `Bearer ${SECRETS.admin}x` },
    ];
    for (const headers of attempts) {
      const res = await app.request('/api/v1/admin/subscriptions', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect((await app.request('/api/v1/admin/subscriptions', { headers: auth })).status).toBe(200);
    await revokeToken({ store: t.store, config: t.config, now: () => 2 }, 'test', 'follow-test');
    expect((await app.request('/api/v1/admin/subscriptions', { headers: auth })).status).toBe(401);
  });

  it('creates, lists and ends subscriptions, shows and redelivers deliveries', async () => {
    const app = createApp({ store: t.store, config: t.config, log, now: () => 5000 });
    const { add } = await seedChange();
    const post = (body: unknown) =>
      app.request('/api/v1/admin/subscriptions', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await post({ to: 'webhook:hook', source: 'wire', min: 'minor' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      id: 1,
      channel: 'webhook',
      watch: 'source',
      status: 'active',
      describes: 'changes in The Wire',
    });
    expect(created.headers.get('access-control-allow-origin')).toBeNull();
    expect((await post({ to: 'webhook:unknown' })).status).toBe(400);
    expect((await post({ to: 'email:a@example.org', confirmed: false })).status).toBe(201);
    const list = await (await app.request('/api/v1/admin/subscriptions', { headers: auth })).json();
    expect(list.items.map((s: { status: string }) => s.status)).toEqual(['active', 'pending']);
    expect((await app.request('/api/v1/admin/subscriptions/2', { method: 'DELETE', headers: auth })).status).toBe(200);
    await add();
    await deliverDue(
      { config: t.config, store: t.store, log, now: () => 3000 },
      createSenders({ config: t.config, store: t.store, log, now: () => 3000 }),
    );
    const page = await (await app.request('/api/v1/admin/deliveries?status=sent', { headers: auth })).json();
    expect(page.items).toHaveLength(1);
    const one = await (await app.request(`/api/v1/admin/deliveries/${page.items[0].id}`, { headers: auth })).json();
    expect(one).toMatchObject({ key: 's1-v2', status: 'sent', attempts: 1, attemptLog: [{ attempt: 1, ok: true }] });
    const re = await app.request(`/api/v1/admin/deliveries/${one.id}/redeliver`, { method: 'POST', headers: auth });
    expect(await re.json()).toMatchObject({ status: 'pending', redelivery: true, key: 's1-v2' });
    expect((await app.request('/api/v1/admin/deliveries?status=bogus', { headers: auth })).status).toBe(400);
  });
});

describe('secrets', () => {
  it('never reach logs, pages or the API, even when deliveries fail', async () => {
    const { article, add } = await seedChange();
    for (const to of ['webhook:hook', 'webhook:dead', 'email:reader@example.org', 'mastodon:main', 'bluesky:main']) {
      const [channel, address] = to.split(':');
      await t.store.addSubscription(subscriptionInput({ channel: channel as 'webhook', address }), 'active', 1);
    }
    await add();
    const deps = { config: t.config, store: t.store, log, now: () => 3000 };
    await deliverDue(deps, createSenders(deps));
    const deliveries = (await t.store.listDeliveries({ limit: 10 })).items;
    expect(deliveries.map((d) => [d.address, d.status, d.lastError ?? ''])).toEqual(
      expect.arrayContaining([
        ['hook', 'sent', ''],
        ['dead', 'pending', expect.stringMatching(/network error|timed out/)],
        ['reader@example.org', 'pending', expect.stringMatching(/SMTP/)],
        ['main', 'failed', expect.stringMatching(/HTTP 401 from mastodon main/)],
        ['main', 'pending', expect.stringMatching(/network error|timed out/)],
      ]),
    );
    const app = createApp({ store: t.store, config: t.config, log });
    const seen: string[] = [
      ...log.lines,
      inspect(t.config, { depth: 10 }),
      JSON.stringify(t.config),
      String(t.config.notify.smtp?.password),
    ];
    for (const path of [
      '/',
      '/sources',
      `/articles/${article.id}`,
      '/?source=wire',
      `/follow?article=${article.id}`,
      '/api/v1/sources',
      '/api/v1/changes',
      '/api/v1/openapi.json',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      seen.push(await res.text());
    }
    for (const path of ['/api/v1/admin/subscriptions', '/api/v1/admin/deliveries', `/api/v1/admin/deliveries/${deliveries[0].id}`]) {
      seen.push(await (await app.request(path, { headers: auth })).text());
    }
    const all = seen.join('\n');
    for (const [name, secret] of Object.entries(SECRETS)) expect(all.includes(secret), name).toBe(false);
    // The Sources page shows the delivery log, but no subscriber's address.
    const sources = seen.find((s) => s.includes('id="deliveries-title"'))!;
    expect(sources).toMatch(/HTTP 401 from mastodon main/);
    expect(sources).not.toContain('reader@example.org');
    expect(sources).toContain('webhook:dead');
  });
});
