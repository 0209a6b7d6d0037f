import { describe, expect, it } from 'vitest';
import type { WebSubSubscription } from '../../model/index.ts';
import { T0, freshStore, makeSource, sourceInput, type ContractHarness } from './fixtures.ts';

export function discoveryCases(harness: ContractHarness): void {
  describe(`${harness.name}: page sources, poll notes, WebSub`, () => {
    const store = freshStore(harness);

    it("keeps a source's type, link pattern and render mode; omitted ones are a plain feed", async () => {
      const page = await store().upsertSource(sourceInput('front', { type: 'page', linkPattern: '/news/\\d+', render: 'chromium' }), T0);
      expect(page).toMatchObject({ type: 'page', linkPattern: '/news/\\d+', render: 'chromium', lastNote: null });
      expect(await store().getSource('front')).toEqual(page);
      expect((await store().listSources())[0]).toMatchObject({ type: 'page', render: 'chromium' });
      const feed = await store().upsertSource(sourceInput('front'), T0);
      expect(feed).toMatchObject({ id: page.id, type: 'feed', linkPattern: null, render: 'http' });
      const [claimed] = await store().claimDueSources(T0, 5, { workerId: 'w', until: T0 + 60_000 });
      expect(claimed).toMatchObject({ type: 'feed', render: 'http' });
    });

    it('records a poll note and clears it with the next poll', async () => {
      const s = await makeSource(store(), 'noted');
      const poll = { at: T0, status: 'ok' as const, error: null, etag: null, lastModified: null, nextPollAt: T0 + 1 };
      await store().recordSourcePoll(s.id, { ...poll, note: 'recovered 3 items after an XML error at line 9' });
      expect((await store().getSource(s.id))!.lastNote).toBe('recovered 3 items after an XML error at line 9');
      await store().recordSourcePoll(s.id, poll);
      expect((await store().getSource(s.id))!.lastNote).toBeNull();
    });

    it('marks a source due sooner, never later, and only an enabled one', async () => {
      const s = await makeSource(store(), 'pushed');
      await store().recordSourcePoll(s.id, {
        at: T0,
        status: 'ok',
        error: null,
        etag: null,
        lastModified: null,
        nextPollAt: T0 + 3_600_000,
      });
      expect(await store().markSourceDue(s.id, T0 + 10)).toBe(true);
      expect((await store().getSource(s.id))!.nextPollAt).toBe(T0 + 10);
      expect(await store().markSourceDue(s.id, T0 + 99_000)).toBe(true);
      expect((await store().getSource(s.id))!.nextPollAt).toBe(T0 + 10);
      const manual = await store().upsertSource(sourceInput('manual', { feedUrl: '' }), T0);
      expect(await store().markSourceDue(manual.id, T0)).toBe(false);
      expect(await store().markSourceDue(s.id + 1000, T0)).toBe(false);
    });

    it('stores, replaces and cascades a WebSub subscription', async () => {
      const s = await makeSource(store(), 'hubbed');
      expect(await store().getWebSub(s.id)).toBeNull();
      const sub: WebSubSubscription = {
        sourceId: s.id,
        hubUrl: 'https://hub.example/',
        topicUrl: 'https://feed.example/rss',
        secret: 's3cret',
        state: 'requested',
        requestedAt: T0,
        leaseUntil: null,
        lastPushAt: null,
        lastError: null,
      };
      await store().saveWebSub(sub);
      expect(await store().getWebSub(s.id)).toEqual(sub);
      const active = { ...sub, state: 'active' as const, leaseUntil: T0 + 864_000_000, lastPushAt: T0 + 5 };
      await store().saveWebSub(active);
      expect(await store().getWebSub(s.id)).toEqual(active);
      await store().removeSource('hubbed');
      expect(await store().getWebSub(s.id)).toBeNull();
    });
  });
}
