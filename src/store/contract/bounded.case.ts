import { describe, expect, it } from 'vitest';
import { T0, addNext, freshStore, makeArticle, makeSource, type ContractHarness } from './fixtures.ts';

const lease = (workerId: string, until: number) => ({ workerId, until });

/** Work a hostile reader controls stays bounded (issue 9). */
export function boundedCases(harness: ContractHarness): void {
  describe(`${harness.name}: bounded search`, () => {
    const store = freshStore(harness);

    it('answers a 3,000-term query within a second, treating repeats as one term', async () => {
      const src = await makeSource(store());
      const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
      // Long bodies that hold every word: the worst case for matching and snippets.
      for (let i = 0; i < 20; i++) {
        const a = await makeArticle(store(), src, `a${i}`);
        await addNext(store(), a, `Story ${i}`, [words.join(' '), `the end of story ${i}`], T0 + i);
      }
      const started = performance.now();
      const page = await store().search({ text: words.join(' '), limit: 20 });
      // Not a stop word: PostgreSQL's english configuration drops those from a query altogether.
      const repeated = await store().search({ text: 'story '.repeat(3000), limit: 20 });
      const elapsed = performance.now() - started;
      expect(page.items.length).toBe(20);
      expect(repeated.items.length).toBe(20);
      expect(page.items[0].versions[0].snippet).toMatch(/word\d/);
      expect(elapsed).toBeLessThan(1000); // a generous guard: unbounded, this took minutes
    });
  });

  describe(`${harness.name}: per-source limits`, () => {
    const store = freshStore(harness);

    it("counts a source's new articles since a time, and versions of an article since a time", async () => {
      const a = await makeSource(store(), 'a');
      const b = await makeSource(store(), 'b');
      await makeArticle(store(), a, 'old', { now: T0 - 10 });
      const x = await makeArticle(store(), a, 'x', { now: T0 });
      await makeArticle(store(), a, 'y', { now: T0 + 5 });
      await makeArticle(store(), b, 'z', { now: T0 + 5 });
      expect(await store().countNewArticles(a.id, T0)).toBe(2);
      expect(await store().countNewArticles(b.id, T0)).toBe(1);
      expect(await store().countNewArticles(a.id, T0 + 6)).toBe(0);
      await addNext(store(), x, 'v1', ['one'], T0);
      await addNext(store(), x, 'v2', ['two'], T0 + 100);
      await addNext(store(), x, 'v3', ['three'], T0 + 200);
      expect(await store().countVersionsSince(x.id, T0 + 100)).toBe(2);
      expect(await store().countVersionsSince(x.id, T0 + 201)).toBe(0);
    });

    it('tells which URLs are already tracked, for any number of URLs', async () => {
      const a = await makeSource(store(), 'a');
      await makeArticle(store(), a, 'known1');
      await makeArticle(store(), a, 'known2');
      const urls = Array.from({ length: 1200 }, (_, i) => `http://news.example/new${i}`);
      urls.splice(700, 0, 'http://news.example/known2');
      urls.push('http://news.example/known1');
      expect([...(await store().knownArticleUrls(urls))].sort()).toEqual(['http://news.example/known1', 'http://news.example/known2']);
      expect((await store().knownArticleUrls([])).size).toBe(0);
    });

    it('records what a limit held back on the source, adding up the counts', async () => {
      const a = await makeSource(store(), 'a');
      expect(a).toMatchObject({ limitedCount: 0, lastLimitedAt: null, lastLimitNote: null });
      await store().recordSourceLimit(a.id, { at: T0 + 1, count: 30, note: '30 new articles over the limit of 20 per poll' });
      await store().recordSourceLimit(a.id, { at: T0 + 2, count: 5, note: '5 new articles over the limit of 50 per day' });
      expect(await store().getSource(a.id)).toMatchObject({
        limitedCount: 35,
        lastLimitedAt: T0 + 2,
        lastLimitNote: '5 new articles over the limit of 50 per day',
      });
      expect((await store().listSources()).find((s) => s.key === 'a')).toMatchObject({ limitedCount: 35 });
    });
  });

  describe(`${harness.name}: lease upkeep`, () => {
    const store = freshStore(harness);

    it("renews only the caller's own leases", async () => {
      const src = await makeSource(store());
      const a = await makeArticle(store(), src, 'a', { host: 'a.example' });
      const b = await makeArticle(store(), src, 'b', { host: 'b.example' });
      await store().claimDueArticles(T0, 1, lease('w1', T0 + 1000), 5);
      await store().claimDueArticles(T0, 1, lease('w2', T0 + 1000), 5);
      await store().claimDueSources(T0, 1, lease('w1', T0 + 1000));
      await store().renewLeases(lease('w1', T0 + 5000), [a.id, b.id], [src.id]);
      // w1's article and source are still leased after the old expiry; w2's came back.
      const claimed = await store().claimDueArticles(T0 + 2000, 10, lease('w3', T0 + 9000), 5);
      expect(claimed.map((x) => x.id)).toEqual([b.id]);
      expect(await store().claimDueSources(T0 + 2000, 10, lease('w3', T0 + 9000))).toEqual([]);
      expect(await store().claimDueArticles(T0 + 5001, 10, lease('w3', T0 + 9000), 5)).toMatchObject([{ id: a.id }]);
    });

    it("lists lease holders and releases a dead worker's leases at once", async () => {
      const src = await makeSource(store());
      for (let i = 0; i < 3; i++) await makeArticle(store(), src, `a${i}`, { host: `h${i}.example` });
      await store().claimDueArticles(T0, 2, lease('host:1:dead', T0 + 60_000), 5);
      await store().claimDueArticles(T0, 1, lease('host:2:alive', T0 + 60_000), 5);
      await store().claimDueSources(T0, 1, lease('host:1:dead', T0 + 60_000));
      expect(await store().leaseHolders(T0 + 1)).toEqual([
        { workerId: 'host:1:dead', articles: 2, sources: 1 },
        { workerId: 'host:2:alive', articles: 1, sources: 0 },
      ]);
      expect(await store().leaseHolders(T0 + 60_000)).toEqual([]);
      expect(await store().releaseLeases('host:1:dead', T0 + 1)).toBe(3);
      expect(await store().leaseHolders(T0 + 1)).toEqual([{ workerId: 'host:2:alive', articles: 1, sources: 0 }]);
      expect(await store().claimDueArticles(T0 + 2, 10, lease('w', T0 + 60_000), 5)).toHaveLength(2);
    });

    it('counts the due backlog and the live leases', async () => {
      const src = await makeSource(store());
      for (let i = 0; i < 4; i++) await makeArticle(store(), src, `a${i}`, { now: T0 + i });
      const retired = await makeArticle(store(), src, 'r', { now: T0 });
      await store().updateArticle(retired.id, { status: 'retired', nextCheckAt: null });
      await store().claimDueArticles(T0 + 10, 1, lease('w', T0 + 1000), 5);
      expect(await store().dueBacklog(T0 + 10, T0 + 2)).toEqual({ due: 3, leased: 1 });
      expect(await store().dueBacklog(T0 + 1000, T0 + 10)).toEqual({ due: 4, leased: 0 });
      // A paused source's articles wait on the admin, not on leases.
      await store().setSourcePaused('src', T0);
      expect(await store().dueBacklog(T0 + 1000, T0 + 10)).toEqual({ due: 0, leased: 0 });
    });

    it('tells the time by the database clock', async () => {
      const before = Date.now();
      const t = await store().clock();
      // Same machine in tests: the server's clock agrees with ours within a few seconds.
      expect(Math.abs(t - before)).toBeLessThan(5_000);
    });
  });
}
