import { describe, expect, it } from 'vitest';
import type { Article, Change, ChangeLabel, ChangeLevel, VersionChange } from '../../model/index.ts';
import type { ChangeBrief, ChangeQuery, Store } from '../store.ts';
import { T0, freshStore, makeArticle, makeSource, versionInput, type ContractHarness } from './fixtures.ts';

const changeKey = (c: Change) => (c.type === 'version' ? `v${c.article.id}.${c.version.number}` : `e${c.article.id}:${c.event.kind}`);

const change = (level: ChangeLevel, ...labels: ChangeLabel[]): VersionChange => ({
  labels,
  level,
  titleChanged: labels.includes('headline-changed'),
  preview: null,
});

async function add(store: Store, article: Article, number: number, at: number, c: VersionChange | null) {
  return store.addVersion(
    article.id,
    number,
    versionInput(`${article.url} v${number}`, [`text ${number} of ${article.url}`], { capturedAt: at, change: c }),
  );
}

async function every(store: Store, q: Omit<ChangeQuery, 'limit' | 'cursor'>, limit: number): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listChanges({ ...q, limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items.map(changeKey));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * Two sources. x: v2 typo fix (minor), v3 correction notice + number (major), v4 headline change (major).
 * y: v2 a sentence reworded (substantive), v3 paragraphs removed + headline (major), v4 never labelled,
 * then a takedown. Captures interleave, some at the same instant.
 */
async function newsroom(store: Store) {
  const a = await makeSource(store, 'a');
  const b = await makeSource(store, 'b');
  const x = await makeArticle(store, a, 'x');
  const y = await makeArticle(store, b, 'y');
  await add(store, x, 1, T0, null);
  await add(store, y, 1, T0, null);
  await add(store, x, 2, T0 + 10, change('minor', 'typo-only'));
  await add(store, y, 2, T0 + 10, change('substantive', 'reworded'));
  await add(store, x, 3, T0 + 20, change('major', 'number-changed', 'notice-added'));
  await add(store, y, 3, T0 + 30, change('major', 'headline-changed', 'paragraphs-removed'));
  await add(store, x, 4, T0 + 30, change('major', 'headline-changed'));
  await add(store, y, 4, T0 + 40, null);
  await store.addEvent({ articleId: y.id, at: T0 + 50, kind: 'removed', versionNumber: null, detail: null });
  await store.addEvent({ articleId: x.id, at: T0 + 50, kind: 'revert', versionNumber: 1, detail: null });
  return { a, b, x, y };
}

export function significanceCases(harness: ContractHarness): void {
  describe(`${harness.name}: changes filtered by level and label`, () => {
    const store = freshStore(harness);

    it('lists briefs of the same changes as listChanges, page for page, with the fields a feed item names', async () => {
      const { a, x, y } = await newsroom(store());
      // A hidden version leaves its own change and the next one out of both lists.
      await store().setVersionHidden(x.id, 2, { at: T0 + 60, reason: 'test' });
      const queries: Omit<ChangeQuery, 'limit' | 'cursor'>[] = [
        {},
        { sourceId: a.id },
        { articleId: y.id },
        { minLevel: 'major' },
        { labels: ['headline-changed', 'paragraphs-removed'] },
        { eventKinds: ['removed'] },
      ];
      for (const q of queries) {
        for (const limit of [1, 3, 100]) {
          const changes: Change[] = [];
          const briefs: ChangeBrief[] = [];
          let cursor: string | null = null;
          do {
            const page = await store().listChanges({ ...q, limit, cursor });
            const brief = await store().listChangeBriefs({ ...q, limit, cursor });
            expect(brief.nextCursor, JSON.stringify(q)).toEqual(page.nextCursor);
            changes.push(...page.items);
            briefs.push(...brief.items);
            cursor = page.nextCursor;
          } while (cursor);
          const expected = changes.map((c): ChangeBrief => {
            const article = { id: c.article.id, title: c.article.title, url: c.article.url, sourceKey: c.article.sourceKey };
            if (c.type === 'event') return { type: 'event', at: c.at, article, event: c.event };
            const { id, articleId, number, title } = c.version;
            return {
              type: 'version',
              at: c.at,
              article,
              version: { id, articleId, number, title, labels: c.version.change?.labels ?? [] },
            };
          });
          expect(briefs, JSON.stringify(q)).toEqual(expected);
        }
      }
      const all = await store().listChangeBriefs({ limit: 100 });
      expect(all.items.map((c) => (c.type === 'version' ? `v${c.article.id}.${c.version.number}` : `e${c.article.id}`))).toEqual([
        `e${x.id}`,
        `e${y.id}`,
        `v${y.id}.4`,
        `v${x.id}.4`,
        `v${y.id}.3`,
        `v${y.id}.2`,
      ]);
      expect(all.items[3]).toMatchObject({ article: { url: x.url, sourceKey: 'a' }, version: { labels: ['headline-changed'] } });
    });

    it('keeps versions of at least a level, newest first, with the same keyset pages as one long page', async () => {
      const { x, y } = await newsroom(store());
      const all = await every(store(), {}, 100);
      // (at, versions before events, id) descending: x v4 was stored after y v3 at the same instant.
      expect(all).toEqual([
        `e${x.id}:revert`,
        `e${y.id}:removed`,
        `v${y.id}.4`,
        `v${x.id}.4`,
        `v${y.id}.3`,
        `v${x.id}.3`,
        `v${y.id}.2`,
        `v${x.id}.2`,
      ]);
      const substantive = await every(store(), { minLevel: 'substantive' }, 100);
      expect(substantive).toEqual(all.filter((k) => [`v${x.id}.4`, `v${y.id}.3`, `v${x.id}.3`, `v${y.id}.2`].includes(k)));
      const major = await every(store(), { minLevel: 'major' }, 100);
      expect(major).toEqual(all.filter((k) => [`v${x.id}.4`, `v${y.id}.3`, `v${x.id}.3`].includes(k)));
      // 'minor' filters nothing: unlabelled versions and events stay.
      expect(await every(store(), { minLevel: 'minor' }, 100)).toEqual(all);
      for (const size of [1, 2]) {
        expect(await every(store(), { minLevel: 'substantive' }, size)).toEqual(substantive);
        expect(await every(store(), { minLevel: 'major' }, size)).toEqual(major);
      }
    });

    it('keeps versions carrying any of the labels, once each, combined with level, source and article', async () => {
      const { a, x, y } = await newsroom(store());
      const all = await every(store(), {}, 100);
      const keep = (...keys: string[]) => all.filter((k) => keys.includes(k));
      expect(await every(store(), { labels: ['headline-changed'] }, 100)).toEqual(keep(`v${x.id}.4`, `v${y.id}.3`));
      expect(await every(store(), { labels: ['notice-added'] }, 100)).toEqual(keep(`v${x.id}.3`));
      expect(await every(store(), { labels: ['typo-only'] }, 100)).toEqual(keep(`v${x.id}.2`));
      expect(await every(store(), { labels: ['rewrite'] }, 100)).toEqual([]);
      // A version with two of the labels asked for is listed once.
      const either = await every(store(), { labels: ['headline-changed', 'paragraphs-removed', 'notice-added'] }, 100);
      expect(either).toEqual(keep(`v${x.id}.4`, `v${y.id}.3`, `v${x.id}.3`));
      for (const size of [1, 2])
        expect(await every(store(), { labels: ['headline-changed', 'paragraphs-removed', 'notice-added'] }, size)).toEqual(either);
      expect(await every(store(), { labels: ['headline-changed'], sourceId: a.id }, 1)).toEqual([`v${x.id}.4`]);
      expect(await every(store(), { labels: ['headline-changed', 'typo-only'], articleId: x.id }, 1)).toEqual(
        keep(`v${x.id}.4`, `v${x.id}.2`),
      );
      expect(await every(store(), { labels: ['reworded', 'typo-only'], minLevel: 'substantive' }, 100)).toEqual(keep(`v${y.id}.2`));
    });

    it('lists events under a filter only when asked to, and only change events', async () => {
      const { x, y } = await newsroom(store());
      expect(await every(store(), { minLevel: 'major' }, 100)).toEqual([`v${x.id}.4`, `v${y.id}.3`, `v${x.id}.3`]);
      expect(await every(store(), { minLevel: 'major', eventKinds: ['removed', 'restored'] }, 1)).toEqual([
        `e${y.id}:removed`,
        `v${x.id}.4`,
        `v${y.id}.3`,
        `v${x.id}.3`,
      ]);
      expect(await every(store(), { labels: ['paragraphs-removed'], eventKinds: ['removed'] }, 100)).toEqual([
        `e${y.id}:removed`,
        `v${y.id}.3`,
      ]);
      expect(await every(store(), { eventKinds: [] }, 100)).toHaveLength(6);
      expect(await every(store(), { eventKinds: ['revert', 'error'] }, 100)).toEqual([
        `e${x.id}:revert`,
        ...(await every(store(), { eventKinds: [] }, 100)),
      ]);
    });

    it('leaves hidden versions out, and a relabelled version moves between filters', async () => {
      const { x, y } = await newsroom(store());
      expect(await store().setVersionHidden(x.id, 4, { at: T0 + 60, reason: 'legal' })).toBe(true);
      expect(await every(store(), { labels: ['headline-changed'] }, 100)).toEqual([`v${y.id}.3`]);
      // y v4 was never labelled: filters leave it out until it is.
      expect(await every(store(), { minLevel: 'substantive', articleId: y.id }, 100)).toEqual([`v${y.id}.3`, `v${y.id}.2`]);
      await store().setVersionChange(y.id, 4, change('major', 'notice-added'));
      expect(await every(store(), { labels: ['notice-added'] }, 100)).toEqual([`v${y.id}.4`, `v${x.id}.3`]);
      await store().setVersionChange(y.id, 4, change('minor', 'typo-only'));
      expect(await every(store(), { labels: ['notice-added'] }, 100)).toEqual([`v${x.id}.3`]);
      expect(await every(store(), { minLevel: 'substantive', articleId: y.id }, 100)).toEqual([`v${y.id}.3`, `v${y.id}.2`]);
    });

    it('refuses a label that is not a label id', async () => {
      await expect(store().listChanges({ labels: ["x' OR 1=1 --" as ChangeLabel], limit: 5 })).rejects.toMatchObject({ kind: 'usage' });
      await expect(store().listChanges({ minLevel: 'huge' as ChangeLevel, limit: 5 })).rejects.toMatchObject({ kind: 'usage' });
    });

    it("filters search hits by the matching versions' change", async () => {
      const { x, y } = await newsroom(store());
      const text = async (q: Parameters<Store['search']>[0]) =>
        (await store().search(q)).items.map((h) => [h.article.id, h.versions.map((v) => v.number)]);
      expect(await text({ text: 'text', limit: 10 })).toEqual([
        [y.id, [4, 3, 2, 1]],
        [x.id, [4, 3, 2, 1]],
      ]);
      expect(await text({ text: 'text', minLevel: 'major', limit: 10 })).toEqual([
        [y.id, [3]],
        [x.id, [4, 3]],
      ]);
      expect(await text({ text: 'text', labels: ['typo-only', 'reworded'], limit: 10 })).toEqual([
        [y.id, [2]],
        [x.id, [2]],
      ]);
      expect(await text({ text: 'text', labels: ['notice-added'], limit: 1 })).toEqual([[x.id, [3]]]);
      expect(await text({ text: 'text', labels: ['rewrite'], limit: 10 })).toEqual([]);
    });
  });
}
