import { NotFoundError } from '../../model/index.ts';
import type { Article, ArticleWithSource, Page } from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import type { ArticlePatch, ArticleQuery, NewArticle } from '../store.ts';
import { runOften, type Db, type Param } from './db.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { ARTICLE_COLUMNS, ARTICLE_WITH_SOURCE_COLUMNS, bare, toArticle, toArticleWithSource } from './rows.ts';

export async function upsertArticle(db: Db, a: NewArticle): Promise<{ article: Article; created: boolean }> {
  const inserted = await db.get(
    `INSERT INTO articles (source_id, url, host, feed_title, feed_published_at, first_seen_at, status,
       check_period_sec, next_check_at, title)
     VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)
     ON CONFLICT (url) DO NOTHING
     RETURNING ${bare(ARTICLE_COLUMNS)}`,
    [a.sourceId, a.url, a.host, a.feedTitle, a.feedPublishedAt, a.now, a.checkPeriodSec, a.now, a.feedTitle],
  );
  if (inserted) return { article: toArticle(inserted), created: true };
  const existing = await getArticleByUrl(db, a.url);
  if (!existing) throw new StoreError(`article ${a.url} neither inserted nor found`);
  return { article: existing, created: false };
}

export async function getArticle(db: Db, id: number): Promise<ArticleWithSource | null> {
  const row = await db.get(`SELECT ${ARTICLE_WITH_SOURCE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?`, [
    id,
  ]);
  return row ? toArticleWithSource(row) : null;
}

export async function getArticleByUrl(db: Db, url: string): Promise<Article | null> {
  const row = await db.get(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.url = ?`, [url]);
  return row ? toArticle(row) : null;
}

/** Newest first (by id, i.e. by discovery), with optional filters. */
export async function listArticles(db: Db, q: ArticleQuery): Promise<Page<ArticleWithSource>> {
  // Hidden (legally removed) articles are left out unless the caller is an admin tool or a copy.
  const where: string[] = q.includeHidden ? [] : ['a.hidden_at IS NULL'];
  const params: Param[] = [];
  if (q.sourceId !== undefined) (where.push('a.source_id = ?'), params.push(q.sourceId));
  if (q.status !== undefined) (where.push('a.status = ?'), params.push(q.status));
  if (q.minVersions !== undefined) (where.push('a.version_count >= ?'), params.push(q.minVersions));
  if (q.cursor) (where.push('a.id < ?'), params.push(decodeCursor(q.cursor, 1)[0]));
  const rows = await db.all(
    // `+a.source_id`: no index on the join's article side, so the plan walks articles newest first and
    // stops at the limit (at 10^6 versions SQLite otherwise reads every article of every source and sorts).
    `SELECT ${ARTICLE_WITH_SOURCE_COLUMNS} FROM articles a JOIN sources s ON s.id = +a.source_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.id DESC LIMIT ?`,
    [...params, q.limit + 1],
  );
  return pageOf(rows.map(toArticleWithSource), q.limit, (last) => [last.id]);
}

const PATCH_COLUMNS: Record<keyof ArticlePatch, string> = {
  status: 'status',
  checkPeriodSec: 'check_period_sec',
  nextCheckAt: 'next_check_at',
  lastCheckedAt: 'last_checked_at',
  lastError: 'last_error',
  etag: 'etag',
  lastModified: 'last_modified',
  url: 'url',
  bodyDigest: 'body_digest',
};

/** Written by every check: the worker's lease on the article ends with the check's write. */
export const LEASE_RELEASE = ['lease_owner = NULL', 'lease_until = NULL'];

/** The columns and values a patch sets, in PATCH_COLUMNS order (fields left undefined are left alone). */
export function patchColumns(patch: ArticlePatch): [string, Param][] {
  const out: [string, Param][] = [];
  for (const [field, column] of Object.entries(PATCH_COLUMNS) as [keyof ArticlePatch, string][]) {
    if (patch[field] !== undefined) out.push([column, patch[field] as Param]);
  }
  return out;
}

export const urlTaken = (id: number, url: string, cause: unknown) =>
  new StoreError(`cannot move article ${id} to ${url}: another article has that URL`, { cause });

export async function updateArticle(db: Db, id: number, patch: ArticlePatch): Promise<void> {
  const columns = patchColumns(patch);
  const sets = [...LEASE_RELEASE, ...columns.map(([c]) => `${c} = ?`)];
  let changed: number;
  try {
    // Run on every check, in a handful of shapes (the fields a verdict sets).
    changed = await db.run(runOften(`UPDATE articles SET ${sets.join(', ')} WHERE id = ?`), [...columns.map(([, v]) => v), id]);
  } catch (err) {
    if (patch.url && db.isUniqueViolation(err)) throw urlTaken(id, patch.url, err);
    throw err;
  }
  if (changed === 0) throw new NotFoundError(`article ${id} not found`);
}

export async function removeArticle(db: Db, id: number): Promise<boolean> {
  return (await db.run('DELETE FROM articles WHERE id = ?', [id])) > 0;
}
