import { Secret, type Config } from '../../src/config/index.ts';
import { LAST_STEP, startNewsroom, type Newsroom } from '../../src/demo/index.ts';
import { createSenders, deliverDue, type NotifyDeps, type Senders } from '../../src/notify/index.ts';
import { runOnce } from '../../src/tracker/index.ts';
import { testTracker, type TestTracker } from './helpers.ts';

export const WEBHOOK_SECRET = 'whsec-7f3a-test-secret-do-not-log';

/** Every demo article is due at every step (no backoff), so a step of simulated time sees every edit. */
export function followDemoConfig(c: Config): void {
  c.schedule = { ...c.schedule, minPeriodSec: 60, backoffFactor: 1, revertBackoffFactor: 1 };
}

export interface DemoFollower {
  t: TestTracker;
  newsroom: Newsroom;
  notify: NotifyDeps;
  senders: Senders;
  /** Delivers what is due, then lets `minutes` of simulated time pass in 10-minute ticks, delivering at each. */
  deliverFor(minutes: number): Promise<void>;
  close(): Promise<void>;
}

export async function followDemo(tweak: (c: Config) => void): Promise<DemoFollower> {
  const newsroom = await startNewsroom({ manual: true });
  const t = await testTracker((c) => {
    followDemoConfig(c);
    tweak(c);
  });
  await t.deps.store.upsertSource(
    { key: 'demo', name: 'The Daily Demo', feedUrl: newsroom.feedUrl, pollPeriodSec: 60, include: [], exclude: ['/sport/live/'] },
    t.clock.now,
  );
  const notify: NotifyDeps = { config: t.deps.config, store: t.deps.store, log: t.deps.log, now: t.deps.now };
  const senders = createSenders(notify);
  return {
    t,
    newsroom,
    notify,
    senders,
    async deliverFor(minutes: number) {
      await deliverDue(notify, senders);
      for (let m = 0; m < minutes; m += 10) {
        t.clock.advance(600);
        await deliverDue(notify, senders);
      }
    },
    async close() {
      for (const s of Object.values(senders)) await s?.close?.();
      await newsroom.close();
      await t.close();
    },
  };
}

/** Runs the whole edit script, two simulated hours per step; `beforeStep` may change the world first. */
export async function runDemoScript(f: DemoFollower, beforeStep: (step: number) => void | Promise<void> = () => {}): Promise<void> {
  for (let step = 0; step <= LAST_STEP + 1; step++) {
    await beforeStep(step);
    f.newsroom.setStep(step);
    await runOnce(f.t.deps);
    await f.deliverFor(120);
  }
}

/** Idempotency keys the outbox should hold for `subscriptionId`: one per stored change (version 2+). */
export async function expectedKeys(f: DemoFollower, subscriptionId: number): Promise<string[]> {
  const keys: string[] = [];
  for (const a of (await f.t.deps.store.listArticles({ limit: 100 })).items) {
    for (const v of await f.t.deps.store.listVersions(a.id)) if (v.number >= 2) keys.push(`s${subscriptionId}-v${v.id}`);
  }
  return keys.sort();
}

export function webhookAccount(url: string) {
  return { url, secret: new Secret(WEBHOOK_SECRET) };
}
