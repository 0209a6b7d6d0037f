import { describe, expect, it } from 'vitest';
import { T0, freshStore, makeArticle, makeSource, type ContractHarness } from './fixtures.ts';

export function opsCases(harness: ContractHarness): void {
  describe(`${harness.name}: admin tokens and sessions`, () => {
    const store = freshStore(harness);

    it('finds live tokens by hash only, records their use, refuses duplicate names, revokes with their sessions', async () => {
      const alice = await store().createAdminToken('alice', 'hash-a', T0);
      await store().createAdminToken('bob', 'hash-b', T0 + 1);
      await expect(store().createAdminToken('alice', 'hash-c', T0)).rejects.toMatchObject({ kind: 'usage' });
      expect(await store().useAdminToken('nope', T0)).toBeNull();
      expect(await store().useAdminToken('hash-a', T0 + 5)).toMatchObject({ id: alice.id, name: 'alice', lastUsedAt: T0 + 5 });
      expect((await store().listAdminTokens()).map((t) => [t.name, t.lastUsedAt, t.revokedAt])).toEqual([
        ['alice', T0 + 5, null],
        ['bob', null, null],
      ]);

      await store().createAdminSession('sess-1', alice.id, T0, T0 + 1000);
      expect(await store().getAdminSession('sess-1', T0 + 10)).toMatchObject({ name: 'alice' });
      expect(await store().getAdminSession('sess-1', T0 + 1000)).toBeNull(); // expired
      expect(await store().getAdminSession('other', T0)).toBeNull();
      await store().createAdminSession('sess-2', alice.id, T0, T0 + 1000);
      await store().deleteAdminSession('sess-2');
      expect(await store().getAdminSession('sess-2', T0)).toBeNull();

      await store().createAdminSession('sess-3', alice.id, T0, T0 + 1000);
      expect(await store().revokeAdminToken('alice', T0 + 20)).toBe(true);
      expect(await store().revokeAdminToken('alice', T0 + 21)).toBe(false);
      expect(await store().useAdminToken('hash-a', T0 + 30)).toBeNull();
      expect(await store().getAdminSession('sess-3', T0 + 30)).toBeNull();
      expect((await store().listAdminTokens())[0].revokedAt).toBe(T0 + 20);
    });
  });

  describe(`${harness.name}: heartbeats, discoveries, backlog`, () => {
    const store = freshStore(harness);

    it('keeps one heartbeat row per worker, newest first, forgetting workers silent for a day', async () => {
      const beat = (workerId: string, beatAt: number, passes: number) =>
        store().recordHeartbeat({ workerId, role: 'all', startedAt: T0, beatAt, passes, lastPass: { checked: passes } });
      await beat('w1', T0, 1);
      await beat('w2', T0 + 5, 1);
      await beat('w1', T0 + 10, 2);
      expect((await store().listHeartbeats()).map((h) => [h.workerId, h.beatAt, h.passes, h.lastPass.checked])).toEqual([
        ['w1', T0 + 10, 2, 2],
        ['w2', T0 + 5, 1, 1],
      ]);
      await store().removeHeartbeat('w1');
      expect((await store().listHeartbeats()).map((h) => h.workerId)).toEqual(['w2']);
      await beat('w3', T0 + 25 * 3600_000, 1);
      expect((await store().listHeartbeats()).map((h) => h.workerId)).toEqual(['w3']);
    });

    it('lists when a source last found articles, newest first, and counts the due backlog', async () => {
      const a = await makeSource(store(), 'a');
      const b = await makeSource(store(), 'b');
      for (const [i, at] of [T0 + 30, T0 + 10, T0 + 20].entries()) await makeArticle(store(), a, `a${i}`, { now: at });
      const retired = await makeArticle(store(), b, 'b0', { now: T0 + 5 });
      expect(await store().recentDiscoveries(a.id, 2)).toEqual([T0 + 30, T0 + 20]);
      expect(await store().recentDiscoveries(b.id, 10)).toEqual([T0 + 5]);
      expect(await store().countDueArticles(T0 + 20)).toBe(3);
      await store().updateArticle(retired.id, { status: 'retired', nextCheckAt: null });
      expect(await store().countDueArticles(T0 + 100)).toBe(3);
    });
  });
}
