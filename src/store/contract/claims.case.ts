import { describe, expect, it } from 'vitest';
import type { Article } from '../../model/index.ts';
import type { Store } from '../store.ts';
import { T0, freshStore, makeArticle, makeSource, type ContractHarness } from './fixtures.ts';

const lease = (workerId: string, until: number) => ({ workerId, until });
const ids = (articles: Article[]) => articles.map((a) => a.id);

export function claimCases(harness: ContractHarness): void {
  describe(`${harness.name}: claiming due articles`, () => {
    const store = freshStore(harness);

    it('claims due articles oldest first, up to the limit, skipping retired and future ones', async () => {
      const src = await makeSource(store());
      const late = await makeArticle(store(), src, 'late', { now: T0 + 30 });
      const early = await makeArticle(store(), src, 'early', { now: T0 + 10 });
      const mid = await makeArticle(store(), src, 'mid', { now: T0 + 20 });
      const future = await makeArticle(store(), src, 'future', { now: T0 + 10_000 });
      const retired = await makeArticle(store(), src, 'retired', { now: T0 });
      await store().updateArticle(retired.id, { status: 'retired', nextCheckAt: null });
      const first = await store().claimDueArticles(T0 + 100, 2, lease('w', T0 + 60_000), 10);
      expect(ids(first)).toEqual([early.id, mid.id]);
      const second = await store().claimDueArticles(T0 + 100, 10, lease('w', T0 + 60_000), 10);
      expect(ids(second)).toEqual([late.id]);
      expect(ids(await store().claimDueArticles(T0 + 20_000, 10, lease('w', T0 + 60_000), 10))).toEqual([future.id]);
    });

    it('keeps leased work from other workers until the lease expires or is released', async () => {
      const src = await makeSource(store());
      const a = await makeArticle(store(), src, 'a');
      const b = await makeArticle(store(), src, 'b');
      expect(ids(await store().claimDueArticles(T0, 10, lease('w1', T0 + 1000), 10))).toEqual([a.id, b.id]);
      expect(await store().claimDueArticles(T0 + 500, 10, lease('w2', T0 + 2000), 10)).toEqual([]);
      // w1 finishes a (lease released, still due) and crashes holding b.
      await store().updateArticle(a.id, { lastCheckedAt: T0 + 600 });
      expect(ids(await store().claimDueArticles(T0 + 700, 10, lease('w2', T0 + 2000), 10))).toEqual([a.id]);
      expect(ids(await store().claimDueArticles(T0 + 1001, 10, lease('w3', T0 + 3000), 10))).toEqual([b.id]);
    });

    it('never leases more than perHostLimit articles of one host at a time', async () => {
      const src = await makeSource(store());
      const slow = [];
      for (let i = 0; i < 5; i++) slow.push(await makeArticle(store(), src, `s${i}`, { host: 'slow.example', now: T0 + i }));
      const other = [];
      for (let i = 0; i < 3; i++) other.push(await makeArticle(store(), src, `o${i}`, { host: 'other.example', now: T0 + 10 + i }));
      const first = await store().claimDueArticles(T0 + 100, 10, lease('w1', T0 + 60_000), 2);
      expect(ids(first)).toEqual([slow[0].id, slow[1].id, other[0].id, other[1].id]);
      // Another worker: both hosts are at their limit already.
      expect(await store().claimDueArticles(T0 + 100, 10, lease('w2', T0 + 60_000), 2)).toEqual([]);
      await store().updateArticle(slow[0].id, { nextCheckAt: T0 + 999_999 });
      expect(ids(await store().claimDueArticles(T0 + 100, 10, lease('w2', T0 + 60_000), 2))).toEqual([slow[2].id]);
    });

    it('reaches a host queued behind a long backlog of a host at its limit', async () => {
      const src = await makeSource(store());
      for (let i = 0; i < 150; i++) await makeArticle(store(), src, `busy${i}`, { host: 'busy.example', now: T0 + i });
      const quiet = await makeArticle(store(), src, 'quiet', { host: 'quiet.example', now: T0 + 500 });
      const first = await store().claimDueArticles(T0 + 1000, 1, lease('w1', T0 + 60_000), 2);
      expect(first.map((a) => a.host)).toEqual(['busy.example']);
      const second = await store().claimDueArticles(T0 + 1000, 10, lease('w2', T0 + 60_000), 2);
      expect(second.map((a) => a.host)).toEqual(['busy.example', 'quiet.example']);
      expect(second[1].id).toBe(quiet.id);
      expect(await store().claimDueArticles(T0 + 1000, 10, lease('w3', T0 + 60_000), 2)).toEqual([]);
    });

    it('hands each due article to exactly one of many concurrent claimers, within host limits', async () => {
      const src = await makeSource(store());
      for (let i = 0; i < 40; i++) await makeArticle(store(), src, `c${i}`, { host: `h${i % 4}.example`, now: T0 + i });
      const others = await Promise.all([1, 2, 3].map(() => harness.openAnother(store())));
      const workers: Store[] = others.map((o) => o ?? store());
      workers.push(store());
      try {
        const batches = await Promise.all(workers.map((w, i) => w.claimDueArticles(T0 + 1000, 10, lease(`w${i}`, T0 + 60_000), 3)));
        const all = batches.flat();
        expect(new Set(ids(all)).size).toBe(all.length);
        // 4 hosts x 3 per host, whichever workers got them.
        expect(all.length).toBe(12);
        const perHost = new Map<string, number>();
        for (const a of all) perHost.set(a.host, (perHost.get(a.host) ?? 0) + 1);
        expect([...perHost.values()]).toEqual([3, 3, 3, 3]);
      } finally {
        for (const o of others) await o?.close();
      }
    });

    it('takes only rows due by dueBefore, oldest first, when dueBefore is earlier than now', async () => {
      const src = await makeSource(store());
      const a = await makeArticle(store(), src, 'a', { now: T0 + 10 });
      const b = await makeArticle(store(), src, 'b', { now: T0 + 20 });
      const c = await makeArticle(store(), src, 'c', { now: T0 + 30 });
      const due20 = await store().claimDueArticles(T0 + 100, 10, lease('w', T0 + 60_000), 10, T0 + 20);
      expect(ids(due20)).toEqual([a.id, b.id]);
      expect(await store().claimDueArticles(T0 + 100, 10, lease('w', T0 + 60_000), 10, T0 + 29)).toEqual([]);
      // Without dueBefore, now is the due cutoff.
      expect(ids(await store().claimDueArticles(T0 + 100, 10, lease('w', T0 + 60_000), 10))).toEqual([c.id]);
    });

    it("judges leases by now, not dueBefore: a crashed worker's expired lease comes back within the pass", async () => {
      const src = await makeSource(store());
      const a = await makeArticle(store(), src, 'a', { host: 'one.example', now: T0 });
      await makeArticle(store(), src, 'b', { host: 'one.example', now: T0 + 5 });
      const passStart = T0 + 10;
      expect(ids(await store().claimDueArticles(passStart, 1, lease('w1', T0 + 1000), 1, passStart))).toEqual([a.id]);
      // w1 crashes holding a. While its lease is live, the host is at its limit of 1.
      expect(await store().claimDueArticles(T0 + 500, 10, lease('w2', T0 + 5000), 1, passStart)).toEqual([]);
      // Past the expiry (later than the pass's due cutoff), a is due again and its lease no longer counts.
      const again = await store().claimDueArticles(T0 + 1001, 10, lease('w2', T0 + 5000), 1, passStart);
      expect(ids(again)).toEqual([a.id]);
      expect(await store().claimDueArticles(T0 + 1002, 10, lease('w3', T0 + 5000), 1, passStart)).toEqual([]);
    });

    it('keeps host limits over repeated rounds of concurrent claims and releases', async () => {
      const src = await makeSource(store());
      for (let i = 0; i < 30; i++) await makeArticle(store(), src, `r${i}`, { host: `h${i % 3}.example`, now: T0 + i });
      const others = await Promise.all([1, 2, 3].map(() => harness.openAnother(store())));
      const workers: Store[] = [...others.map((o) => o ?? store()), store()];
      const done = new Set<number>();
      try {
        for (let round = 0; round < 5; round++) {
          const batches = await Promise.all(workers.map((w, i) => w.claimDueArticles(T0 + 1000, 2, lease(`w${i}`, T0 + 60_000), 2)));
          const all = batches.flat();
          // Each round starts with no live lease: 3 hosts x 2, none claimed twice or claimed before.
          expect(all.length).toBe(6);
          expect(all.filter((a) => done.has(a.id))).toEqual([]);
          for (const host of ['h0.example', 'h1.example', 'h2.example']) {
            expect(all.filter((a) => a.host === host).length).toBe(2);
          }
          for (const a of all) {
            done.add(a.id);
            await store().updateArticle(a.id, { nextCheckAt: T0 + 999_999 });
          }
        }
      } finally {
        for (const o of others) await o?.close();
      }
    });

    it('claims nothing when limit or perHostLimit is zero', async () => {
      const src = await makeSource(store());
      await makeArticle(store(), src, 'a');
      expect(await store().claimDueArticles(T0, 0, lease('w', T0 + 1), 2)).toEqual([]);
      expect(await store().claimDueArticles(T0, 5, lease('w', T0 + 1), 0)).toEqual([]);
    });
  });
}
