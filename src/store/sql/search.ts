import type { Page, SearchHit } from '../../model/index.ts';
import type { SearchQuery } from '../store.ts';
import { articlesById } from './changes.ts';
import { changeConditions } from './change-filter.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { placeholders, type Db, type Param } from './db.ts';
import { parseSearchText } from './search-query.ts';

/** Snippets are built from the first few terms only: their cost grows faster than the term count. */
export const SNIPPET_TERMS = 4;

/** The full-text part each database provides. */
export interface SearchHooks {
  /** SQL selecting `version_id` of every version matching all terms. */
  matching(terms: string[][]): { sql: string; params: Param[] };
  /** SQL condition: the version `alias.id` matches all terms (one index probe per row, for a few rows). */
  matches(terms: string[][], alias: string): { sql: string; params: Param[] };
  /** A short plain-text extract around the match, per version id. */
  snippets(db: Db, terms: string[][], versionIds: number[]): Promise<Map<number, string>>;
}

/**
 * Versions read newest first by the probing walk before it gives up (64 + 256 + 1,024): a word in
 * most articles fills a page within the first batch; a rarer one falls back to grouping every match,
 * which costs what its few matches cost.
 */
export const PROBE_BATCHES = [64, 256, 1024];

/** Articles with a matching version, the most recently matching first; each with its matching versions. */
export async function search(db: Db, hooks: SearchHooks, q: SearchQuery, batches = PROBE_BATCHES): Promise<Page<SearchHit>> {
  const terms = parseSearchText(q.text);
  if (terms.length === 0) return { items: [], nextCursor: null };
  const cursor = q.cursor ? (decodeCursor(q.cursor, 2) as [number, number]) : null;
  const keys = (await probeNewest(db, hooks, terms, q, cursor, batches)) ?? (await groupAll(db, hooks, terms, q, cursor));
  const page = pageOf(keys, q.limit, (k) => [k.lastAt, k.articleId]);
  return {
    items: await hits(
      db,
      hooks,
      terms,
      page.items.map((k) => k.articleId),
      q,
    ),
    nextCursor: page.nextCursor,
  };
}

interface ArticleKey {
  articleId: number;
  lastAt: number;
}

interface ProbeRow {
  id: number;
  article_id: number;
  captured_at: number;
  m: number | boolean;
}

const byNewest = (a: ArticleKey, b: ArticleKey) => b.lastAt - a.lastAt || b.articleId - a.articleId;

/** The source of the version's article, or NULL when the article is hidden: a scalar subquery keeps the versions index the outer loop. */
const VISIBLE_ARTICLE_SOURCE = '(SELECT a.source_id FROM articles a WHERE a.id = x.article_id AND a.hidden_at IS NULL)';

/**
 * The page's article keys (limit + 1 of them) found by walking the visible versions newest first and
 * probing each for a match, or null when PROBE_BATCHES run out first. An article's first matching
 * version on the walk is its newest: the walk stops once it is past the capture time of the last
 * article it needs, so ties are settled as the grouping query settles them.
 */
async function probeNewest(
  db: Db,
  hooks: SearchHooks,
  terms: string[][],
  q: SearchQuery,
  cursor: [number, number] | null,
  batches: number[],
): Promise<ArticleKey[] | null> {
  const range = versionFilter(q, 'x');
  const match = hooks.matches(terms, 'x');
  const where = ['x.hidden_at IS NULL', ...range.where];
  const params: Param[] = [...range.params];
  if (q.sourceId !== undefined) (where.push(`${VISIBLE_ARTICLE_SOURCE} = ?`), params.push(q.sourceId));
  else where.push(`${VISIBLE_ARTICLE_SOURCE} IS NOT NULL`);
  if (cursor) (where.push('x.captured_at <= ?'), params.push(cursor[0]));
  const found = new Map<number, number>();
  let after: [number, number] | null = null;
  for (const size of batches) {
    const keyset: string[] = after ? ['(x.captured_at < ? OR (x.captured_at = ? AND x.id < ?))'] : [];
    const rows: ProbeRow[] = await db.all<ProbeRow>(
      `SELECT x.id, x.article_id, x.captured_at, CASE WHEN ${match.sql} THEN 1 ELSE 0 END AS m
       FROM (SELECT x.id, x.article_id, x.captured_at FROM versions x WHERE ${[...where, ...keyset].join(' AND ')}
             ORDER BY x.captured_at DESC, x.id DESC LIMIT ?) x
       ORDER BY x.captured_at DESC, x.id DESC`,
      [...match.params, ...params, ...(after ? [after[0], after[0], after[1]] : []), size],
    );
    const fresh: ArticleKey[] = [];
    for (const r of rows) {
      const articleId = Number(r.article_id);
      if (!Number(r.m) || found.has(articleId)) continue;
      found.set(articleId, Number(r.captured_at));
      fresh.push({ articleId, lastAt: Number(r.captured_at) });
    }
    // After a cursor, an article whose newest match is at or before the cursor's place was on an earlier page.
    if (cursor && fresh.length) for (const id of await listedBefore(db, hooks, terms, q, cursor, fresh)) found.delete(id);
    const keys = [...found].map(([articleId, lastAt]) => ({ articleId, lastAt })).sort(byNewest);
    const exhausted = rows.length < size;
    if (cursor) {
      const [at, id] = cursor;
      const afterCursor = keys.filter((k) => k.lastAt < at || (k.lastAt === at && k.articleId < id));
      if (exhausted) return afterCursor.slice(0, q.limit + 1);
      const last: ProbeRow = rows[rows.length - 1];
      after = [Number(last.captured_at), Number(last.id)];
      if (afterCursor.length > q.limit && after[0] < afterCursor[q.limit].lastAt) return afterCursor.slice(0, q.limit + 1);
      continue;
    }
    if (exhausted) return keys.slice(0, q.limit + 1);
    const last: ProbeRow = rows[rows.length - 1];
    after = [Number(last.captured_at), Number(last.id)];
    if (keys.length > q.limit && after[0] < keys[q.limit].lastAt) return keys.slice(0, q.limit + 1);
  }
  return null;
}

/** Of these articles, the ones with a matching version at or before the cursor's place in the order (so on an earlier page). */
async function listedBefore(
  db: Db,
  hooks: SearchHooks,
  terms: string[][],
  q: SearchQuery,
  [at, id]: [number, number],
  candidates: ArticleKey[],
): Promise<number[]> {
  const range = versionFilter(q, 'x');
  const match = hooks.matches(terms, 'x');
  const ids = candidates.map((k) => k.articleId);
  const rows = await db.all<{ article_id: number }>(
    `SELECT DISTINCT x.article_id FROM versions x
     WHERE x.article_id IN (${placeholders(ids.length)}) AND x.hidden_at IS NULL${range.where.map((w) => ` AND ${w}`).join('')}
       AND (x.captured_at > ? OR (x.captured_at = ? AND x.article_id >= ?)) AND ${match.sql}`,
    [...ids, ...range.params, at, at, id, ...match.params],
  );
  return rows.map((r) => Number(r.article_id));
}

/** Every matching version grouped by article: the plan for words few versions hold. */
async function groupAll(
  db: Db,
  hooks: SearchHooks,
  terms: string[][],
  q: SearchQuery,
  cursor: [number, number] | null,
): Promise<ArticleKey[]> {
  const match = hooks.matching(terms);
  const where = [`v.id IN (${match.sql})`, 'v.hidden_at IS NULL', 'a.hidden_at IS NULL'];
  const params: Param[] = [...match.params];
  if (q.sourceId !== undefined) (where.push('a.source_id = ?'), params.push(q.sourceId));
  const range = versionFilter(q, 'v');
  where.push(...range.where);
  params.push(...range.params);
  const having: string[] = [];
  if (cursor) {
    const [at, id] = cursor;
    having.push('HAVING MAX(v.captured_at) < ? OR (MAX(v.captured_at) = ? AND v.article_id < ?)');
    params.push(at, at, id);
  }
  const keys = await db.all<{ article_id: number; last_at: number }>(
    `SELECT v.article_id, MAX(v.captured_at) AS last_at FROM versions v JOIN articles a ON a.id = v.article_id
     WHERE ${where.join(' AND ')} GROUP BY v.article_id ${having.join('')}
     ORDER BY last_at DESC, v.article_id DESC LIMIT ?`,
    [...params, q.limit + 1],
  );
  return keys.map((k) => ({ articleId: Number(k.article_id), lastAt: Number(k.last_at) }));
}

/** Capture-time range and change filter (level, labels) on the versions `v`. */
function versionFilter(q: SearchQuery, alias: string): { where: string[]; params: Param[] } {
  const where: string[] = changeConditions(alias, q);
  const params: Param[] = [];
  if (q.from !== undefined) (where.push(`${alias}.captured_at >= ?`), params.push(q.from));
  if (q.to !== undefined) (where.push(`${alias}.captured_at < ?`), params.push(q.to));
  return { where, params };
}

async function hits(db: Db, hooks: SearchHooks, terms: string[][], articleIds: number[], q: SearchQuery): Promise<SearchHit[]> {
  if (articleIds.length === 0) return [];
  // Probed per version of the page's articles: a common word's whole match list is never read.
  const match = hooks.matches(terms, 'v');
  const range = versionFilter(q, 'v');
  const rows = await db.all<{ id: number; article_id: number; number: number; captured_at: number; title: string }>(
    `SELECT v.id, v.article_id, v.number, v.captured_at, v.title FROM versions v
     WHERE v.article_id IN (${placeholders(articleIds.length)}) AND v.hidden_at IS NULL${range.where.map((w) => ` AND ${w}`).join('')}
       AND ${match.sql}
     ORDER BY v.number DESC`,
    [...articleIds, ...range.params, ...match.params],
  );
  // Rows come newest first within each article: with `snippets: 'newest'` only the first of each gets one.
  const seen = new Set<number>();
  const wanted = rows.filter((r) => q.snippets !== 'newest' || (!seen.has(Number(r.article_id)) && seen.add(Number(r.article_id))));
  const snippets = await hooks.snippets(
    db,
    terms,
    wanted.map((r) => Number(r.id)),
  );
  const articles = await articlesById(db, articleIds);
  return articleIds.flatMap((id) => {
    const article = articles.get(id);
    if (!article) return [];
    const versions = rows
      .filter((r) => Number(r.article_id) === id)
      .map((r) => ({
        number: Number(r.number),
        capturedAt: Number(r.captured_at),
        title: r.title,
        snippet: (snippets.get(Number(r.id)) ?? '').replace(/\s+/g, ' ').trim(),
      }));
    return [{ article, versions }];
  });
}
