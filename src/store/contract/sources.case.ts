import { describe, expect, it } from 'vitest';
import type { Store } from '../store.ts';
import { T0, freshStore, makeArticle, makeSource, sourceInput, type ContractHarness } from './fixtures.ts';

export function sourceCases(harness: ContractHarness): void {
  describe(`${harness.name}: sources`, () => {
    const store = freshStore(harness);

    it('creates a source due at once and updates it by key', async () => {
      const created = await store().upsertSource(sourceInput('bbc', { exclude: ['/sport/'] }), T0);
      expect(created).toMatchObject({ key: 'bbc', enabled: true, createdAt: T0, nextPollAt: T0, lastPollAt: null, exclude: ['/sport/'] });
      await store().recordSourcePoll(created.id, {
        at: T0 + 1,
        status: 'ok',
        error: null,
        etag: 'e1',
        lastModified: null,
        nextPollAt: T0 + 300_000,
      });
      const updated = await store().upsertSource(sourceInput('bbc', { name: 'BBC News', pollPeriodSec: 60, include: ['/news/'] }), T0 + 5);
      expect(updated).toMatchObject({ id: created.id, name: 'BBC News', pollPeriodSec: 60, include: ['/news/'], exclude: [] });
      // Its schedule and poll state survive a config re-sync.
      expect(updated).toMatchObject({ createdAt: T0, nextPollAt: T0 + 300_000, etag: 'e1', lastStatus: 'ok' });
      expect(await store().getSource('bbc')).toEqual(updated);
      expect(await store().getSource(created.id)).toEqual(updated);
      expect(await store().getSource('nope')).toBeNull();
      expect(await store().getSource(created.id + 100)).toBeNull();
    });

    it('never claims a source without a feed (the manual source)', async () => {
      const manual = await store().upsertSource(sourceInput('manual', { feedUrl: '' }), T0);
      expect(manual.enabled).toBe(false);
      const feed = await store().upsertSource(sourceInput('feed'), T0);
      const claimed = await store().claimDueSources(T0 + 1, 10, { workerId: 'w', until: T0 + 60_000 });
      expect(claimed.map((s) => s.id)).toEqual([feed.id]);
    });

    it('lists sources with article and version counts', async () => {
      const a = await makeSource(store(), 'a');
      await makeSource(store(), 'b');
      const article = await makeArticle(store(), a, 'one');
      await makeArticle(store(), a, 'two');
      await store().addVersion(article.id, 1, {
        title: 't',
        byline: null,
        published: null,
        paragraphs: ['p'],
        fingerprint: 'f',
        extractorVersion: 'x',
        capturedAt: T0,
        rawHtml: null,
        wordsAdded: 0,
        wordsRemoved: 0,
      });
      const list = await store().listSources();
      expect(list.map((s) => [s.key, s.articleCount, s.versionCount])).toEqual([
        ['a', 2, 1],
        ['b', 0, 0],
      ]);
    });

    it('removes a source with its articles', async () => {
      const a = await makeSource(store(), 'a');
      const article = await makeArticle(store(), a, 'one');
      expect(await store().removeSource('a')).toBe(true);
      expect(await store().removeSource('a')).toBe(false);
      expect(await store().getArticle(article.id)).toBeNull();
      expect((await store().stats()).articles).toBe(0);
    });

    it('claims due sources under a lease and releases them on poll', async () => {
      const a = await makeSource(store(), 'a');
      const b = await store().upsertSource(sourceInput('b'), T0 + 10_000); // not due until T0+10s
      const first = await store().claimDueSources(T0, 10, { workerId: 'w1', until: T0 + 60_000 });
      expect(first.map((s) => s.key)).toEqual(['a']);
      expect(await store().claimDueSources(T0 + 20_000, 10, { workerId: 'w2', until: T0 + 80_000 })).toMatchObject([{ key: 'b' }]);
      // a is leased to w1 until T0+60s: nobody else gets it before then...
      expect(await store().claimDueSources(T0 + 30_000, 10, { workerId: 'w3', until: T0 + 90_000 })).toEqual([]);
      // ...and after the lease expires (w1 crashed) it comes back.
      expect(await store().claimDueSources(T0 + 61_000, 10, { workerId: 'w3', until: T0 + 120_000 })).toMatchObject([{ key: 'a' }]);
      await store().recordSourcePoll(b.id, {
        at: T0 + 21_000,
        status: 'error',
        error: 'timeout',
        etag: null,
        lastModified: 'Mon',
        nextPollAt: T0 + 25_000,
      });
      expect(await store().getSource(b.id)).toMatchObject({
        lastStatus: 'error',
        lastError: 'timeout',
        lastPollAt: T0 + 21_000,
        lastModified: 'Mon',
      });
      // Released: due again at its next poll time even though w2's lease would still run.
      expect(await store().claimDueSources(T0 + 26_000, 10, { workerId: 'w4', until: T0 + 90_000 })).toMatchObject([{ key: 'b' }]);
      expect(a.id).not.toBe(b.id);
    });

    it('hands each due source to exactly one of several concurrent claimers, oldest due first', async () => {
      for (let i = 0; i < 12; i++) await store().upsertSource(sourceInput(`s${String(i).padStart(2, '0')}`), T0 + i);
      const others = await Promise.all([1, 2, 3].map(() => harness.openAnother(store())));
      const workers: Store[] = [...others.map((o) => o ?? store()), store()];
      try {
        const batches = await Promise.all(workers.map((w, i) => w.claimDueSources(T0 + 100, 4, { workerId: `w${i}`, until: T0 + 60_000 })));
        const keys = batches.flat().map((s) => s.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.length).toBe(12); // 4 claimers x 4 > 12 due: every source, once
        for (const batch of batches) {
          const due = batch.map((s) => s.nextPollAt);
          expect(due).toEqual([...due].sort((x, y) => x - y));
        }
        expect(await store().claimDueSources(T0 + 100, 10, { workerId: 'late', until: T0 + 60_000 })).toEqual([]);
      } finally {
        for (const o of others) await o?.close();
      }
    });
  });
}
