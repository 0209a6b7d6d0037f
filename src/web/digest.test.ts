import { describe, expect, it } from 'vitest';
import { diffVersions } from '../diff/index.ts';
import type { Store } from '../store/index.ts';
import { changedSentence, createDigestCache, digestOf, firstWords } from './digest.ts';
import { addArticle, addVersion, openTempStore } from './testdata/store.ts';

const v1 = {
  title: 'Ferry runs aground',
  byline: null,
  published: null,
  paragraphs: ['First paragraph here.', 'Second paragraph about the ferry and its passengers.', 'Third one.', 'Fourth one.'],
};
const digest = (b: typeof v1) => digestOf(diffVersions(v1, b), b);

describe('change digests', () => {
  it('name the change: headline, removed paragraphs, moves', () => {
    expect(digest({ ...v1, title: 'Ferry refloated' }).title).toBe(
      'Headline changed: \u201cFerry runs aground\u201d \u2192 \u201cFerry refloated\u201d',
    );
    const removed = digest({ ...v1, paragraphs: ['First paragraph here.', 'Fourth one.'] });
    expect(removed.title).toBe('2 paragraphs removed from \u201cFerry runs aground\u201d');
    expect(removed.preview).toEqual({
      kind: 'paragraphs',
      what: 'removed',
      count: 2,
      firstWords: 'Second paragraph about the ferry and its passengers.',
    });
    const moved = digest({
      ...v1,
      paragraphs: ['Fourth one.', 'First paragraph here.', 'Second paragraph about the ferry and its passengers.', 'Third one.'],
    });
    expect(moved.title).toBe('1 paragraph moved in \u201cFerry runs aground\u201d');
    expect(moved.summary).toMatch(/^1 paragraph moved/);
  });

  it('preview the changed sentence only, with "…" where the paragraph is cut', () => {
    const segs = [
      { op: 'same' as const, text: 'An opening sentence. The council said ' },
      { op: 'del' as const, text: '12' },
      { op: 'ins' as const, text: '15' },
      { op: 'same' as const, text: ' people were hurt. A closing sentence follows here.' },
    ];
    expect(
      changedSentence(segs)
        .map((s) => s.text)
        .join('|'),
    ).toBe('\u2026 The council said |12|15| people were hurt. \u2026');
    expect(firstWords('one two three four five six seven eight nine ten eleven twelve thirteen fourteen', 30)).toBe(
      'one two three four five six\u2026',
    );
  });

  it('feed HTML escapes the text of the page', () => {
    const evil = digest({ ...v1, paragraphs: [...v1.paragraphs, '<script>alert(1)</script>'] });
    expect(evil.html).toContain('<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>');
    expect(evil.html).not.toContain('<script>');
  });
});

describe('the digest cache', () => {
  it('reads the versions before a page of changes in one query, leaves hidden text out, and is not asked again', async () => {
    const t = await openTempStore();
    try {
      const source = await t.store.upsertSource(
        { key: 's', name: 'S', feedUrl: 'http://news.test/feed', pollPeriodSec: 300, include: [], exclude: [] },
        0,
      );
      const latest = [];
      for (let i = 0; i < 4; i++) {
        const id = await addArticle(t.store, source.id, `http://news.test/a${i}`, 0);
        await addVersion(t.store, id, { ...v1, capturedAt: 1 });
        latest.push(await addVersion(t.store, id, { ...v1, title: `Headline ${i}`, capturedAt: 2 }));
      }
      await t.store.setVersionHidden(latest[3].articleId, 1, { at: 3, reason: 'legal' });
      const calls: string[] = [];
      const counted = new Proxy(t.store, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver);
          return typeof value === 'function' ? (...args: unknown[]) => (calls.push(String(key)), value.apply(target, args)) : value;
        },
      }) as Store;
      const cache = createDigestCache(counted, 100);
      const digests = await cache.forVersions(latest);
      expect(calls).toEqual(['getVersions']);
      expect([...digests.keys()]).toEqual(latest.slice(0, 3).map((v) => v.id));
      expect(digests.get(latest[1].id)!.title).toBe('Headline changed: \u201cFerry runs aground\u201d \u2192 \u201cHeadline 1\u201d');
      calls.length = 0;
      expect((await cache.forVersions(latest.slice(0, 3))).size).toBe(3);
      expect(calls).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });
});
