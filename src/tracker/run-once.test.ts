import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageFetcher } from './deps.ts';
import { runOnce } from './run-once.ts';
import { runPool } from './pool.ts';
import { articlePage, harness, type Harness } from './testdata/fakes.ts';

let h: Harness;
beforeEach(async () => {
  h = await harness((c) => {
    c.fetch.perHostConcurrency = 2;
  });
});
afterEach(() => h.close());

const FEED = 'https://a.example/feed';
const para = (i: number) => `Paragraph about story number ${i} with enough words to count as real article text here.`;

describe('runOnce', () => {
  it('polls feeds, checks every due article once with at most perHostConcurrency per host, and ends', async () => {
    const links: string[] = [];
    for (const host of ['a.example', 'b.example']) {
      for (let i = 0; i < 12; i++) {
        const url = `https://${host}/news/${i}`;
        links.push(url);
        h.fetcher.answers.set(url, { html: articlePage(`Story ${i} on ${host}`, [para(i), para(i + 100)]) });
      }
    }
    h.fetcher.answers.set(FEED, {
      html: `<rss version="2.0"><channel><title>x</title>${links.map((l) => `<item><link>${l}</link></item>`).join('')}</channel></rss>`,
    });
    await h.deps.store.upsertSource({ key: 'a', name: 'A', feedUrl: FEED, pollPeriodSec: 300, include: [], exclude: [] }, h.clock.now);

    // Track concurrency per host through a wrapping fetcher.
    const inner = h.fetcher;
    const live = new Map<string, number>();
    let maxPerHost = 0;
    const fetcher: PageFetcher = {
      async get(url, o) {
        const host = new URL(url).host;
        live.set(host, (live.get(host) ?? 0) + 1);
        maxPerHost = Math.max(maxPerHost, live.get(host)!);
        await new Promise((r) => setTimeout(r, 2));
        try {
          return await inner.get(url, o);
        } finally {
          live.set(host, live.get(host)! - 1);
        }
      },
    };
    const progress: number[] = [];
    const counts = await runOnce({ ...h.deps, fetcher }, { onProgress: (c) => progress.push(c.checked) });
    expect(counts).toMatchObject({ sourcesPolled: 1, articlesFound: 24, checked: 24 });
    expect(counts.byStatus.new_version).toBe(24);
    expect(maxPerHost).toBeLessThanOrEqual(2);
    expect(progress.at(-1)).toBe(24);
    const stats = await h.deps.store.stats();
    expect(stats).toMatchObject({ articles: 24, versions: 24 });

    // Nothing is due right after: a second pass does nothing.
    const again = await runOnce(h.deps);
    expect(again.checked + again.sourcesPolled).toBe(0);
  });
});

describe('runOnce when things break', () => {
  it('logs a check that throws (store trouble, a bug) and a failing feed poll, reschedules, and finishes the pass', async () => {
    const links = [0, 1, 2].map((i) => `https://a.example/news/${i}`);
    for (const [i, url] of links.entries()) h.fetcher.answers.set(url, { html: articlePage(`Story ${i}`, [para(i), para(i + 100)]) });
    h.fetcher.answers.set(FEED, {
      html: `<rss version="2.0"><channel><title>x</title>${links.map((l) => `<item><link>${l}</link></item>`).join('')}</channel></rss>`,
    });
    await h.deps.store.upsertSource({ key: 'a', name: 'A', feedUrl: FEED, pollPeriodSec: 300, include: [], exclude: [] }, h.clock.now);
    await h.deps.store.upsertSource(
      { key: 'b', name: 'B', feedUrl: 'https://b.example/feed', pollPeriodSec: 300, include: [], exclude: [] },
      h.clock.now,
    );
    const store = Object.create(h.deps.store) as typeof h.deps.store;
    store.applyCheck = (id, check) =>
      check.version?.input.paragraphs.includes(para(1)) ? Promise.reject(new Error('disk I/O error')) : h.deps.store.applyCheck(id, check);
    store.recordSourcePoll = (id, r) =>
      r.status === 'error' ? Promise.reject(new TypeError('boom in recordSourcePoll')) : h.deps.store.recordSourcePoll(id, r);
    const counts = await runOnce({ ...h.deps, store });
    expect(counts).toMatchObject({ sourcesPolled: 2, sourceErrors: 1, checked: 3 });
    expect(counts.byStatus).toMatchObject({ new_version: 2, error: 1 });
    const lines = h.deps.log.lines;
    expect(lines.some((l) => / error poll_failed source=b error="internal internal: boom in recordSourcePoll"/.test(l))).toBe(true);
    expect(lines.some((l) => / error check_failed article=\d+ error="internal internal: disk I\/O error"/.test(l))).toBe(true);
    const broken = (await h.deps.store.getArticleByUrl(links[1]))!;
    expect(broken).toMatchObject({ versionCount: 0, lastError: 'internal internal: disk I/O error' });
    expect(broken.nextCheckAt).toBeGreaterThan(h.clock.now);
  });
});

describe('runPool', () => {
  it('keeps at most n in flight and stops claiming when asked', async () => {
    let queue = Array.from({ length: 10 }, (_, i) => i);
    let live = 0;
    let max = 0;
    const done: number[] = [];
    await runPool(
      3,
      async (n) => queue.splice(0, n),
      async (i) => {
        live++;
        max = Math.max(max, live);
        await new Promise((r) => setTimeout(r, 1));
        live--;
        done.push(i);
      },
      () => done.length >= 5,
    );
    expect(max).toBe(3);
    expect(done.length).toBeGreaterThanOrEqual(5);
    expect(done.length).toBeLessThan(10);
    queue = [];
  });

  it('claims ahead into a local queue: fewer claims, still n in flight, every item once', async () => {
    const queue = Array.from({ length: 40 }, (_, i) => i);
    const asked: number[] = [];
    let answered = 0;
    let live = 0;
    let max = 0;
    const done: number[] = [];
    await runPool(
      4,
      async (n) => {
        asked.push(n);
        const items = queue.splice(0, n);
        if (items.length > 0) answered++;
        return items;
      },
      async (i) => {
        live++;
        max = Math.max(max, live);
        await new Promise((r) => setTimeout(r, 1 + (i % 3)));
        live--;
        done.push(i);
      },
      () => false,
      { ahead: 2 },
    );
    expect(max).toBe(4);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    // Each claim asks for the free slots plus 2, and one is made only when the queue is empty.
    expect(asked[0]).toBe(6);
    expect(asked.every((n) => n >= 3 && n <= 6)).toBe(true);
    // At least 3 items a claim (40 without claiming ahead), then a few empty claims as the last ones finish.
    expect(answered).toBeLessThanOrEqual(Math.ceil(40 / 3));
    expect(asked.length).toBeLessThanOrEqual(answered + 4);
  });

  it('gives queued items back instead of running them once asked to stop', async () => {
    const queue = Array.from({ length: 20 }, (_, i) => i);
    const done: number[] = [];
    const released: number[] = [];
    await runPool(
      2,
      async (n) => queue.splice(0, n),
      async (i) => {
        await new Promise((r) => setTimeout(r, 1));
        done.push(i);
      },
      () => done.length >= 1,
      { ahead: 3, release: async (items) => void released.push(...items) },
    );
    // The first claim took 2 + 3: two ran, three were queued and are given back, nothing more was claimed.
    expect(done.sort()).toEqual([0, 1]);
    expect(released).toEqual([2, 3, 4]);
    expect(queue).toHaveLength(15);
  });
});
