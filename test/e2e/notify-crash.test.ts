import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { startReceiver, type WebhookReceiver } from '../../src/notify/testdata/receiver.ts';
import { WEBHOOK_SECRET } from './notify-helpers.ts';
import { ROOT, tempDir } from './helpers.ts';
import { subscriptionInput } from '../../src/store/testdata/subscription.ts';

/**
 * Issue 11, must show 3: `kill -9` of the worker in the middle of deliveries, then a restart. No
 * delivery is lost, and a key reaches the receiver twice only as a marked redelivery.
 */
const N = 40;
const data = tempDir();
let receiver: WebhookReceiver;
let keys: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver(WEBHOOK_SECRET);
  receiver.mode = 'slow';
  receiver.slowMs = 150;
  writeFileSync(
    join(data.dir, 'redline.json'),
    JSON.stringify({
      sources: [],
      notify: {
        leaseSec: 2,
        idleMs: 100,
        concurrency: 4,
        webhooks: { hook: { url: receiver.url, secret: { env: 'REDLINE_TEST_HOOK_SECRET' } } },
      },
    }),
  );
  const store = await openStore({ dataDir: data.dir });
  try {
    const source = await store.upsertSource(
      { key: 'local', name: 'Local', feedUrl: '', pollPeriodSec: 300, include: [], exclude: [] },
      Date.now(),
    );
    const sub = await store.addSubscription(subscriptionInput(), 'active', Date.now());
    for (let i = 0; i < N; i++) {
      const { article } = await store.upsertArticle({
        sourceId: source.id,
        url: `http://127.0.0.1/a/${i}`,
        host: '127.0.0.1',
        feedTitle: null,
        feedPublishedAt: null,
        now: Date.now(),
        checkPeriodSec: 3600,
      });
      const v = (n: number) => ({
        title: `Story ${i}`,
        byline: null,
        published: null,
        paragraphs: [`Text ${i}, take ${n}.`],
        fingerprint: `f${i}-${n}`,
        extractorVersion: 'x',
        capturedAt: Date.now(),
        rawHtml: null,
        wordsAdded: 1,
        wordsRemoved: 1,
      });
      await store.addVersion(article.id, 1, v(1));
      const v2 = await store.addVersion(article.id, 2, v(2));
      keys.push(`s${sub.id}-v${v2.id}`);
    }
  } finally {
    await store.close();
  }
  keys = keys.sort();
});
afterAll(async () => {
  await receiver?.close();
  data.remove();
});

function startWorker(): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/redline.js'), 'start', '--role', 'worker', '--data', data.dir], {
    cwd: ROOT,
    env: { ...process.env, REDLINE_TEST_HOOK_SECRET: WEBHOOK_SECRET },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function deliveryStates(): Promise<string[]> {
  const store = await openStore({ dataDir: data.dir });
  try {
    return (await store.listDeliveries({ limit: 1000 })).items.map((d) => d.status);
  } finally {
    await store.close();
  }
}

describe('kill -9 of the worker in the middle of deliveries', () => {
  it('loses no delivery and repeats a key only as a marked redelivery', async () => {
    const first = startWorker();
    await until(() => receiver.received.length >= 12, 'the first deliveries');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const beforeRestart = receiver.received.length;
    expect(beforeRestart).toBeLessThan(N);

    const second = startWorker();
    await until(async () => (await deliveryStates()).every((s) => s === 'sent'), 'every delivery to be sent');
    second.child.kill('SIGTERM');
    expect(await second.exited, second.stderr().slice(-2000)).toBe(0);

    expect([...new Set(receiver.received.map((r) => r.key))].sort()).toEqual(keys);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    for (const [key, n] of receiver.counts()) {
      const copies = receiver.received.filter((r) => r.key === key);
      expect(copies[0].attempt, key).toBe(1);
      // Every later copy is marked: the receiver can drop it by its key.
      for (const c of copies.slice(1)) expect([c.redelivery, c.attempt > 1], key).toEqual([true, true]);
      expect(n).toBeLessThanOrEqual(2);
    }
    // The deliveries in flight when the worker died were sent again after their lease ran out.
    const repeated = [...receiver.counts().values()].filter((n) => n > 1).length;
    expect(repeated).toBeGreaterThan(0);
    expect(repeated).toBeLessThanOrEqual(4);
  });
});
