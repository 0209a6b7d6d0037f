import type { Millis } from '../../model/index.ts';
import type { SourceLimitNote } from '../store.ts';
import { placeholders, type Db } from './db.ts';

// Per-source limits (config `limits`): what the tracker counts before adding work, and the note it
// leaves on the source when something was held back.

export async function countNewArticles(db: Db, sourceId: number, since: Millis): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE source_id = ? AND first_seen_at >= ?', [
    sourceId,
    since,
  ]);
  return Number(row?.n ?? 0);
}

/** IN lists are kept well under both databases' limits on bound parameters. */
const URL_CHUNK = 500;

export async function knownArticleUrls(db: Db, urls: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < urls.length; i += URL_CHUNK) {
    const chunk = urls.slice(i, i + URL_CHUNK);
    const rows = await db.all<{ url: string }>(`SELECT url FROM articles WHERE url IN (${placeholders(chunk.length)})`, chunk);
    for (const r of rows) known.add(String(r.url));
  }
  return known;
}

export async function countVersionsSince(db: Db, articleId: number, since: Millis): Promise<number> {
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM versions WHERE article_id = ? AND captured_at >= ?', [
    articleId,
    since,
  ]);
  return Number(row?.n ?? 0);
}

export async function recordSourceLimit(db: Db, sourceId: number, n: SourceLimitNote): Promise<void> {
  await db.run('UPDATE sources SET limited_count = limited_count + ?, limited_at = ?, limited_note = ? WHERE id = ?', [
    n.count,
    n.at,
    n.note.slice(0, 500),
    sourceId,
  ]);
}
