/**
 * Bulk seeding for bench:web: articles with versions written through the store's own SQL
 * (paragraph texts once per article, hash-chain records, full-text index, article counters:
 * everything the tracker writes), but thousands of versions per transaction instead of one, so
 * 10^6 versions take minutes, not hours.
 */
import { diffVersions, versionChange } from '../../src/diff/index.ts';
import type { Millis, Source } from '../../src/model/index.ts';
import { upsertArticle } from '../../src/store/sql/articles.ts';
import type { Db } from '../../src/store/sql/db.ts';
import type { SqlStore } from '../../src/store/sql/sql-store.ts';
import { addVersion, type VersionHooks } from '../../src/store/sql/versions.ts';
import { indexVersion } from '../../src/store/sqlite/search.ts';

export interface SeedPlan {
  articles: number;
  versionsPerArticle: number;
  /** The last article gets this many paragraphs (the diff page's worst case); the others 8. */
  bigParagraphs: number;
  start: Millis;
}

const WORDS = (
  'government minister said report council police budget health school city week people year plan ' +
  'officials election court water energy housing transport prices workers union hospital figures local national ' +
  'announced expected statement spokesman according published review inquiry'
).split(' ');

/** Deterministic pseudo-random numbers, so every run seeds the same database. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function sentence(rand: () => number, words: number): string {
  const out = Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  return `${out.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/** Bump when the seeded data changes: the cached database's directory name carries it. */
export const SEED_VERSION = 2;
/** Share of later versions whose headline changes, and of edits that add a correction notice. */
const HEADLINE_EDIT_SHARE = 0.2;
const NOTICE_SHARE = 0.01;

/** Next version's paragraphs: reword one paragraph, sometimes drop one or add one (rarely a correction notice), like real edits. */
function edit(paragraphs: string[], rand: () => number): string[] {
  const next = [...paragraphs];
  const i = Math.floor(rand() * next.length);
  next[i] = next[i].replace(/\b\w+\b/, WORDS[Math.floor(rand() * WORDS.length)]) + ' ' + sentence(rand, 6);
  if (rand() < 0.3 && next.length > 3) next.splice(Math.floor(rand() * next.length), 1);
  if (rand() < 0.3) next.splice(Math.floor(rand() * next.length), 0, sentence(rand, 25));
  if (rand() < NOTICE_SHARE)
    next.push(`Correction: an earlier version of this article misstated the ${WORDS[Math.floor(rand() * WORDS.length)]} figures.`);
  return next;
}

const hooks: VersionHooks = {
  // One writer: the transaction already holds SQLite's write lock.
  lockArticle: (tx, id) => tx.get<{ version_count: number }>('SELECT version_count FROM articles WHERE id = ?', [id]),
  indexVersion,
};

const ARTICLES_PER_TX = 1_000;

/** Seeds a SQLite store; returns the id of the big article. */
export async function bulkSeed(store: SqlStore, plan: SeedPlan, progress: (articles: number) => void): Promise<number> {
  const rand = rng(42);
  const sources: Source[] = [];
  for (const key of ['bbc', 'guardian', 'reuters', 'nyt', 'lemonde']) {
    sources.push(
      await store.upsertSource(
        { key, name: key.toUpperCase(), feedUrl: `https://${key}.test/feed.xml`, pollPeriodSec: 300, include: [], exclude: [] },
        plan.start,
      ),
    );
  }
  let bigId = 0;
  // Articles a minute apart at 10^5 articles keeps the whole history within a few months.
  const spacing = Math.max(60_000, Math.floor((240_000 * 10_000) / plan.articles));
  for (let from = 0; from < plan.articles; from += ARTICLES_PER_TX) {
    await store.db.tx(async (tx: Db) => {
      for (let a = from; a < Math.min(plan.articles, from + ARTICLES_PER_TX); a++) {
        const source = sources[a % sources.length];
        const firstSeen = plan.start + a * spacing;
        const { article } = await upsertArticle(tx, {
          sourceId: source.id,
          url: `https://${source.key}.test/news/${a}`,
          host: `${source.key}.test`,
          feedTitle: null,
          feedPublishedAt: firstSeen,
          now: firstSeen,
          checkPeriodSec: 1800,
        });
        const big = a === plan.articles - 1;
        if (big) bigId = article.id;
        let paragraphs = Array.from({ length: big ? plan.bigParagraphs : 8 }, () => sentence(rand, 20 + Math.floor(rand() * 20)));
        let at = firstSeen;
        let title = `${sentence(rand, 6).slice(0, -1)} (${a})`;
        let previous: { title: string; byline: null; published: null; paragraphs: string[] } | null = null;
        for (let n = 1; n <= plan.versionsPerArticle; n++) {
          if (n > 1 && rand() < HEADLINE_EDIT_SHARE) title = `${sentence(rand, 6).slice(0, -1)} (${a})`;
          const text = { title, byline: null, published: null, paragraphs };
          // The change (labels, level, preview) and word counts as the tracker stores them.
          const model = previous ? diffVersions(previous, text) : null;
          await addVersion(tx, hooks, article.id, n, {
            ...text,
            fingerprint: `${a}-${n}`,
            extractorVersion: 'bench',
            capturedAt: at,
            rawHtml: null,
            wordsAdded: model?.summary.wordsAdded ?? 0,
            wordsRemoved: model?.summary.wordsRemoved ?? 0,
            change: model ? versionChange(model) : null,
          });
          previous = text;
          paragraphs = edit(paragraphs, rand);
          at += 1_800_000 + Math.floor(rand() * 3_600_000);
        }
      }
    });
    progress(Math.min(plan.articles, from + ARTICLES_PER_TX));
  }
  return bigId;
}
