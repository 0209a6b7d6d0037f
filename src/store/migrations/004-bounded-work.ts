import type { Migration } from './list.ts';

// Per-source limits (issue 9): what a source had over its limits is counted and noted on the
// source, never silently dropped. New articles per source and day are counted by first_seen_at,
// with the index articles_source_seen that migration 005 creates (it serves quiet-source alerts too).
const statements = (bigint: string) => [
  `ALTER TABLE sources ADD COLUMN limited_count INTEGER NOT NULL DEFAULT 0`,
  `ALTER TABLE sources ADD COLUMN limited_at ${bigint}`,
  `ALTER TABLE sources ADD COLUMN limited_note TEXT`,
  `CREATE INDEX versions_article_captured ON versions (article_id, captured_at)`,
];

export const boundedWork: Migration = {
  version: 4,
  name: 'per-source limits',
  sqlite: statements('INTEGER'),
  postgres: statements('BIGINT'),
};
