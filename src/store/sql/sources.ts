import type { Millis, Source, SourceInput, SourceWithStats } from '../../model/index.ts';
import type { SourcePollResult } from '../store.ts';
import type { Db } from './db.ts';
import { SOURCE_COLUMNS, bare, toSource } from './rows.ts';

export async function upsertSource(db: Db, input: SourceInput, now: Millis): Promise<Source> {
  const include = JSON.stringify(input.include);
  const exclude = JSON.stringify(input.exclude);
  // The schedule and poll state of an existing source are kept; only its definition changes.
  // A source without a feed (the built-in `manual` one) is never polled.
  const enabled = input.feedUrl ? 1 : 0;
  const row = await db.get(
    `INSERT INTO sources (key, name, feed_url, poll_period_sec, include_json, exclude_json, enabled, created_at, next_poll_at,
       source_type, link_pattern, render)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET name = excluded.name, feed_url = excluded.feed_url,
       poll_period_sec = excluded.poll_period_sec, enabled = excluded.enabled, include_json = excluded.include_json, exclude_json = excluded.exclude_json,
       source_type = excluded.source_type, link_pattern = excluded.link_pattern, render = excluded.render
     RETURNING ${bare(SOURCE_COLUMNS)}`,
    [
      input.key,
      input.name,
      input.feedUrl,
      input.pollPeriodSec,
      include,
      exclude,
      enabled,
      now,
      now,
      input.type ?? 'feed',
      input.linkPattern ?? null,
      input.render ?? 'http',
    ],
  );
  return toSource(row!);
}

/** Deletes the source and, through foreign keys, its articles and their history. */
export async function removeSource(db: Db, key: string): Promise<boolean> {
  return (await db.run('DELETE FROM sources WHERE key = ?', [key])) > 0;
}

export async function getSource(db: Db, idOrKey: number | string): Promise<Source | null> {
  const column = typeof idOrKey === 'number' ? 's.id' : 's.key';
  const row = await db.get(`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE ${column} = ?`, [idOrKey]);
  return row ? toSource(row) : null;
}

export async function listSources(db: Db): Promise<SourceWithStats[]> {
  const rows = await db.all(
    `SELECT ${SOURCE_COLUMNS}, COALESCE(c.articles, 0) AS article_count, COALESCE(c.versions, 0) AS version_count
     FROM sources s
     LEFT JOIN (SELECT source_id, COUNT(*) AS articles, SUM(version_count) AS versions FROM articles
       WHERE hidden_at IS NULL GROUP BY source_id) c ON c.source_id = s.id
     ORDER BY s.key`,
  );
  // Hidden versions of visible articles are few (a partial index holds them); they are not counted either.
  const hidden = await db.all<{ source_id: number; n: number }>(
    `SELECT a.source_id, COUNT(*) AS n FROM versions v JOIN articles a ON a.id = v.article_id
     WHERE v.hidden_at IS NOT NULL AND a.hidden_at IS NULL GROUP BY a.source_id`,
  );
  const hiddenBySource = new Map(hidden.map((h) => [Number(h.source_id), Number(h.n)]));
  return rows.map((r) => ({
    ...toSource(r),
    articleCount: Number(r.article_count),
    versionCount: Number(r.version_count) - (hiddenBySource.get(Number(r.id)) ?? 0),
  }));
}

export async function recordSourcePoll(db: Db, sourceId: number, r: SourcePollResult): Promise<void> {
  await db.run(
    `UPDATE sources SET last_poll_at = ?, last_status = ?, last_error = ?, etag = ?, last_modified = ?,
       next_poll_at = ?, last_note = ?, lease_owner = NULL, lease_until = NULL, last_ok_at = CASE WHEN ? = 'error' THEN last_ok_at ELSE ? END
     WHERE id = ?`,
    [r.at, r.status, r.error, r.etag, r.lastModified, r.nextPollAt, r.note ?? null, r.status, r.at, sourceId],
  );
}

/** Brings a source's next poll forward to `at` (never later than it already is). False when there is no such enabled source. */
export async function markSourceDue(db: Db, sourceId: number, at: Millis): Promise<boolean> {
  const n = await db.run(
    `UPDATE sources SET next_poll_at = CASE WHEN next_poll_at > ? THEN ? ELSE next_poll_at END WHERE id = ? AND enabled = 1`,
    [at, at, sourceId],
  );
  return n > 0;
}
