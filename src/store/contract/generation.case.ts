import { describe, expect, it } from 'vitest';
import type { Store } from '../store.ts';
import { T0, addNext, freshStore, makeArticle, makeSource, type ContractHarness } from './fixtures.ts';

/** Runs `write` and answers whether the reader generation moved (it must only ever grow). */
async function bumps(store: Store, write: () => Promise<unknown>): Promise<boolean> {
  const before = await store.readerGeneration();
  await write();
  const after = await store.readerGeneration();
  expect(after).toBeGreaterThanOrEqual(before);
  return after > before;
}

export function generationCases(harness: ContractHarness): void {
  describe(`${harness.name}: reader generation`, () => {
    const store = freshStore(harness);

    it('grows with every write a reader could see, and only then', async () => {
      const s = () => store();
      const g0 = await s().readerGeneration();
      expect(Number.isSafeInteger(g0)).toBe(true);
      const source = await makeSource(s(), 'gen');
      const article = await makeArticle(s(), source, 'story');
      await addNext(s(), article, 'First', ['One.'], T0 + 1);
      expect(await s().readerGeneration()).toBeGreaterThan(g0);

      // Reads leave it alone.
      expect(
        await bumps(s(), async () => {
          await s().listChanges({ limit: 10 });
          await s().getArticle(article.id);
          await s().listSources();
          await s().search({ text: 'one', limit: 10 });
          await s().listVersions(article.id);
          await s().stats();
        }),
      ).toBe(false);

      // Writes a reader sees, each on its own.
      expect(await bumps(s(), () => addNext(s(), article, 'Second', ['One.', 'Two.'], T0 + 2))).toBe(true);
      expect(await bumps(s(), () => s().updateArticle(article.id, { status: 'removed' }))).toBe(true);
      expect(
        await bumps(s(), () => s().addEvent({ articleId: article.id, at: T0 + 4, kind: 'removed', versionNumber: null, detail: null })),
      ).toBe(true);
      expect(await bumps(s(), () => s().setVersionHidden(article.id, 2, { at: T0 + 5, reason: 'legal' }))).toBe(true);
      expect(await bumps(s(), () => s().setVersionHidden(article.id, 2, null))).toBe(true);
      expect(await bumps(s(), () => s().setArticleHidden(article.id, { at: T0 + 6, reason: 'takedown' }))).toBe(true);
      expect(await bumps(s(), () => s().setArticleHidden(article.id, null))).toBe(true);
      expect(await bumps(s(), () => s().setSourcePaused('gen', T0 + 7))).toBe(true);
      expect(await bumps(s(), () => s().upsertSource({ ...source, name: 'Renamed', include: [], exclude: [] }, T0 + 8))).toBe(true);
      expect(
        await bumps(s(), () =>
          s().recordSourcePoll(source.id, {
            at: T0 + 9,
            status: 'ok',
            error: null,
            etag: null,
            lastModified: null,
            nextPollAt: T0 + 99,
          }),
        ),
      ).toBe(false); // a feed poll's outcome is a quiet column too
      // A check that only reschedules (quiet columns, migration 12) is shown at most one clock slot late instead.
      expect(
        await bumps(s(), () =>
          s().updateArticle(article.id, {
            status: 'removed', // unchanged: the article is removed already
            lastCheckedAt: T0 + 3,
            nextCheckAt: T0 + 60,
            lastError: 'timeout',
            etag: '"e"',
          }),
        ),
      ).toBe(false);
      expect((await s().getArticle(article.id))?.lastError).toBe('timeout');
      expect(await bumps(s(), () => s().removeArticle(article.id))).toBe(true);

      // A worker's heartbeat and admin tokens are on no public page.
      expect(
        await bumps(s(), async () => {
          await s().recordHeartbeat({ workerId: 'w1', role: 'worker', startedAt: T0, beatAt: T0, passes: 1, lastPass: {} });
          await s().createAdminToken('alice', 'hash', T0);
        }),
      ).toBe(false);
    });

    it('a write through another connection (another process) moves it for this one', async () => {
      const other = await harness.openAnother(store());
      if (!other) return; // SQLite: one connection per process; store/generation.test.ts opens a second one on the file
      try {
        const source = await makeSource(other, 'elsewhere');
        const article = await makeArticle(other, source, 'far');
        const before = await store().readerGeneration();
        await addNext(other, article, 'Far', ['Away.'], T0 + 1);
        expect(await store().readerGeneration()).toBeGreaterThan(before);
        // Concurrent writers on both connections: every commit counts, none blocks the other.
        const g = await store().readerGeneration();
        await Promise.all([
          other.updateArticle(article.id, { status: 'removed' }),
          store().addEvent({ articleId: article.id, at: T0 + 3, kind: 'removed', versionNumber: null, detail: null }),
        ]);
        expect(await other.readerGeneration()).toBeGreaterThanOrEqual(g + 2);
      } finally {
        await other.close();
      }
    });
  });
}
