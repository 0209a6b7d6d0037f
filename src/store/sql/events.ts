import type { ArticleEvent, NewEvent } from '../../model/index.ts';
import { NotFoundError } from '../../model/index.ts';
import { CHAINED_EVENT_KINDS } from '../chain.ts';
import type { Db } from './db.ts';
import { chainEvent } from './records.ts';
import { EVENT_COLUMNS, bare, toEvent } from './rows.ts';
import type { VersionHooks } from './versions.ts';

/** Stores an event; removals, restorations and reverts are appended to the article's chain in the same transaction. */
export async function addEvent(db: Db, hooks: VersionHooks, e: NewEvent): Promise<ArticleEvent> {
  if (!CHAINED_EVENT_KINDS.includes(e.kind)) return insertEvent(db, e);
  return db.tx(async (tx) => {
    if (!(await hooks.lockArticle(tx, e.articleId))) throw new NotFoundError(`article ${e.articleId} not found`);
    return writeEvent(tx, e);
  });
}

/**
 * Stores an event inside a transaction that holds the article's lock: chained kinds join the chain,
 * and a revert makes its version the one the article last showed.
 */
export async function writeEvent(tx: Db, e: NewEvent): Promise<ArticleEvent> {
  const event = await insertEvent(tx, e);
  if (!CHAINED_EVENT_KINDS.includes(e.kind)) return event;
  await chainEvent(tx, event);
  if (e.kind === 'revert' && e.versionNumber !== null) {
    await tx.run('UPDATE articles SET last_seen_version = ? WHERE id = ?', [e.versionNumber, e.articleId]);
  }
  return event;
}

async function insertEvent(db: Db, e: NewEvent): Promise<ArticleEvent> {
  const row = await db.get(
    `INSERT INTO events (article_id, at, kind, version_number, detail) VALUES (?, ?, ?, ?, ?)
     RETURNING ${bare(EVENT_COLUMNS)}`,
    [e.articleId, e.at, e.kind, e.versionNumber, e.detail],
  );
  return toEvent(row!);
}

export async function listEvents(db: Db, articleId: number): Promise<ArticleEvent[]> {
  const rows = await db.all(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.article_id = ? ORDER BY e.at, e.id`, [articleId]);
  return rows.map(toEvent);
}
