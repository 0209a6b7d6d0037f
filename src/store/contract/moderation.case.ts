import { describe, expect, it } from 'vitest';
import type { Store } from '../store.ts';
import { T0, addNext, freshStore, makeArticle, makeSource, type ContractHarness } from './fixtures.ts';

const hide = (reason: string, at = T0 + 1000) => ({ at, reason });

async function allChangeKeys(store: Store): Promise<string[]> {
  const page = await store.listChanges({ limit: 100 });
  return page.items.map((c) => (c.type === 'version' ? `v${c.article.id}.${c.version.number}` : `e${c.article.id}:${c.event.kind}`));
}

/** Two sources; `secret` has three versions mentioning "injunction", `open` two versions. */
async function newsroom(store: Store) {
  const a = await makeSource(store, 'a');
  const b = await makeSource(store, 'b');
  const secret = await makeArticle(store, a, 'secret');
  for (let i = 1; i <= 3; i++) await addNext(store, secret, `Secret ${i}`, [`The injunction story, take ${i}.`], T0 + i);
  await store.addEvent({ articleId: secret.id, at: T0 + 4, kind: 'removed', versionNumber: null, detail: null });
  const open = await makeArticle(store, b, 'open');
  for (let i = 1; i <= 2; i++) await addNext(store, open, `Open ${i}`, [`An open injunction report ${i}.`], T0 + 10 + i);
  return { a, b, secret, open };
}

export function moderationCases(harness: ContractHarness): void {
  describe(`${harness.name}: hidden articles and versions`, () => {
    const store = freshStore(harness);

    it('leaves a hidden article out of lists, changes, search, stats and source counts; unhiding restores it all', async () => {
      const { a, secret, open } = await newsroom(store());
      const before = {
        articles: (await store().listArticles({ limit: 10 })).items.map((x) => x.id),
        changes: await allChangeKeys(store()),
        search: (await store().search({ text: 'injunction', limit: 10 })).items.map((h) => h.article.id),
        stats: await store().stats(),
        sources: (await store().listSources()).map((s) => [s.key, s.articleCount, s.versionCount]),
      };
      expect(before.changes).toContain(`e${secret.id}:removed`);
      expect(before.search).toEqual([open.id, secret.id]);

      expect(await store().setArticleHidden(secret.id, hide('court order 123'))).toBe(true);
      expect((await store().listArticles({ limit: 10 })).items.map((x) => x.id)).toEqual([open.id]);
      expect((await store().listArticles({ limit: 10, sourceId: a.id })).items).toEqual([]);
      expect((await store().listArticles({ limit: 10, includeHidden: true })).items.map((x) => x.id)).toEqual([open.id, secret.id]);
      expect(await allChangeKeys(store())).toEqual([`v${open.id}.2`]);
      expect((await store().listChanges({ limit: 10, articleId: secret.id })).items).toEqual([]);
      expect((await store().search({ text: 'injunction', limit: 10 })).items.map((h) => h.article.id)).toEqual([open.id]);
      expect(await store().stats()).toEqual({ sources: 2, articles: 1, versions: 2 });
      expect((await store().listSources()).map((s) => [s.key, s.articleCount, s.versionCount])).toEqual([
        ['a', 0, 0],
        ['b', 1, 2],
      ]);
      // Point lookups still find it, flagged, so the site can answer 410 rather than 404.
      expect((await store().getArticle(secret.id))?.hiddenAt).toBe(T0 + 1000);
      expect(await store().listHidden()).toEqual([
        {
          articleId: secret.id,
          versionNumber: null,
          title: 'Secret 3',
          url: secret.url,
          sourceKey: 'a',
          hiddenAt: T0 + 1000,
          reason: 'court order 123',
        },
      ]);

      expect(await store().setArticleHidden(secret.id, null)).toBe(true);
      expect((await store().getArticle(secret.id))?.hiddenAt).toBeNull();
      expect({
        articles: (await store().listArticles({ limit: 10 })).items.map((x) => x.id),
        changes: await allChangeKeys(store()),
        search: (await store().search({ text: 'injunction', limit: 10 })).items.map((h) => h.article.id),
        stats: await store().stats(),
        sources: (await store().listSources()).map((s) => [s.key, s.articleCount, s.versionCount]),
      }).toEqual(before);
      expect(await store().listHidden()).toEqual([]);
      expect(await store().setArticleHidden(999_999, hide('x'))).toBe(false);
    });

    it('hides one version: gone from lists, search and the changes it would show, headline falls back', async () => {
      const { secret } = await newsroom(store());
      expect(await store().setVersionHidden(secret.id, 3, hide('defamatory headline'))).toBe(true);
      expect((await store().getArticle(secret.id))?.title).toBe('Secret 2');
      expect((await store().listVersions(secret.id)).map((v) => v.number)).toEqual([1, 2]);
      expect((await store().listVersions(secret.id, { includeHidden: true })).map((v) => [v.number, v.hiddenAt])).toEqual([
        [1, null],
        [2, null],
        [3, T0 + 1000],
      ]);
      expect((await store().getVersion(secret.id, 3))?.hiddenAt).toBe(T0 + 1000);
      expect(await allChangeKeys(store())).not.toContain(`v${secret.id}.3`);
      expect(await allChangeKeys(store())).toContain(`v${secret.id}.2`);
      const hits = await store().search({ text: 'take', limit: 10 });
      expect(hits.items[0].versions.map((v) => v.number)).toEqual([2, 1]);
      expect((await store().search({ text: '"take 3"', limit: 10 })).items).toEqual([]);
      expect((await store().stats()).versions).toBe(4);
      expect((await store().listHidden())[0]).toMatchObject({ articleId: secret.id, versionNumber: 3, reason: 'defamatory headline' });

      // Hiding version 2 also drops version 3's change from lists: its diff would show version 2's text.
      await store().setVersionHidden(secret.id, 3, null);
      await store().setVersionHidden(secret.id, 2, hide('privacy'));
      const keys = await allChangeKeys(store());
      expect(keys).not.toContain(`v${secret.id}.2`);
      expect(keys).not.toContain(`v${secret.id}.3`);
      expect((await store().getArticle(secret.id))?.title).toBe('Secret 3');
      await store().setVersionHidden(secret.id, 2, null);
      expect(await allChangeKeys(store())).toEqual(expect.arrayContaining([`v${secret.id}.2`, `v${secret.id}.3`]));
      expect(await store().setVersionHidden(secret.id, 9, hide('x'))).toBe(false);
    });

    it('falls back to the feed title when every version is hidden', async () => {
      const src = await makeSource(store());
      const art = await makeArticle(store(), src, 'only', { feedTitle: 'From the feed' });
      await addNext(store(), art, 'Only version', ['text'], T0);
      await store().setVersionHidden(art.id, 1, hide('x'));
      expect((await store().getArticle(art.id))?.title).toBe('From the feed');
    });
  });

  describe(`${harness.name}: paused sources`, () => {
    const store = freshStore(harness);

    it('a paused source is not polled and its articles are not claimed until resumed', async () => {
      const a = await makeSource(store(), 'a');
      const b = await makeSource(store(), 'b');
      const inA = await makeArticle(store(), a, 'in-a');
      const inB = await makeArticle(store(), b, 'in-b');
      expect(await store().countDueArticles(T0)).toBe(2);
      expect(await store().setSourcePaused('a', T0)).toBe(true);
      expect((await store().getSource('a'))?.pausedAt).toBe(T0);
      // A config sync (upsert) must not resume it.
      await store().upsertSource({ key: 'a', name: 'A again', feedUrl: a.feedUrl, pollPeriodSec: 60, include: [], exclude: [] }, T0);
      expect((await store().getSource('a'))?.pausedAt).toBe(T0);
      expect((await store().claimDueSources(T0, 10, { workerId: 'w', until: T0 + 1000 })).map((s) => s.key)).toEqual(['b']);
      expect((await store().claimDueArticles(T0, 10, { workerId: 'w', until: T0 + 1000 }, 10)).map((x) => x.id)).toEqual([inB.id]);
      expect(await store().countDueArticles(T0)).toBe(1);
      expect(await store().setSourcePaused('a', null)).toBe(true);
      // b's work is still leased until T0 + 1000.
      expect((await store().claimDueSources(T0 + 500, 10, { workerId: 'w', until: T0 + 3000 })).map((s) => s.key)).toEqual(['a']);
      expect((await store().claimDueArticles(T0 + 500, 10, { workerId: 'w', until: T0 + 3000 }, 10)).map((x) => x.id)).toEqual([inA.id]);
      expect(await store().setSourcePaused('nope', T0)).toBe(false);
    });

    it('remembers the last poll that did not fail', async () => {
      const a = await makeSource(store(), 'a');
      const poll = (at: number, status: 'ok' | 'not_modified' | 'error') =>
        store().recordSourcePoll(a.id, {
          at,
          status,
          error: status === 'error' ? 'boom' : null,
          etag: null,
          lastModified: null,
          nextPollAt: at + 60,
        });
      expect((await store().getSource('a'))?.lastOkAt).toBeNull();
      await poll(T0 + 1, 'ok');
      await poll(T0 + 2, 'error');
      expect((await store().getSource('a'))?.lastOkAt).toBe(T0 + 1);
      await poll(T0 + 3, 'not_modified');
      expect((await store().getSource('a'))?.lastOkAt).toBe(T0 + 3);
    });
  });

  describe(`${harness.name}: audit log`, () => {
    const store = freshStore(harness);

    it('appends entries and lists them newest first, paginated', async () => {
      for (let i = 0; i < 5; i++) {
        await store().addAudit({
          at: T0 + i,
          actor: 'alice',
          action: i % 2 ? 'unhide-article' : 'hide-article',
          target: `article:${i}`,
          reason: i === 4 ? null : `r${i}`,
        });
      }
      const first = await store().listAudit({ limit: 3 });
      expect(first.items.map((e) => e.target)).toEqual(['article:4', 'article:3', 'article:2']);
      expect(first.items[0]).toMatchObject({ actor: 'alice', action: 'hide-article', at: T0 + 4, reason: null });
      const second = await store().listAudit({ limit: 3, cursor: first.nextCursor });
      expect(second.items.map((e) => e.target)).toEqual(['article:1', 'article:0']);
      expect(second.nextCursor).toBeNull();
    });
  });
}
