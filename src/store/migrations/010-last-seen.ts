import type { Migration } from './list.ts';

// Issue 14: the version a page showed at its last check is kept on the article (the store sets it
// with each new version and each revert), so a check no longer replays the article's events.
// Existing articles get it from their history: the target of the latest revert recorded at or after
// the latest version, else the latest version (NULL while an article has none).
const backfill = `UPDATE articles SET last_seen_version = COALESCE(
  (SELECT e.version_number FROM events e
    WHERE e.article_id = articles.id AND e.kind = 'revert' AND e.version_number IS NOT NULL
      AND e.at >= (SELECT v.captured_at FROM versions v WHERE v.article_id = articles.id AND v.number = articles.version_count)
    ORDER BY e.at DESC, e.id DESC LIMIT 1),
  NULLIF(articles.version_count, 0))`;

const statements = ['ALTER TABLE articles ADD COLUMN last_seen_version INTEGER', backfill];

export const lastSeen: Migration = {
  version: 10,
  name: 'the version each article last showed',
  sqlite: statements,
  postgres: statements,
};
