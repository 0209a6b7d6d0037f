import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startNewsroom, type Newsroom } from '../../demo/index.ts';
import { createFetcher } from '../../fetch/index.ts';
import { memoryLogger } from '../../log/index.ts';
import { createMetrics } from '../../metrics/index.ts';
import { parsePrometheusText } from '../../metrics/parse.ts';
import type { Source } from '../../model/index.ts';
import { pollSource, runOnce, type TrackerDeps } from '../../tracker/index.ts';
import { createApp } from '../index.ts';
import { openTempStore, type TempStore } from '../testdata/store.ts';

// Must show 5: /metrics parses as Prometheus text; /readyz reports a quiet source after the demo's
// feed stops publishing. The tracker's clock is simulated (a day per step); the newsroom is real.

const DAY = 24 * 3600_000;
let env: TempStore;
let newsroom: Newsroom;
let now: number;
let deps: TrackerDeps & { log: ReturnType<typeof memoryLogger> };
let source: Source;

beforeEach(async () => {
  env = await openTempStore();
  env.config.fetch.perHostDelayMs = 0;
  newsroom = await startNewsroom({ manual: true, releasePerStep: 1 });
  now = Date.now();
  deps = { config: env.config, store: env.store, fetcher: createFetcher(env.config.fetch), log: memoryLogger(), now: () => now };
  source = await env.store.upsertSource(
    { key: 'gazette', name: 'The Demo Gazette', feedUrl: newsroom.feedUrl, pollPeriodSec: 300, include: [], exclude: ['/sport/live/'] },
    now,
  );
});
afterEach(async () => {
  await newsroom.close();
  await env.cleanup();
});

async function readyz(app = createApp({ store: env.store, config: env.config, now: () => now })) {
  const res = await app.request('/readyz');
  return {
    status: res.status,
    body: (await res.json()) as { ready: boolean; checks: Record<string, { ok: boolean }>; alerts: { source: string; kind: string }[] },
  };
}

async function poll(): Promise<number> {
  return (await pollSource(deps, (await env.store.getSource(source.id))!)).created;
}

/** A (simulated) day passes, the newsroom publishes one more story or nothing, and the feed is polled. */
async function days(n: number, publish: boolean): Promise<number> {
  let found = 0;
  for (let i = 0; i < n; i++) {
    now += DAY;
    if (publish) newsroom.advance();
    found += await poll();
  }
  return found;
}

describe('operations (must show 5)', () => {
  it('/healthz is alive; /readyz reports a quiet source once the feed stops publishing', async () => {
    const app = createApp({ store: env.store, config: env.config, now: () => now });
    expect((await app.request('/healthz')).status).toBe(200);
    const stories = newsroom.articles().filter((a) => !a.url.includes('/sport/live/')).length;
    expect(await poll()).toBe(1);
    expect(await days(stories - 1, true)).toBe(stories - 1); // one new article each day
    let r = await readyz(app);
    expect(r.status).toBe(200);
    expect(r.body.ready).toBe(true);
    expect(r.body.alerts).toEqual([]);
    // Every story is out: the feed keeps answering, but with nothing new.
    expect(await days(3, false)).toBe(0);
    expect((await readyz(app)).body.alerts).toEqual([]); // 3 days < 4 x the usual day
    expect(await days(2, false)).toBe(0);
    r = await readyz(app);
    expect(r.status).toBe(200); // a quiet source is reported; it does not make this instance unready
    expect(r.body.alerts).toEqual([expect.objectContaining({ source: 'gazette', kind: 'quiet' })]);
    const sources = await (await app.request('/sources')).text();
    expect(sources).toContain('Quiet: no new article for');
  });

  it('/readyz answers 503 when every worker has stopped beating, and when the feed has failed too long', async () => {
    await poll();
    await env.store.recordHeartbeat({
      workerId: 'w1',
      role: 'worker',
      startedAt: now - 3600_000,
      beatAt: now - 10 * 60_000,
      passes: 4,
      lastPass: {},
    });
    let r = await readyz();
    expect(r.status).toBe(503);
    expect(r.body.checks.workers.ok).toBe(false);
    await env.store.recordHeartbeat({ workerId: 'w2', role: 'worker', startedAt: now, beatAt: now - 5_000, passes: 1, lastPass: {} });
    expect((await readyz()).status).toBe(200);
    now += 7 * 3600_000;
    await newsroom.close();
    await poll();
    await env.store.recordHeartbeat({ workerId: 'w2', role: 'worker', startedAt: now, beatAt: now, passes: 2, lastPass: {} });
    r = await readyz();
    expect(r.status).toBe(503);
    expect(r.body.checks.polls.ok).toBe(false);
    expect(r.body.alerts).toEqual([expect.objectContaining({ source: 'gazette', kind: 'failing' })]);
    newsroom = await startNewsroom({ manual: true }); // for afterEach
  });

  it('/metrics is valid Prometheus text with the tracker counters of this process', async () => {
    await poll();
    now += 3600_000;
    const metrics = createMetrics({ dueBacklog: () => env.store.countDueArticles(now) });
    const due = await env.store.countDueArticles(now);
    expect(due).toBeGreaterThan(0);
    const app = createApp({ store: env.store, config: env.config, now: () => now, metrics });
    let families = parsePrometheusText(await (await app.request('/metrics')).text());
    expect(families.get('redline_due_backlog')?.samples[0].value).toBe(due);
    await runOnce({ ...deps, metrics });
    const res = await app.request('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    families = parsePrometheusText(await res.text());
    const checks = families.get('redline_checks_total')!.samples;
    expect(checks.find((s) => s.labels.status === 'new_version')?.value).toBe(due);
    expect(families.get('redline_versions_stored_total')?.samples[0].value).toBe(due);
    expect(families.get('redline_check_duration_seconds')?.samples.find((s) => s.name.endsWith('_count'))?.value).toBe(due);
    expect(families.get('redline_extraction_duration_seconds')?.samples.find((s) => s.name.endsWith('_count'))?.value).toBe(due);
    expect(
      families.get('redline_polls_total')?.samples.find((s) => s.labels.status === 'not_modified' || s.labels.status === 'ok'),
    ).toBeDefined();
    expect(families.get('redline_due_backlog')?.samples[0].value).toBe(0);
    for (const name of ['redline_fetch_errors_total', 'redline_lease_takeovers_total', 'redline_deliveries_total'])
      expect(families.has(name), name).toBe(true);
  });
});
