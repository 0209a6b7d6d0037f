import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/index.ts';
import type { WebSubSubscription } from '../model/index.ts';
import { createApp } from './index.ts';
import { openTempStore, type TempStore } from './testdata/store.ts';
import { validSignature } from './websub.ts';

describe('validSignature', () => {
  const body = new TextEncoder().encode('<rss/>');
  const sig = (alg: string, secret = 'k') => `${alg}=${createHmac(alg, secret).update(body).digest('hex')}`;
  it.each([
    ['sha1', sig('sha1'), true],
    ['sha256', sig('sha256'), true],
    ['sha512', sig('sha512'), true],
    ['upper-case hex', sig('sha256').toUpperCase().replace('SHA256', 'sha256'), true],
    ['wrong secret', sig('sha256', 'other'), false],
    ['truncated', sig('sha256').slice(0, -2), false],
    ['md5 is not offered', `md5=${createHmac('md5', 'k').update(body).digest('hex')}`, false],
    ['missing', undefined, false],
    ['garbage', 'sha256=zz', false],
  ])('%s', (_name, header, ok) => {
    expect(validSignature('k', body, header)).toBe(ok);
  });
});

describe('/websub/:sourceId', () => {
  const T = Date.UTC(2026, 0, 1);
  let clock = T;
  let temp: TempStore;
  let app: ReturnType<typeof createApp>;
  let sourceId: number;
  const sub = (over: Partial<WebSubSubscription> = {}): WebSubSubscription => ({
    sourceId,
    hubUrl: 'https://hub.example/',
    topicUrl: 'https://site.example/feed',
    secret: 'k',
    state: 'requested',
    requestedAt: T,
    leaseUntil: null,
    lastPushAt: null,
    lastError: null,
    ...over,
  });
  const verify = (topic: string, challenge = 'c123') =>
    app.request(
      `/websub/${sourceId}?${new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.challenge': challenge, 'hub.lease_seconds': '3600' })}`,
    );

  beforeEach(async () => {
    clock = T;
    temp = await openTempStore();
    app = createApp({ store: temp.store, config: temp.config, now: () => clock, log: silentLogger });
    sourceId = (
      await temp.store.upsertSource(
        { key: 's', name: 'S', feedUrl: 'https://site.example/feed', pollPeriodSec: 300, include: [], exclude: [] },
        T,
      )
    ).id;
    await temp.store.recordSourcePoll(sourceId, {
      at: T,
      status: 'ok',
      error: null,
      etag: null,
      lastModified: null,
      nextPollAt: T + 3_600_000,
    });
  });
  afterEach(() => temp.cleanup());

  it('echoes the challenge for our topic soon after we asked, and activates the lease', async () => {
    await temp.store.saveWebSub(sub());
    expect((await verify('https://other.example/feed')).status).toBe(404);
    const res = await verify('https://site.example/feed');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('c123');
    expect(await temp.store.getWebSub(sourceId)).toMatchObject({ state: 'active', leaseUntil: T + 3_600_000 });
  });

  it('refuses a verification nobody asked for lately (it would make the feed polled only hourly)', async () => {
    await temp.store.saveWebSub(sub({ state: 'active', leaseUntil: T + 1000 }));
    clock = T + 2 * 86_400_000;
    expect((await verify('https://site.example/feed')).status).toBe(404);
    expect((await temp.store.getWebSub(sourceId))!.leaseUntil).toBe(T + 1000);
  });

  it('a signed push makes the source due now; a bad signature changes nothing; no subscription is 410', async () => {
    expect((await app.request(`/websub/${sourceId}`, { method: 'POST', body: 'x' })).status).toBe(410);
    await temp.store.saveWebSub(sub({ state: 'active', leaseUntil: T + 86_400_000 }));
    const body = '<rss/>';
    const bad = await app.request(`/websub/${sourceId}`, {
      method: 'POST',
      body,
      headers: { 'x-hub-signature': `sha256=${createHmac('sha256', 'wrong').update(body).digest('hex')}` },
    });
    expect(bad.status).toBe(202);
    expect((await temp.store.getSource(sourceId))!.nextPollAt).toBe(T + 3_600_000);
    clock = T + 5000;
    const good = await app.request(`/websub/${sourceId}`, {
      method: 'POST',
      body,
      headers: { 'x-hub-signature': `sha256=${createHmac('sha256', 'k').update(body).digest('hex')}` },
    });
    expect(good.status).toBe(202);
    expect((await temp.store.getSource(sourceId))!.nextPollAt).toBe(T + 5000);
    expect((await temp.store.getWebSub(sourceId))!.lastPushAt).toBe(T + 5000);
  });
});
