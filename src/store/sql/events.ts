import type { ArticleEvent, NewEvent } from '../../model/index.ts';
import type { Db } from './db.ts';
import { EVENT_COLUMNS, bare, toEvent } from './rows.ts';

export async function addEvent(db: Db, e: NewEvent): Promise<ArticleEvent> {
  const row = await db.get(
    `INSERT INTO events (article_id, at, kind, version_number, detail) VALUES (?, ?, ?, ?, ?)
     RETURNING ${bare(EVENT_COLUMNS)}`,
    [e.articleId, e.at, e.kind, e.versionNumber, e.detail],
  );
  return toEvent(row!);
}

export async function listEvents(db: Db, articleId: number): Promise<ArticleEvent[]> {
  const rows = await db.all(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.article_id = ? ORDER BY e.at, e.id`, [
    articleId,
  ]);
  return rows.map(toEvent);
}
