import { describe, expect, it } from 'vitest';
import type { Change } from '../../model/index.ts';
import type { Store } from '../store.ts';
import { T0, addNext, freshStore, makeArticle, makeSource, type ContractHarness } from './fixtures.ts';

const changeKey = (c: Change) => (c.type === 'version' ? `v${c.article.id}.${c.version.number}` : `e${c.event.id}:${c.event.kind}`);

async function allChanges(store: Store, q: { sourceId?: number; articleId?: number }, limit: number): Promise<Change[]> {
  const out: Change[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listChanges({ ...q, limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export function readingCases(harness: ContractHarness): void {
  describe(`${harness.name}: recent changes`, () => {
    const store = freshStore(harness);

    it('lists new versions and notable events newest first, paginated without duplicates or gaps', async () => {
      const a = await makeSource(store(), 'a');
      const b = await makeSource(store(), 'b');
      const x = await makeArticle(store(), a, 'x');
      const y = await makeArticle(store(), b, 'y');
      // Many rows share timestamps, so the order must break ties itself.
      for (let i = 0; i < 6; i++) {
        await addNext(store(), x, `x${i}`, [`x ${i}`], T0 + Math.floor(i / 2) * 10);
        await addNext(store(), y, `y${i}`, [`y ${i}`], T0 + Math.floor(i / 2) * 10);
      }
      for (const kind of ['removed', 'restored', 'revert', 'error', 'retired'] as const) {
        await store().addEvent({ articleId: y.id, at: T0 + 10, kind, versionNumber: kind === 'revert' ? 2 : null, detail: null });
      }
      const full = await allChanges(store(), {}, 1000);
      // Versions 2..6 of both articles and 3 notable events; version 1, errors and retirements are not changes.
      expect(full).toHaveLength(13);
      expect(full.map(changeKey).filter((k) => k.endsWith('.1'))).toEqual([]);
      expect(
        full
          .filter((c) => c.type === 'event')
          .map((c) => (c.type === 'event' ? c.event.kind : ''))
          .sort(),
      ).toEqual(['removed', 'restored', 'revert']);
      for (let i = 1; i < full.length; i++) expect(full[i - 1].at).toBeGreaterThanOrEqual(full[i].at);
      expect(full[0]).toMatchObject({ type: 'version', at: T0 + 20, article: { sourceKey: expect.any(String) } });
      for (const size of [1, 4, 5]) expect((await allChanges(store(), {}, size)).map(changeKey)).toEqual(full.map(changeKey));
      const ofA = await allChanges(store(), { sourceId: a.id }, 2);
      expect(ofA.map(changeKey)).toEqual(full.filter((c) => c.article.id === x.id).map(changeKey));
      const ofY = await allChanges(store(), { articleId: y.id }, 3);
      expect(ofY.map(changeKey)).toEqual(full.filter((c) => c.article.id === y.id).map(changeKey));
      await expect(store().listChanges({ limit: 2, cursor: 'garbage!' })).rejects.toMatchObject({ kind: 'usage' });
    });
  });

  describe(`${harness.name}: search and stats`, () => {
    const store = freshStore(harness);

    async function newsroom() {
      const bbc = await makeSource(store(), 'bbc');
      const npr = await makeSource(store(), 'npr');
      const pm = await makeArticle(store(), bbc, 'pm');
      await addNext(
        store(),
        pm,
        'Prime Minister visits Leeds',
        ['The prime minister met workers at a factory.', 'He promised a new railway.'],
        T0 + 1,
      );
      // Version 2 removes the railway promise: only version 1 still holds it.
      await addNext(store(), pm, 'Prime Minister visits Leeds', ['The prime minister met workers at a factory.'], T0 + 2);
      const storm = await makeArticle(store(), npr, 'storm');
      await addNext(store(), storm, 'Storm closes railway line', ['A minister said the line would reopen.'], T0 + 3);
      const other = await makeArticle(store(), bbc, 'other');
      await addNext(store(), other, 'Markets', ['Shares rose in ZÜRICH and Paris.'], T0 + 4);
      return { bbc, npr, pm, storm, other };
    }

    it('finds words and phrases, case-insensitively, newest matching article first', async () => {
      const { pm, storm, other } = await newsroom();
      const railway = await store().search({ text: 'Railway', limit: 10 });
      expect(railway.items.map((h) => h.article.id)).toEqual([storm.id, pm.id]);
      expect(railway.items[0].article.sourceKey).toBe('npr');
      const phrase = await store().search({ text: '"prime minister" factory', limit: 10 });
      expect(phrase.items.map((h) => h.article.id)).toEqual([pm.id]);
      expect(phrase.items[0].versions.map((v) => v.number)).toEqual([2, 1]);
      expect(phrase.items[0].versions[0]).toMatchObject({ capturedAt: T0 + 2, title: 'Prime Minister visits Leeds' });
      expect(phrase.items[0].versions[0].snippet.toLowerCase()).toContain('prime minister');
      expect(phrase.items[0].versions[1].snippet.toLowerCase()).toContain('prime minister');
      // A page showing one extract per article asks for the newest matching version's only: the same hits otherwise.
      const newest = await store().search({ text: '"prime minister" factory', limit: 10, snippets: 'newest' });
      expect(newest.items[0].versions.map((v) => v.snippet)).toEqual([phrase.items[0].versions[0].snippet, '']);
      expect(newest.items.map((h) => ({ ...h, versions: h.versions.map(({ snippet: _, ...v }) => v) }))).toEqual(
        phrase.items.map((h) => ({ ...h, versions: h.versions.map(({ snippet: _, ...v }) => v) })),
      );
      // The words occur in the storm article but not as the phrase.
      expect((await store().search({ text: '"minister said"', limit: 10 })).items.map((h) => h.article.id)).toEqual([storm.id]);
      expect((await store().search({ text: '"said minister"', limit: 10 })).items).toEqual([]);
      expect((await store().search({ text: 'zürich', limit: 10 })).items.map((h) => h.article.id)).toEqual([other.id]);
      // Headlines are searched too.
      expect((await store().search({ text: 'leeds', limit: 10 })).items.map((h) => h.article.id)).toEqual([pm.id]);
    });

    it('finds text that only an old version still has', async () => {
      const { pm } = await newsroom();
      const hits = await store().search({ text: 'promised railway', limit: 10 });
      expect(hits.items.map((h) => h.article.id)).toEqual([pm.id]);
      expect(hits.items[0].versions.map((v) => v.number)).toEqual([1]);
      expect(hits.items[0].versions[0].snippet).toContain('promised');
    });

    it('filters by source and paginates by article', async () => {
      const { bbc, pm, storm } = await newsroom();
      expect((await store().search({ text: 'railway', sourceId: bbc.id, limit: 10 })).items.map((h) => h.article.id)).toEqual([pm.id]);
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await store().search({ text: 'minist*', limit: 1, cursor });
        expect(page.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.items.map((h) => h.article.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([storm.id, pm.id]);
    });

    it('stems English words and matches prefixes typed with *', async () => {
      const { pm, storm } = await newsroom();
      // "promises railways" stems to the same words as "promised a new railway".
      expect((await store().search({ text: 'promises railways', limit: 10 })).items.map((h) => h.article.id)).toEqual([pm.id]);
      expect((await store().search({ text: 'reopening', limit: 10 })).items.map((h) => h.article.id)).toEqual([storm.id]);
      expect((await store().search({ text: 'facto*', limit: 10 })).items.map((h) => h.article.id)).toEqual([pm.id]);
      expect((await store().search({ text: '"prime minis"*', limit: 10 })).items.map((h) => h.article.id)).toEqual([pm.id]);
      expect((await store().search({ text: 'facto', limit: 10 })).items).toEqual([]);
    });

    it('filters by capture time: from inclusive, to exclusive', async () => {
      const { pm, storm } = await newsroom();
      const ids = async (from?: number, to?: number) =>
        (await store().search({ text: 'railway', from, to, limit: 10 })).items.map((h) => h.article.id);
      expect(await ids(T0 + 3)).toEqual([storm.id]);
      expect(await ids(undefined, T0 + 3)).toEqual([pm.id]);
      expect(await ids(T0 + 2, T0 + 3)).toEqual([]);
      const hit = (await store().search({ text: 'factory', from: T0 + 2, limit: 10 })).items[0];
      expect(hit.versions.map((v) => v.number)).toEqual([2]);
    });

    it('never throws on hostile query strings', async () => {
      await newsroom();
      for (const text of ['"', '*', 'AND OR (', ')', 'NEAR(a b)', 'col:term', '^x', '-', "'", '\\', '"a" "', 'prime*', '', '   ', '%_']) {
        const page = await store().search({ text, limit: 5 });
        expect(Array.isArray(page.items)).toBe(true);
      }
      expect((await store().search({ text: 'prime*', limit: 5 })).items).toHaveLength(1);
    });

    it('counts sources, articles and versions', async () => {
      expect(await store().stats()).toEqual({ sources: 0, articles: 0, versions: 0 });
      await newsroom();
      expect(await store().stats()).toEqual({ sources: 2, articles: 3, versions: 4 });
    });
  });
}
