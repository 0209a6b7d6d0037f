import type { Store } from '../store.ts';

/**
 * `count` retired articles of a source `seed` that has no feed (never polled), two versions each,
 * whose first paragraph is `words` words from a 3,000-word vocabulary: a front page worth rendering
 * and text for search to chew on, without the tracker touching them.
 */
export async function seedShownArticles(
  store: Store,
  opts: { count: number; words: number; urlBase: string; now: number; word?: string },
): Promise<void> {
  const { count, words, urlBase, now, word = 'word' } = opts;
  const src = await store.upsertSource({ key: 'seed', name: 'Seed', feedUrl: '', pollPeriodSec: 3600, include: [], exclude: [] }, now);
  for (let i = 0; i < count; i++) {
    const { article } = await store.upsertArticle({
      sourceId: src.id,
      url: `${urlBase}/${i}`,
      host: 'seed.example',
      feedTitle: `Seed ${i}`,
      feedPublishedAt: null,
      now,
      checkPeriodSec: 1800,
    });
    for (let n = 1; n <= 2; n++) {
      await store.addVersion(article.id, n, {
        title: `Seed story ${i}`,
        byline: null,
        published: null,
        fingerprint: `f${i}.${n}`,
        extractorVersion: 'seed',
        capturedAt: now - 1000 + n,
        paragraphs: [Array.from({ length: words }, (_, w) => `${word}${(w * 31 + i) % 3000}`).join(' '), `version ${n}`],
        rawHtml: null,
        wordsAdded: 1,
        wordsRemoved: 1,
      });
    }
    await store.updateArticle(article.id, { status: 'retired', nextCheckAt: null });
  }
}
