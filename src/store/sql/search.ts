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
  /** A short plain-text extract around the match, per version id. */
  snippets(db: Db, terms: string[][], versionIds: number[]): Promise<Map<number, string>>;
}

interface ArticleKey {
  article_id: number;
  last_at: number;
}

/** Articles with a matching version, the most recently matching first; each with its matching versions. */
export async function search(db: Db, hooks: SearchHooks, q: SearchQuery): Promise<Page<SearchHit>> {
  const terms = parseSearchText(q.text);
  if (terms.length === 0) return { items: [], nextCursor: null };
  const match = hooks.matching(terms);
  const where = [`v.id IN (${match.sql})`, 'v.hidden_at IS NULL', 'a.hidden_at IS NULL'];
  const params: Param[] = [...match.params];
  if (q.sourceId !== undefined) (where.push('a.source_id = ?'), params.push(q.sourceId));
  const range = versionFilter(q);
  where.push(...range.where);
  params.push(...range.params);
  const having: string[] = [];
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2);
    having.push('HAVING MAX(v.captured_at) < ? OR (MAX(v.captured_at) = ? AND v.article_id < ?)');
    params.push(at, at, id);
  }
  const keys = await db.all<ArticleKey>(
    `SELECT v.article_id, MAX(v.captured_at) AS last_at FROM versions v JOIN articles a ON a.id = v.article_id
     WHERE ${where.join(' AND ')} GROUP BY v.article_id ${having.join('')}
     ORDER BY last_at DESC, v.article_id DESC LIMIT ?`,
    [...params, q.limit + 1],
  );
  const page = pageOf(
    keys.map((k) => ({ articleId: Number(k.article_id), lastAt: Number(k.last_at) })),
    q.limit,
    (k) => [k.lastAt, k.articleId],
  );
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

/** Capture-time range and change filter (level, labels) on the versions `v`. */
function versionFilter(q: SearchQuery): { where: string[]; params: Param[] } {
  const where: string[] = changeConditions('v', q);
  const params: Param[] = [];
  if (q.from !== undefined) (where.push('v.captured_at >= ?'), params.push(q.from));
  if (q.to !== undefined) (where.push('v.captured_at < ?'), params.push(q.to));
  return { where, params };
}

async function hits(db: Db, hooks: SearchHooks, terms: string[][], articleIds: number[], q: SearchQuery): Promise<SearchHit[]> {
  if (articleIds.length === 0) return [];
  const match = hooks.matching(terms);
  const range = versionFilter(q);
  const rows = await db.all<{ id: number; article_id: number; number: number; captured_at: number; title: string }>(
    `SELECT v.id, v.article_id, v.number, v.captured_at, v.title FROM versions v
     WHERE v.id IN (${match.sql}) AND v.hidden_at IS NULL AND v.article_id IN (${placeholders(articleIds.length)})${range.where.map((w) => ` AND ${w}`).join('')}
     ORDER BY v.number DESC`,
    [...match.params, ...articleIds, ...range.params],
  );
  const snippets = await hooks.snippets(
    db,
    terms,
    rows.map((r) => Number(r.id)),
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
