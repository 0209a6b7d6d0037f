import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../model/index.ts';
import { VersionConflictError } from '../errors.ts';
import type { Store } from '../store.ts';
import { T0, freshStore, makeArticle, makeSource, versionInput, type ContractHarness } from './fixtures.ts';

export function checkCases(harness: ContractHarness): void {
  describe(`${harness.name}: one check in one transaction (applyCheck)`, () => {
    const store = freshStore(harness);
    const lease = { workerId: 'w', until: T0 + 60_000 };

    it('writes the version, the events and the article state together and releases the lease', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      expect(article.lastSeenVersion).toBeNull();
      expect((await store().claimDueArticles(T0, 10, lease, 10)).map((a) => a.id)).toEqual([article.id]);
      const written = await store().applyCheck(article.id, {
        version: { number: 1, input: versionInput('Headline', ['One.'], { capturedAt: T0 + 1 }) },
        events: [{ at: T0 + 1, kind: 'restored', versionNumber: null, detail: null }],
        patch: { status: 'active', checkPeriodSec: 900, nextCheckAt: T0 + 900_001, lastCheckedAt: T0 + 1, lastError: null, etag: '"e1"' },
      });
      expect(written.version).toMatchObject({ articleId: article.id, number: 1, title: 'Headline', paragraphs: ['One.'] });
      expect(written.events).toMatchObject([{ articleId: article.id, kind: 'restored', at: T0 + 1 }]);
      expect(await store().getArticle(article.id)).toMatchObject({
        versionCount: 1,
        lastSeenVersion: 1,
        title: 'Headline',
        checkPeriodSec: 900,
        nextCheckAt: T0 + 900_001,
        lastCheckedAt: T0 + 1,
        etag: '"e1"',
      });
      expect(await store().listEvents(article.id)).toEqual(written.events);
      // The lease is gone: the article can be claimed again once due.
      expect((await store().claimDueArticles(T0 + 900_001, 10, lease, 10)).map((a) => a.id)).toEqual([article.id]);
      // The version's chain record carries the URL the same check moved the article to (rel=canonical).
      const moved = await makeArticle(store(), await makeSource(store(), 'other'), 'moved');
      const v = (
        await store().applyCheck(moved.id, {
          version: { number: 1, input: versionInput('t', ['p']) },
          events: [],
          patch: { url: 'http://news.example/canonical' },
        })
      ).version!;
      expect(await store().evidence.getVersionRecord(v.id)).toMatchObject({ url: 'http://news.example/canonical' });
    });

    it('keeps the version the page last showed: each new version, and the target of a revert', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      const check = (at: number) => ({ lastCheckedAt: at, nextCheckAt: at + 1000 });
      await store().applyCheck(article.id, {
        version: { number: 1, input: versionInput('v1', ['a'], { capturedAt: T0 + 1 }) },
        events: [],
        patch: check(T0 + 1),
      });
      await store().applyCheck(article.id, {
        version: { number: 2, input: versionInput('v2', ['b'], { capturedAt: T0 + 2 }) },
        events: [],
        patch: check(T0 + 2),
      });
      expect((await store().getArticle(article.id))!.lastSeenVersion).toBe(2);
      await store().applyCheck(article.id, {
        events: [{ at: T0 + 3, kind: 'revert', versionNumber: 1, detail: null }],
        patch: check(T0 + 3),
      });
      expect((await store().getArticle(article.id))!.lastSeenVersion).toBe(1);
      // A check with nothing new leaves it; addVersion and addEvent keep it too.
      await store().applyCheck(article.id, { events: [], patch: check(T0 + 4) });
      expect((await store().getArticle(article.id))!.lastSeenVersion).toBe(1);
      await store().addVersion(article.id, 3, versionInput('v3', ['c'], { capturedAt: T0 + 5 }));
      expect((await store().getArticle(article.id))!.lastSeenVersion).toBe(3);
      await store().addEvent({ articleId: article.id, at: T0 + 6, kind: 'revert', versionNumber: 2, detail: null });
      expect((await store().getArticle(article.id))!.lastSeenVersion).toBe(2);
      expect((await store().claimDueArticles(T0 + 10_000, 10, lease, 10))[0].lastSeenVersion).toBe(2);
    });

    it('keeps the body digest a check writes until a patch changes or clears it', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      expect(article.bodyDigest).toBeNull();
      const digest = 'ab'.repeat(32);
      await store().applyCheck(article.id, {
        version: { number: 1, input: versionInput('v1', ['a'], { capturedAt: T0 + 1 }) },
        events: [],
        patch: { lastCheckedAt: T0 + 1, bodyDigest: digest },
      });
      expect((await store().getArticle(article.id))!.bodyDigest).toBe(digest);
      // A patch without it leaves it; claims carry it to the worker.
      await store().applyCheck(article.id, { events: [], patch: { lastCheckedAt: T0 + 2, nextCheckAt: T0 + 3 } });
      expect((await store().claimDueArticles(T0 + 3, 10, lease, 10))[0].bodyDigest).toBe(digest);
      await store().updateArticle(article.id, { bodyDigest: null });
      expect((await store().getArticle(article.id))!.bodyDigest).toBeNull();
    });

    it('fails with NotFoundError for a missing article, with or without events', async () => {
      await expect(store().applyCheck(987_654, { events: [], patch: { lastCheckedAt: T0 } })).rejects.toBeInstanceOf(NotFoundError);
      const events = [{ at: T0, kind: 'restored' as const, versionNumber: null, detail: null }];
      await expect(store().applyCheck(987_654, { events, patch: {} })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('writes nothing when another writer stored the version first', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      await store().addVersion(article.id, 1, versionInput('theirs', ['a']));
      const before = await store().getArticle(article.id);
      await expect(
        store().applyCheck(article.id, {
          version: { number: 1, input: versionInput('ours', ['b']) },
          events: [{ at: T0 + 1, kind: 'removed', versionNumber: null, detail: 'HTTP 410' }],
          patch: { status: 'removed', lastCheckedAt: T0 + 1, lastError: 'x' },
        }),
      ).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store().getArticle(article.id)).toEqual(before);
      expect(await store().listEvents(article.id)).toEqual([]);
      expect((await store().listVersions(article.id)).map((v) => v.title)).toEqual(['theirs']);
    });

    it('writes nothing when the article cannot move to a URL another article has', async () => {
      const source = await makeSource(store());
      const article = await makeArticle(store(), source, 'a');
      const other = await makeArticle(store(), source, 'b');
      await expect(
        store().applyCheck(article.id, {
          version: { number: 1, input: versionInput('t', ['p']) },
          events: [],
          patch: { url: other.url, lastCheckedAt: T0 + 1 },
        }),
      ).rejects.toMatchObject({ kind: 'store', message: expect.stringContaining('another article has that URL') });
      expect(await store().getArticle(article.id)).toMatchObject({
        url: article.url,
        versionCount: 0,
        lastCheckedAt: null,
        lastSeenVersion: null,
      });
      expect(await store().listVersions(article.id)).toEqual([]);
      await expect(store().applyCheck(article.id + 1000, { events: [], patch: {} })).rejects.toMatchObject({ kind: 'not-found' });
    });

    it('writes nothing for a version number that skips one, or for a missing article, and leaves the lease to addVersion', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      await store().addVersion(article.id, 1, versionInput('v1', ['a']));
      const before = await store().getArticle(article.id);
      const patch = { lastCheckedAt: T0 + 1, nextCheckAt: T0 + 2, etag: '"x"' };
      await expect(
        store().applyCheck(article.id, { version: { number: 3, input: versionInput('v3', ['c']) }, events: [], patch }),
      ).rejects.toMatchObject({ kind: 'store', message: expect.stringContaining('has 1 versions; cannot store version 3') });
      await expect(
        store().applyCheck(article.id, { version: { number: 1, input: versionInput('again', ['c']) }, events: [], patch }),
      ).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store().getArticle(article.id)).toEqual(before);
      expect((await store().listVersions(article.id)).map((v) => v.title)).toEqual(['v1']);
      await expect(
        store().applyCheck(987_654, { version: { number: 1, input: versionInput('t', ['p']) }, events: [], patch }),
      ).rejects.toBeInstanceOf(NotFoundError);
      // A check's version releases the lease with its patch; addVersion (no check) leaves the lease alone.
      const claimed = await store().claimDueArticles(T0 + 10_000, 10, lease, 10);
      expect(claimed.map((a) => a.id)).toEqual([article.id]);
      await store().addVersion(article.id, 2, versionInput('v2', ['b']));
      expect(await store().claimDueArticles(T0 + 10_000, 10, lease, 10)).toEqual([]);
      await store().applyCheck(article.id, { version: { number: 3, input: versionInput('v3', ['c']) }, events: [], patch: {} });
      expect((await store().claimDueArticles(T0 + 10_000, 10, lease, 10)).map((a) => a.id)).toEqual([article.id]);
      expect(await store().getArticle(article.id)).toMatchObject({ versionCount: 3, lastSeenVersion: 3, title: 'v3' });
    });

    it('reads the latest version with its texts in id order: repeats, texts shared with older versions, more than one chunk', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      const many = Array.from({ length: 700 }, (_, i) => `Paragraph ${i % 650}.`); // 650 texts, 50 repeated
      await store().applyCheck(article.id, { version: { number: 1, input: versionInput('v1', many) }, events: [], patch: {} });
      expect((await store().getLatestVersion(article.id))!.paragraphs).toEqual(many);
      const next = ['New.', ...many.slice(0, 400).reverse(), 'Paragraph 3.', 'New.'];
      const { version } = await store().applyCheck(article.id, {
        version: { number: 2, input: versionInput('v2', next) },
        events: [],
        patch: {},
      });
      const latest = await store().getLatestVersion(article.id);
      expect(latest).toEqual(version);
      expect(latest).toEqual(await store().getVersion(article.id, 2));
      expect(latest!.paragraphs).toEqual(next);
      expect((await store().listVersions(article.id)).map((v) => v.paragraphs)).toEqual([many, next]);
    });

    it("lists every version's fingerprints, newest first, hidden ones and baselines included", async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      const v1 = await store().addVersion(article.id, 1, versionInput('v1', ['a'], { rawHtml: new TextEncoder().encode('<p>a</p>') }));
      const v2 = await store().addVersion(article.id, 2, versionInput('v2', ['b']));
      await store().setBaseline(v1.id, 'fp-new', 'x2');
      await store().setVersionHidden(article.id, 2, { at: T0, reason: 'legal' });
      const pick = (v: Awaited<ReturnType<Store['getVersion']>>) => {
        const { id, articleId, number, fingerprint, extractorVersion, baselineFingerprint, baselineExtractorVersion, hasRaw } = v!;
        return { id, articleId, number, fingerprint, extractorVersion, baselineFingerprint, baselineExtractorVersion, hasRaw };
      };
      const listed = await store().listFingerprints(article.id);
      expect(listed).toEqual([pick(await store().getVersion(article.id, 2)), pick(await store().getVersion(article.id, 1))]);
      expect(listed.map((v) => v.id)).toEqual([v2.id, v1.id]);
      expect(listed[1]).toMatchObject({ baselineFingerprint: 'fp-new', baselineExtractorVersion: 'x2', hasRaw: true });
      expect(await store().listFingerprints(article.id + 1000)).toEqual([]);
    });

    it('reads several versions in one call (hidden ones too), leaving out absent ones', async () => {
      const source = await makeSource(store());
      const a = await makeArticle(store(), source, 'a');
      const b = await makeArticle(store(), source, 'b');
      const a1 = await store().addVersion(a.id, 1, versionInput('a1', ['x', 'y']));
      const a2 = await store().addVersion(a.id, 2, versionInput('a2', ['y', 'z']));
      const b1 = await store().addVersion(b.id, 1, versionInput('b1', ['x']));
      await store().setVersionHidden(a.id, 2, { at: T0, reason: 'legal' });
      const got = await store().getVersions([
        { articleId: b.id, number: 1 },
        { articleId: a.id, number: 2 },
        { articleId: a.id, number: 1 },
        { articleId: a.id, number: 9 },
      ]);
      const byId = new Map(got.map((v) => [v.id, v]));
      expect([...byId.keys()].sort((x, y) => x - y)).toEqual([a1.id, a2.id, b1.id].sort((x, y) => x - y));
      expect(byId.get(a1.id)).toEqual(await store().getVersion(a.id, 1));
      expect(byId.get(a2.id)).toMatchObject({ title: 'a2', paragraphs: ['y', 'z'], hiddenAt: T0 });
      expect(byId.get(b1.id)!.paragraphs).toEqual(['x']);
      expect(await store().getVersions([])).toEqual([]);
    });
  });
}
