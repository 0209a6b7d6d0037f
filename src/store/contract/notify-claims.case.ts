import { describe, expect, it } from 'vitest';
import type { Article, SubscriptionInput } from '../../model/index.ts';
import type { Store } from '../store.ts';
import { T0, addNext, freshStore, makeArticle, makeSource, type ContractHarness } from './fixtures.ts';
import { subscriptionInput } from '../testdata/subscription.ts';

const lease = (workerId: string, until = T0 + 60_000) => ({ workerId, until });

/** Leased delivery claims: attempts, outcomes, redelivery, social lanes, digest batches. */
export function notifyClaimCases(harness: ContractHarness): void {
  describe(`${harness.name}: delivery claims`, () => {
    const store = freshStore(harness);

    async function changes(n: number, over: Partial<SubscriptionInput> = {}, articles = 1) {
      const source = await makeSource(store());
      const sub = await store().addSubscription(subscriptionInput(over), 'active', T0);
      const list: Article[] = [];
      for (let i = 0; i < articles; i++) {
        const a = await makeArticle(store(), source, `a${i}`);
        await addNext(store(), a, 't', ['v1'], T0);
        list.push(a);
      }
      for (let i = 0; i < n; i++) await addNext(store(), list[i % articles], 't', [`v${i + 2}`], T0 + i);
      return { sub, articles: list };
    }

    it('leases due deliveries, counts the attempt and gives expired leases back', async () => {
      await changes(3);
      const first = await store().claimDueDeliveries(T0 + 10, 2, lease('w1'));
      expect(first.map((b) => b.deliveries.map((d) => d.attempts))).toEqual([[1], [1]]);
      expect(first[0].subscription.channel).toBe('webhook');
      const second = await store().claimDueDeliveries(T0 + 10, 5, lease('w2', T0 + 600_000));
      expect(second).toHaveLength(1);
      expect(await store().claimDueDeliveries(T0 + 10, 5, lease('w3'))).toHaveLength(0);
      // w1 crashed: its lease runs out and the deliveries come back, attempt 2.
      const again = await store().claimDueDeliveries(T0 + 60_001, 5, lease('w3', T0 + 120_000));
      expect(again.flatMap((b) => b.deliveries.map((d) => d.attempts)).sort()).toEqual([2, 2]);
    });

    it('gives disjoint deliveries to concurrent claimers', async () => {
      await changes(12);
      const others = await Promise.all([1, 2, 3].map(() => harness.openAnother(store())));
      const claimers: Store[] = [store(), ...others.map((o) => o ?? store())];
      try {
        const got = await Promise.all(claimers.map((c, i) => c.claimDueDeliveries(T0 + 100, 4, lease(`w${i}`))));
        const ids = got.flat().flatMap((b) => b.deliveries.map((d) => d.id));
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(12);
      } finally {
        for (const o of others) await o?.close();
      }
    });

    it('records outcomes: sent, retried later, failed; and redelivers with the same key', async () => {
      await changes(3);
      const [a, b, c] = (await store().claimDueDeliveries(T0 + 10, 3, lease('w'))).map((x) => x.deliveries[0]);
      await store().completeDeliveries([a.id], { ok: true, at: T0 + 20, durationMs: 12, response: 'HTTP 200' });
      await store().completeDeliveries([b.id], { ok: false, at: T0 + 20, durationMs: 5, error: 'HTTP 503', retryAt: T0 + 30_000 });
      await store().completeDeliveries([c.id], { ok: false, at: T0 + 20, durationMs: 5, error: 'HTTP 410', retryAt: null });
      expect(await store().getDelivery(a.id)).toMatchObject({ status: 'sent', sentAt: T0 + 20, response: 'HTTP 200', lastError: null });
      expect(await store().getDelivery(b.id)).toMatchObject({ status: 'pending', nextAttemptAt: T0 + 30_000, lastError: 'HTTP 503' });
      expect(await store().getDelivery(c.id)).toMatchObject({ status: 'failed', lastError: 'HTTP 410' });
      expect(await store().listDeliveryAttempts(b.id)).toEqual([
        expect.objectContaining({ attempt: 1, ok: false, error: 'HTTP 503', durationMs: 5, at: T0 + 20 }),
      ]);
      expect(await store().claimDueDeliveries(T0 + 29_999, 5, lease('w'))).toHaveLength(0);
      const [retry] = await store().claimDueDeliveries(T0 + 30_000, 5, lease('w', T0 + 90_000));
      expect(retry.deliveries[0]).toMatchObject({ id: b.id, attempts: 2 });
      const again = await store().redeliver(a.id, T0 + 40_000);
      expect(again).toMatchObject({ status: 'pending', redelivery: true, key: a.key, retryFrom: T0 + 40_000 });
      const [re] = await store().claimDueDeliveries(T0 + 40_000, 5, lease('w', T0 + 90_000));
      expect(re.deliveries[0]).toMatchObject({ id: a.id, key: a.key, attempts: 2 });
      expect(await store().redeliver(b.id, T0)).toMatchObject({ status: 'pending', redelivery: false }); // pending: left alone
      const page1 = await store().listDeliveries({ limit: 2 });
      const page2 = await store().listDeliveries({ limit: 2, cursor: page1.nextCursor });
      expect([...page1.items, ...page2.items].map((d) => d.id)).toEqual([c.id, b.id, a.id]);
      expect(page2.nextCursor).toBeNull();
      expect((await store().listDeliveries({ limit: 10, status: 'failed' })).items.map((d) => d.id)).toEqual([c.id]);
    });

    it('keeps a cancelled delivery cancelled when its attempt ends', async () => {
      const { sub } = await changes(1);
      const [batch] = await store().claimDueDeliveries(T0 + 10, 1, lease('w'));
      await store().unsubscribe(sub.id, T0 + 11);
      await store().completeDeliveries([batch.deliveries[0].id], { ok: true, at: T0 + 12, durationMs: 1 });
      expect(await store().getDelivery(batch.deliveries[0].id)).toMatchObject({ status: 'cancelled' });
    });

    it("posts one at a time per social account, each article in order, at the lane's pace", async () => {
      const { articles } = await changes(4, { channel: 'mastodon', address: 'main' }, 2);
      const [first] = await store().claimDueDeliveries(T0 + 10, 10, lease('w'));
      expect(first.deliveries.map((d) => [d.articleId, d.versionNumber])).toEqual([[articles[0].id, 2]]);
      expect(await store().claimDueDeliveries(T0 + 10, 10, lease('w2'))).toHaveLength(0); // the lane is busy
      await store().completeDeliveries([first.deliveries[0].id], {
        ok: true,
        at: T0 + 20,
        durationMs: 1,
        laneNextAt: T0 + 300_000,
        thread: { lane: 'mastodon:main', articleId: articles[0].id, rootId: '101', rootCid: null, lastId: '101', lastCid: null },
      });
      expect(await store().claimDueDeliveries(T0 + 299_999, 10, lease('w', T0 + 400_000))).toHaveLength(0);
      const [second] = await store().claimDueDeliveries(T0 + 300_000, 10, lease('w', T0 + 400_000));
      expect(second.deliveries.map((d) => [d.articleId, d.versionNumber])).toEqual([[articles[1].id, 2]]);
      // A failed post frees the lane at once, but article 1's later post waits behind its retry.
      await store().completeDeliveries([second.deliveries[0].id], {
        ok: false,
        at: T0 + 300_001,
        durationMs: 1,
        error: 'HTTP 502',
        retryAt: T0 + 900_000,
      });
      const [third] = await store().claimDueDeliveries(T0 + 300_002, 10, lease('w', T0 + 400_000));
      expect(third.deliveries.map((d) => [d.articleId, d.versionNumber])).toEqual([[articles[0].id, 3]]);
      expect(await store().getSocialThread('mastodon:main', articles[0].id)).toMatchObject({ rootId: '101', lastId: '101' });
      await store().completeDeliveries([third.deliveries[0].id], {
        ok: true,
        at: T0 + 300_003,
        durationMs: 1,
        thread: { lane: 'mastodon:main', articleId: articles[0].id, rootId: '101', rootCid: null, lastId: '202', lastCid: null },
      });
      expect(await store().getSocialThread('mastodon:main', articles[0].id)).toMatchObject({ rootId: '101', lastId: '202' });
      expect(await store().getSocialThread('mastodon:other', articles[0].id)).toBeNull();
    });

    it('claims the due changes of a digest subscription as one batch', async () => {
      const hour = 3_600_000;
      const { sub } = await changes(3, { channel: 'email', address: 'd@example.org', digest: 'hourly' });
      const due = Math.floor(T0 / hour) * hour + hour;
      expect(await store().claimDueDeliveries(due - 1, 10, lease('w', due + 60_000))).toHaveLength(0);
      const batches = await store().claimDueDeliveries(due, 1, lease('w', due + 60_000));
      expect(batches).toHaveLength(1);
      expect(batches[0].subscription.id).toBe(sub.id);
      expect(batches[0].deliveries.map((d) => d.versionNumber)).toEqual([2, 3, 4]);
      await store().completeDeliveries(
        batches[0].deliveries.map((d) => d.id),
        { ok: true, at: due + 5, durationMs: 3 },
      );
      expect((await store().listDeliveries({ limit: 10, status: 'sent' })).items).toHaveLength(3);
    });
  });
}
