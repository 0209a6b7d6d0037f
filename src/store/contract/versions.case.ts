import { describe, expect, it } from 'vitest';
import { VersionConflictError } from '../errors.ts';
import type { VersionChange } from '../../model/index.ts';
import type { Store } from '../store.ts';
import { T0, freshStore, makeArticle, makeSource, versionInput, type ContractHarness } from './fixtures.ts';

export function versionCases(harness: ContractHarness): void {
  describe(`${harness.name}: versions and events`, () => {
    const store = freshStore(harness);

    it('numbers versions and keeps the article summary in step', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      const paragraphs = ['Zürich — “quoted” text, emoji 📰.', 'Second paragraph.'];
      const v1 = await store().addVersion(
        article.id,
        1,
        versionInput('First headline', paragraphs, { byline: 'By A', published: '2024-01-02T03:04:05Z', capturedAt: T0 + 1 }),
      );
      expect(v1).toMatchObject({
        articleId: article.id,
        number: 1,
        title: 'First headline',
        paragraphs,
        byline: 'By A',
        published: '2024-01-02T03:04:05Z',
        capturedAt: T0 + 1,
        hasRaw: false,
        baselineFingerprint: null,
      });
      const v2 = await store().addVersion(
        article.id,
        2,
        versionInput('Second headline', ['Changed.'], { capturedAt: T0 + 2, wordsAdded: 1, wordsRemoved: 7 }),
      );
      expect(await store().getArticle(article.id)).toMatchObject({ versionCount: 2, lastVersionAt: T0 + 2, title: 'Second headline' });
      expect(await store().listVersions(article.id)).toEqual([v1, v2]);
      expect(await store().getVersion(article.id, 1)).toEqual(v1);
      expect(await store().getVersion(article.id, 3)).toBeNull();
      expect(await store().getLatestVersion(article.id)).toEqual(v2);
      expect(v2).toMatchObject({ wordsAdded: 1, wordsRemoved: 7 });
      expect(await store().getLatestVersion(article.id + 1000)).toBeNull();
    });

    it("reschedules the article in the version's own transaction when asked", async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      await store().addVersion(article.id, 1, {
        ...versionInput('t', ['p'], { capturedAt: T0 + 5 }),
        reschedule: { checkPeriodSec: 300, nextCheckAt: T0 + 300_005 },
      });
      expect(await store().getArticle(article.id)).toMatchObject({
        checkPeriodSec: 300,
        nextCheckAt: T0 + 300_005,
        lastCheckedAt: T0 + 5,
        versionCount: 1,
      });
      const before = await store().getArticle(article.id);
      await store().addVersion(article.id, 2, versionInput('t2', ['q'], { capturedAt: T0 + 9 }));
      expect(await store().getArticle(article.id)).toMatchObject({
        checkPeriodSec: before!.checkPeriodSec,
        nextCheckAt: before!.nextCheckAt,
        lastCheckedAt: T0 + 5,
      });
    });

    it('refuses a version number that exists or skips one', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      await store().addVersion(article.id, 1, versionInput('t', ['p']));
      await expect(store().addVersion(article.id, 1, versionInput('t2', ['p']))).rejects.toBeInstanceOf(VersionConflictError);
      await expect(store().addVersion(article.id, 3, versionInput('t3', ['p']))).rejects.toMatchObject({ kind: 'store' });
      await expect(store().addVersion(article.id + 1000, 1, versionInput('t', ['p']))).rejects.toMatchObject({ kind: 'not-found' });
      expect((await store().listVersions(article.id)).map((v) => v.title)).toEqual(['t']);
    });

    it('lets exactly one of several racing writers store a version number', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      await store().addVersion(article.id, 1, versionInput('t', ['p']));
      const others = await Promise.all([1, 2, 3].map(() => harness.openAnother(store())));
      const writers: Store[] = [store(), ...others.map((o) => o ?? store())];
      try {
        const results = await Promise.allSettled(
          writers.map((w, i) => w.addVersion(article.id, 2, versionInput(`racer ${i}`, [`text ${i}`]))),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(VersionConflictError);
        expect((await store().listVersions(article.id)).map((v) => v.number)).toEqual([1, 2]);
        expect((await store().getArticle(article.id))?.versionCount).toBe(2);
      } finally {
        for (const o of others) await o?.close();
      }
    });

    it('keeps raw HTML byte for byte, compressed apart from the version', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      const html = new Uint8Array([...new TextEncoder().encode('<html><body>'.repeat(500)), 0xe9, 0x00, 0xff]);
      const v1 = await store().addVersion(article.id, 1, versionInput('t', ['p'], { rawHtml: html }));
      expect(v1.hasRaw).toBe(true);
      expect(await store().getRawHtml(article.id, 1)).toEqual(html);
      const v2 = await store().addVersion(article.id, 2, versionInput('t', ['q'], { rawHtml: null }));
      expect(v2.hasRaw).toBe(false);
      expect(await store().getRawHtml(article.id, 2)).toBeNull();
      expect(await store().getRawHtml(article.id, 9)).toBeNull();
    });

    it('records a baseline fingerprint under newer extraction rules', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      const v1 = await store().addVersion(article.id, 1, versionInput('t', ['p']));
      await store().setBaseline(v1.id, 'fp-new', 'x2');
      expect(await store().getVersion(article.id, 1)).toEqual({ ...v1, baselineFingerprint: 'fp-new', baselineExtractorVersion: 'x2' });
      await expect(store().setBaseline(v1.id + 1000, 'f', 'x')).rejects.toMatchObject({ kind: 'not-found' });
    });

    it('keeps the change labels stored with a version, and reads version 1 as having none', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      const v1 = await store().addVersion(article.id, 1, versionInput('t', ['p']));
      expect(v1.change).toBeNull();
      const change: VersionChange = {
        labels: ['headline-changed', 'number-changed', 'quote-changed'],
        level: 'major',
        titleChanged: true,
        preview: { where: 'headline', paragraph: null, before: 'Old “headline”, 12', after: 'New — headline, 15 📰' },
      };
      const v2 = await store().addVersion(article.id, 2, versionInput('t2', ['p'], { change }));
      expect(v2.change).toEqual(change);
      const none: VersionChange = { labels: [], level: 'minor', titleChanged: false, preview: null };
      const v3 = await store().addVersion(article.id, 3, versionInput('t3', ['p'], { change: none }));
      expect((await store().listVersions(article.id)).map((v) => v.change)).toEqual([null, change, none]);
      expect(await store().getLatestVersion(article.id)).toEqual(v3);
      expect(await store().listUnlabelledVersions(10)).toEqual([]);
    });

    it('lists versions 2+ stored without labels, oldest first, and records their change', async () => {
      const source = await makeSource(store());
      const a = await makeArticle(store(), source, 'a');
      const b = await makeArticle(store(), source, 'b');
      await store().addVersion(a.id, 1, versionInput('a1', ['p']));
      await store().addVersion(b.id, 1, versionInput('b1', ['p']));
      await store().addVersion(a.id, 2, versionInput('a2', ['q']));
      await store().addVersion(b.id, 2, versionInput('b2', ['q'], { change: null }));
      await store().addVersion(a.id, 3, versionInput('a3', ['r']));
      expect(await store().listUnlabelledVersions(10)).toEqual([
        { articleId: a.id, number: 2 },
        { articleId: b.id, number: 2 },
        { articleId: a.id, number: 3 },
      ]);
      expect(await store().listUnlabelledVersions(1)).toEqual([{ articleId: a.id, number: 2 }]);
      const change: VersionChange = {
        labels: ['reworded'],
        level: 'substantive',
        titleChanged: true,
        preview: { where: 'paragraph', paragraph: 0, before: 'p', after: 'q' },
      };
      await store().setVersionChange(a.id, 2, change);
      expect((await store().getVersion(a.id, 2))?.change).toEqual(change);
      expect(await store().listUnlabelledVersions(10)).toEqual([
        { articleId: b.id, number: 2 },
        { articleId: a.id, number: 3 },
      ]);
      await expect(store().setVersionChange(a.id, 9, change)).rejects.toMatchObject({ kind: 'not-found' });
    });

    it('records events in order', async () => {
      const article = await makeArticle(store(), await makeSource(store()), 'a');
      const removed = await store().addEvent({
        articleId: article.id,
        at: T0 + 5,
        kind: 'removed',
        versionNumber: null,
        detail: 'HTTP 410',
      });
      expect(removed).toMatchObject({ articleId: article.id, at: T0 + 5, kind: 'removed', detail: 'HTTP 410', versionNumber: null });
      const revert = await store().addEvent({ articleId: article.id, at: T0 + 9, kind: 'revert', versionNumber: 1, detail: null });
      const early = await store().addEvent({ articleId: article.id, at: T0 + 1, kind: 'error', versionNumber: null, detail: 'timeout' });
      expect(await store().listEvents(article.id)).toEqual([early, removed, revert]);
      expect(await store().listEvents(article.id + 1000)).toEqual([]);
    });
  });
}
