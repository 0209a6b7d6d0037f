import type { Migration } from './list.ts';

// The reader generation: a number that grows with every committed write a reader could see, read by
// the website before it serves a cached page (web/page-cache.ts). Triggers keep it, so no write path
// (tracker, moderation, evidence, delivery, CLI) can forget it. It lives in the database because with
// PostgreSQL the website and the workers are separate processes.
//
// Every table written by Redline bumps it, except the ones no public page shows (GENERATION_SKIPPED).
// A table added later needs the same three triggers (generationTriggers), or a place in that list;
// the contract test "every table bumps the reader generation" fails until it has one of them.
//
// SQLite has one writer at a time: one row, bumped by row triggers. PostgreSQL has concurrent writers:
// a single row would serialise every write transaction on its row lock, so there are 64 slots, a
// connection bumps the slot of its backend pid, once per transaction (a transaction-local setting
// remembers it), and the generation is the sum: it grows with every commit and never goes back.

/** Tables that no public page, feed or API answer reads; writing them leaves cached pages valid. */
export const GENERATION_SKIPPED = [
  'schema_version',
  'reader_generation',
  'admin_tokens',
  'admin_sessions',
  // Liveness of workers, beaten every few seconds: shown by /health only, which is never cached.
  'worker_heartbeats',
  // The full-text index is written in the same transaction as its version (and is a virtual table in SQLite).
  'version_search',
];

/** Tables at migration 12 whose writes a reader may see. */
const TABLES = [
  'sources',
  'articles',
  'versions',
  'paragraph_texts',
  'events',
  'captures',
  'version_captures',
  'raw_pages',
  'records',
  'roots',
  'evidence_state',
  'archive_jobs',
  'archive_requests',
  'audit_log',
  'subscriptions',
  'outbox',
  'delivery_attempts',
  'delivery_lanes',
  'social_threads',
  'websub_subscriptions',
];

export const PG_SLOTS = 64;

export function generationTriggers(dialect: 'sqlite' | 'postgres', table: string): string[] {
  if (dialect === 'postgres')
    return [
      `CREATE TRIGGER reader_generation_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION bump_reader_generation()`,
    ];
  return ['INSERT', 'UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER reader_generation_${table}_${op.toLowerCase()} AFTER ${op} ON ${table}
     BEGIN UPDATE reader_generation SET n = n + 1 WHERE slot = 0; END`,
  );
}

// /sources counts the visible articles and versions of each source on every render: a covering index
// lets both databases count from the index alone instead of reading every article row.
const SOURCE_COUNTS = 'CREATE INDEX articles_source_counts ON articles (source_id, hidden_at, version_count)';

export const readerGeneration: Migration = {
  version: 12,
  name: 'reader generation (a counter every visible write bumps, for the page cache); covering index for source counts',
  sqlite: [
    'CREATE TABLE reader_generation (slot INTEGER PRIMARY KEY, n INTEGER NOT NULL)',
    'INSERT INTO reader_generation (slot, n) VALUES (0, 1)',
    ...TABLES.flatMap((t) => generationTriggers('sqlite', t)),
    SOURCE_COUNTS,
  ],
  postgres: [
    'CREATE TABLE reader_generation (slot INTEGER PRIMARY KEY, n BIGINT NOT NULL)',
    `INSERT INTO reader_generation (slot, n) SELECT g, CASE WHEN g = 0 THEN 1 ELSE 0 END FROM generate_series(0, ${PG_SLOTS - 1}) g`,
    `CREATE FUNCTION bump_reader_generation() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       IF current_setting('redline.reader_generation_tx', true) IS DISTINCT FROM txid_current()::text THEN
         UPDATE reader_generation SET n = n + 1 WHERE slot = pg_backend_pid() % ${PG_SLOTS};
         PERFORM set_config('redline.reader_generation_tx', txid_current()::text, true);
       END IF;
       RETURN NULL;
     END
     $fn$`,
    ...TABLES.flatMap((t) => generationTriggers('postgres', t)),
    SOURCE_COUNTS,
  ],
};
