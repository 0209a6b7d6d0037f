import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Secret, defaultConfig, type Config } from '../config/index.ts';
import { memoryLogger } from '../log/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSenders } from './channels/index.ts';
import { deliverDue } from './loop.ts';
import { nextRetryAt } from './retry.ts';
import { subscriptionInput } from '../store/testdata/subscription.ts';
import { makeArticle, makeSource } from '../store/contract/fixtures.ts';

describe('nextRetryAt', () => {
  const cfg = { retryFirstSec: 30, retryMaxSec: 3600, retryForSec: 86400 };
  it.each([
    [1, 0, 0, null, 30_000],
    [2, 0, 0, null, 60_000],
    [5, 0, 1000, null, 1000 + 480_000],
    [20, 0, 0, null, 3_600_000], // capped
    [1, 0, 0, 120_000, 120_000], // Retry-After wins when longer
    [9, 0, 86_000_000, null, 86_400_000], // the last try falls at the end of the window
  ])('attempt %i from %i at %i (Retry-After %s) -> %i', (attempts, from, now, after, expected) => {
    expect(nextRetryAt(cfg, attempts, from, now, after)).toBe(expected);
  });
  it('gives up once the window is over', () => {
    expect(nextRetryAt(cfg, 9, 0, 86_400_000)).toBeNull();
  });
});

describe('delivery attempts', () => {
  let dir: string;
  let store: Store;
  let config: Config;
  let server: ReturnType<typeof createServer>;
  let answer: (res: import('node:http').ServerResponse) => void;
  const clock = { now: 1_700_000_000_000 };
  const log = memoryLogger();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-notify-'));
    store = await openStore({ dataDir: dir });
    server = createServer((_req, res) => answer(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    config = defaultConfig();
    config.notify.timeoutMs = 300;
    config.notify.webhooks = { hook: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, secret: new Secret('s') } };
    const article = await makeArticle(store, await makeSource(store, 's'), 'a', { host: 'h', now: 0 });
    await store.addSubscription(subscriptionInput(), 'active', 0);
    const v = { byline: null, published: null, extractorVersion: 'x', rawHtml: null, wordsAdded: 0, wordsRemoved: 0 };
    await store.addVersion(article.id, 1, { ...v, title: 't', paragraphs: ['a'], fingerprint: 'a', capturedAt: clock.now });
    await store.addVersion(article.id, 2, { ...v, title: 't', paragraphs: ['b'], fingerprint: 'b', capturedAt: clock.now });
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const counted: string[] = [];
  async function attempt() {
    const deps = {
      config,
      store,
      log,
      now: () => clock.now,
      metrics: { deliveryDone: (channel: string, status: string) => void counted.push(`${channel}:${status}`) },
    };
    await deliverDue(deps, createSenders(deps));
    return (await store.listDeliveries({ limit: 1 })).items[0];
  }

  it('bounds an endpoint that never answers by the attempt timeout', async () => {
    answer = () => {}; // hangs
    const started = Date.now();
    const d = await attempt();
    expect(Date.now() - started).toBeLessThan(5_000); // a guard against a hang, not a timing claim
    expect(d).toMatchObject({ status: 'pending', lastError: 'timed out after 300 ms', nextAttemptAt: clock.now + 30_000 });
  });

  it('honours Retry-After on a 503 and gives up at once on a 410', async () => {
    answer = (res) => res.writeHead(503, { 'Retry-After': '600' }).end();
    expect(await attempt()).toMatchObject({
      status: 'pending',
      lastError: 'HTTP 503 from webhook hook',
      nextAttemptAt: clock.now + 600_000,
    });
    clock.now += 600_000;
    answer = (res) => res.writeHead(410).end();
    expect(await attempt()).toMatchObject({ status: 'failed', lastError: 'HTTP 410 from webhook hook', attempts: 2 });
    expect(counted.slice(-2)).toEqual(['webhook:error', 'webhook:error']);
  });

  it('marks a change of a hidden article failed instead of pushing it out', async () => {
    answer = (res) => res.writeHead(200).end();
    await store.setArticleHidden(1, { at: clock.now, reason: 'court order' });
    expect(await attempt()).toMatchObject({ status: 'failed', lastError: 'article 1 version 2 is hidden' });
    await store.setArticleHidden(1, null);
    await store.redeliver(1, clock.now);
    expect(await attempt()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(counted.at(-1)).toBe('webhook:ok');
  });
});
