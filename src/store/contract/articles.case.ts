import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../model/index.ts';
import { T0, addNext, freshStore, makeArticle, makeSource, type ContractHarness } from './fixtures.ts';

export function articleCases(harness: ContractHarness): void {
  describe(`${harness.name}: articles`, () => {
    const store = freshStore(harness);

    it('inserts an article once per canonical URL, due at once', async () => {
      const bbc = await makeSource(store(), 'bbc');
      const guardian = await makeSource(store(), 'guardian');
      const input = {
        sourceId: bbc.id,
        url: 'http://news.example/a',
        host: 'news.example',
        feedTitle: 'First title',
        feedPublishedAt: T0 - 5,
        now: T0,
        checkPeriodSec: 1800,
      };
      const first = await store().upsertArticle(input);
      expect(first.created).toBe(true);
      expect(first.article).toMatchObject({
        sourceId: bbc.id,
        url: input.url,
        host: 'news.example',
        feedTitle: 'First title',
        feedPublishedAt: T0 - 5,
        firstSeenAt: T0,
        status: 'active',
        checkPeriodSec: 1800,
        nextCheckAt: T0,
        versionCount: 0,
        title: 'First title',
      });
      // Seen again in another feed: the existing article comes back unchanged.
      const again = await store().upsertArticle({ ...input, sourceId: guardian.id, feedTitle: 'Other', now: T0 + 99 });
      expect(again).toEqual({ article: first.article, created: false });
      expect(await store().getArticleByUrl(input.url)).toEqual(first.article);
      expect(await store().getArticleByUrl('http://news.example/none')).toBeNull();
      expect(await store().getArticle(first.article.id)).toEqual({ ...first.article, sourceKey: 'bbc', sourceName: 'Source bbc' });
      expect(await store().getArticle(first.article.id + 1000)).toBeNull();
    });

    it('removes an article with its versions and events', async () => {
      const src = await makeSource(store());
      const article = await makeArticle(store(), src, 'gone');
      const kept = await makeArticle(store(), src, 'kept');
      await addNext(store(), article, 'Gone', ['A paragraph.'], T0);
      await store().addEvent({ articleId: article.id, at: T0, kind: 'removed', versionNumber: null, detail: null });
      expect(await store().removeArticle(article.id)).toBe(true);
      expect(await store().removeArticle(article.id)).toBe(false);
      expect(await store().getArticle(article.id)).toBeNull();
      expect(await store().listVersions(article.id)).toEqual([]);
      expect(await store().listEvents(article.id)).toEqual([]);
      expect(await store().getArticle(kept.id)).not.toBeNull();
    });

    it('applies a patch, leaving omitted fields alone', async () => {
      const src = await makeSource(store());
      const article = await makeArticle(store(), src, 'a');
      await store().updateArticle(article.id, { lastCheckedAt: T0 + 1, nextCheckAt: T0 + 2000, etag: '"x"', lastError: 'boom' });
      expect(await store().getArticleByUrl(article.url)).toMatchObject({
        lastCheckedAt: T0 + 1,
        nextCheckAt: T0 + 2000,
        etag: '"x"',
        lastError: 'boom',
        status: 'active',
        lastModified: null,
      });
      await store().updateArticle(article.id, {
        status: 'retired',
        nextCheckAt: null,
        lastError: null,
        url: 'http://news.example/canonical',
      });
      const after = await store().getArticle(article.id);
      expect(after).toMatchObject({
        status: 'retired',
        nextCheckAt: null,
        lastError: null,
        etag: '"x"',
        url: 'http://news.example/canonical',
      });
      await expect(store().updateArticle(article.id + 1000, { status: 'active' })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('lists articles newest first, filtered and paginated without gaps', async () => {
      const a = await makeSource(store(), 'a');
      const b = await makeSource(store(), 'b');
      const made = [];
      for (let i = 0; i < 7; i++) made.push(await makeArticle(store(), i % 2 ? b : a, `n${i}`));
      await addNext(store(), made[2], 't', ['p'], T0 + 1);
      await addNext(store(), made[2], 't2', ['p'], T0 + 2);
      await store().updateArticle(made[4].id, { status: 'removed' });
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await store().listArticles({ limit: 3, cursor });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(made.map((x) => x.id).reverse());
      const ofB = await store().listArticles({ sourceId: b.id, limit: 10 });
      expect(ofB.items.map((x) => x.id)).toEqual([made[5].id, made[3].id, made[1].id]);
      expect(ofB.items[0].sourceKey).toBe('b');
      expect(ofB.nextCursor).toBeNull();
      expect((await store().listArticles({ minVersions: 2, limit: 10 })).items.map((x) => x.id)).toEqual([made[2].id]);
      expect((await store().listArticles({ status: 'removed', limit: 10 })).items.map((x) => x.id)).toEqual([made[4].id]);
    });

    it('rejects a malformed cursor as a usage error', async () => {
      await expect(store().listArticles({ limit: 3, cursor: 'not-a-cursor' })).rejects.toMatchObject({ kind: 'usage' });
    });
  });
}
