import { describe, expect, it } from 'vitest';
import { T0, addNext, freshStore, makeArticle, makeSource, type ContractHarness } from './fixtures.ts';

const H = 3_600_000;

export function statisticsCases(harness: ContractHarness): void {
  describe(`${harness.name}: statistics`, () => {
    const store = freshStore(harness);

    async function newsroom() {
      const bbc = await makeSource(store(), 'bbc');
      const quiet = await makeSource(store(), 'quiet');
      // Seen (published) at T0; edited 30 minutes later (headline too), then 5 hours later.
      const a = await makeArticle(store(), bbc, 'a', { now: T0 });
      await addNext(store(), a, 'Old headline', ['One.'], T0);
      await addNext(store(), a, 'New headline', ['One.'], T0 + 0.5 * H);
      await addNext(store(), a, 'New headline', ['One, edited.'], T0 + 5 * H);
      // Published at T0 + 1h, edited 2 hours later.
      const b = await makeArticle(store(), bbc, 'b', { now: T0 + H });
      await addNext(store(), b, 'B', ['Two.'], T0 + H);
      await addNext(store(), b, 'B', ['Two, edited.'], T0 + 3 * H);
      // Never edited.
      const c = await makeArticle(store(), bbc, 'c', { now: T0 });
      await addNext(store(), c, 'C', ['Three.'], T0);
      return { bbc, quiet, a, b, c };
    }

    it('counts per source: articles, edited share, versions, first-edit delays, edits by hour, headline edits', async () => {
      const { bbc, quiet } = await newsroom();
      const stats = await store().sourceStatistics(6);
      const s = stats.find((x) => x.sourceId === bbc.id)!;
      expect(s).toEqual({
        sourceId: bbc.id,
        articles: 3,
        editedArticles: 2,
        versions: 6,
        edits: 3,
        headlineEdits: 1,
        firstEditDelays: [0.5 * H, 2 * H],
        editsByHour: [1, 0, 1, 0, 0, 1],
      });
      expect(stats.find((x) => x.sourceId === quiet.id)).toEqual({
        sourceId: quiet.id,
        articles: 0,
        editedArticles: 0,
        versions: 0,
        edits: 0,
        headlineEdits: 0,
        firstEditDelays: [],
        editsByHour: [0, 0, 0, 0, 0, 0],
      });
    });

    it('leaves hidden articles and versions out', async () => {
      const { bbc, a, b } = await newsroom();
      await store().setArticleHidden(a.id, { at: T0, reason: 'court order' });
      await store().setVersionHidden(b.id, 2, { at: T0, reason: 'court order' });
      const s = (await store().sourceStatistics(6)).find((x) => x.sourceId === bbc.id)!;
      expect(s).toMatchObject({ articles: 2, edits: 0, headlineEdits: 0, firstEditDelays: [], editsByHour: [0, 0, 0, 0, 0, 0] });
      expect(await store().mostEdited(T0, 10)).toEqual([]);
    });

    it('lists the most edited articles since a time', async () => {
      const { a, b } = await newsroom();
      const all = await store().mostEdited(T0, 10);
      expect(all.map((m) => [m.article.id, m.edits, m.lastEditAt])).toEqual([
        [a.id, 2, T0 + 5 * H],
        [b.id, 1, T0 + 3 * H],
      ]);
      expect(all[0].article.sourceKey).toBe('bbc');
      expect((await store().mostEdited(T0 + 2.5 * H, 10)).map((m) => [m.article.id, m.edits])).toEqual([
        [a.id, 1],
        [b.id, 1],
      ]);
      expect(await store().mostEdited(T0 + 6 * H, 10)).toEqual([]);
      expect(await store().mostEdited(T0, 1)).toHaveLength(1);
    });
  });
}
