import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChangeLabel, ChangeLevel } from '../../model/index.ts';
import { T0, makeArticle, makeSource, versionInput } from '../contract/fixtures.ts';
import { openPostgresStore } from '../postgres/open.ts';
import { postgresSearch } from '../postgres/search.ts';
import { openSqliteStore } from '../sqlite/open.ts';
import { sqliteSearch } from '../sqlite/search.ts';
import type { SearchQuery, Store } from '../store.ts';
import type { SqlStore } from './sql-store.ts';
import { search, type SearchHooks } from './search.ts';

/**
 * search() walks versions newest first and probes each for a match, falling back to grouping every
 * match when its batches run out. Whatever the batches, the pages must be the ones the grouping
 * query gives: same articles, order, versions and cursors.
 */
const WORDS = ['budget', 'minister', 'hospital', 'court', 'railway', 'storm', 'election', 'housing'];

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

async function seed(store: Store): Promise<void> {
  const pick = rng(11);
  const sources = [await makeSource(store, 'a'), await makeSource(store, 'b'), await makeSource(store, 'c')];
  const articles: { id: number; i: number; versions: number; next: number }[] = [];
  for (let i = 0; i < 30; i++) {
    const article = await makeArticle(store, sources[i % 3], `story-${i}`);
    articles.push({ id: article.id, i, versions: 1 + Math.floor(pick() * 6), next: 1 });
  }
  // Versions are stored in an order unrelated to their articles' ids, so ties in capture time are
  // not settled by the version id order by chance.
  for (let pending = articles; pending.length; pending = pending.filter((a) => a.next <= a.versions)) {
    const a = pending[Math.floor(pick() * pending.length)];
    const n = a.next++;
    // Few words per version, common ones more often; capture times repeat, so ties are common.
    const words = WORDS.filter((_, k) => pick() < 0.7 / (k + 1));
    const level: ChangeLevel = pick() < 0.5 ? 'major' : 'minor';
    const labels: ChangeLabel[] = level === 'major' ? ['headline-changed'] : ['typo-only'];
    await store.addVersion(
      a.id,
      n,
      versionInput(`Story ${a.i} v${n}`, [`Story ${a.i} says ${words.join(' ')} today.`], {
        capturedAt: T0 + Math.floor(pick() * 8) * 5000,
        change: n > 1 ? { labels, level, titleChanged: level === 'major', preview: null } : null,
      }),
    );
  }
  await store.setVersionHidden(articles[7].id, 1, { at: T0, reason: 'test' });
  await store.setArticleHidden(articles[12].id, { at: T0, reason: 'test' });
}

async function pages(store: Store, hooks: SearchHooks, q: Omit<SearchQuery, 'cursor'>, batches: number[]) {
  const out: unknown[] = [];
  let cursor: string | null = null;
  do {
    const page = await search((store as SqlStore).db, hooks, { ...q, cursor }, batches);
    out.push(page);
    cursor = page.nextCursor;
  } while (cursor && out.length < 50);
  return out;
}

function cases(name: string, open: () => Promise<Store>, hooks: SearchHooks) {
  describe(`${name}: search probing newest first`, () => {
    it('gives the pages of the grouping query, whatever the probe batches', async () => {
      const store = await open();
      try {
        await seed(store);
        const sourceB = (await store.getSource('b'))!.id;
        const queries: Omit<SearchQuery, 'cursor' | 'limit'>[] = [
          { text: 'budget' },
          { text: 'minister hospital' },
          { text: 'housing' },
          { text: 'elect*' },
          { text: '"says budget"' },
          { text: 'court', sourceId: sourceB },
          { text: 'budget', from: T0 + 10_000, to: T0 + 30_000 },
          { text: 'story', minLevel: 'major' },
          { text: 'story', labels: ['typo-only'] },
          { text: 'nothingmatches' },
        ];
        let probed = 0;
        for (const q of queries) {
          for (const limit of [1, 3, 7]) {
            const grouped = await pages(store, hooks, { ...q, limit }, []);
            for (const batches of [[1, 2], [2, 3, 5], [1000]]) {
              expect(await pages(store, hooks, { ...q, limit }, batches), `${JSON.stringify(q)} ${limit} ${batches}`).toEqual(grouped);
            }
            probed += grouped.length;
          }
        }
        // The queries page through real results, not only empty ones.
        expect(probed).toBeGreaterThan(60);
        const first = (await search((store as SqlStore).db, hooks, { text: 'budget', limit: 3 })).items;
        expect(first).toHaveLength(3);
        expect(first[0].versions.length).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'redline-search-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cases(
  'sqlite',
  async () => {
    const store = openSqliteStore(join(dir, `${randomBytes(4).toString('hex')}.db`));
    await store.migrate();
    return store;
  },
  sqliteSearch,
);

const url = process.env.REDLINE_TEST_PG;
if (url) {
  const schema = `redline_probe${randomBytes(4).toString('hex')}`;
  let opened: SqlStore | null = null;
  afterAll(async () => {
    if (!opened) return;
    const again = openPostgresStore(url, { schema });
    await again.db.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await again.close();
  });
  cases(
    'postgres',
    async () => {
      opened = openPostgresStore(url, { schema });
      await opened.migrate();
      return opened;
    },
    postgresSearch,
  );
}
