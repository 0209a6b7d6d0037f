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

/**
 * Columns of `articles` and `sources` that the tracker rewrites on every check or poll (schedule,
 * validators, leases, the last outcome). An update that changes only these (a loud column written
 * with the value it had, like a check's status, counts as unchanged) does not bump the generation, or the
 * page cache would be emptied by every check of a running tracker. Pages that show them (last
 * checked, next check, last error) show them at most CLOCK_SLOT_MS late: a cached answer lives for
 * one 10-second slot of the clock at most (web/page-cache.ts). A column added later is quiet unless
 * it is added to an UPDATE OF list (generation.test.ts lists every column as one or the other).
 */
export const QUIET_COLUMNS: Record<string, readonly string[]> = {
  articles: [
    'check_period_sec',
    'next_check_at',
    'last_checked_at',
    'last_error',
    'etag',
    'last_modified',
    'lease_owner',
    'lease_until',
    // migration 13: the digest of the last check's body (tracker/body-digest.ts), shown nowhere
    'body_digest',
  ],
  sources: [
    'next_poll_at',
    'last_poll_at',
    'last_status',
    'last_error',
    'etag',
    'last_modified',
    'lease_owner',
    'lease_until',
    'last_ok_at',
    'last_note',
  ],
};

/** The other columns of those tables at migration 12: a new value in one of them bumps the generation. */
export const LOUD_COLUMNS: Record<string, readonly string[]> = {
  articles: [
    'id',
    'source_id',
    'url',
    'host',
    'feed_title',
    'feed_published_at',
    'first_seen_at',
    'status',
    'version_count',
    'last_version_at',
    'title',
    'hidden_at',
    'hidden_reason',
    'last_seen_version',
  ],
  sources: [
    'id',
    'key',
    'name',
    'feed_url',
    'poll_period_sec',
    'include_json',
    'exclude_json',
    'enabled',
    'created_at',
    'paused_at',
    'limited_count',
    'limited_at',
    'limited_note',
    'source_type',
    'link_pattern',
    'render',
  ],
};

export function generationTriggers(dialect: 'sqlite' | 'postgres', table: string): string[] {
  const loud = LOUD_COLUMNS[table];
  // An update bumps only when a loud column's value really changes (a check writes status unchanged).
  const changed = (distinct: string) => loud?.map((c) => `OLD.${c} ${distinct} NEW.${c}`).join(' OR ');
  if (dialect === 'postgres') {
    const bump = 'FOR EACH ROW EXECUTE FUNCTION bump_reader_generation()';
    if (!loud) return [`CREATE TRIGGER reader_generation_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} ${bump}`];
    return [
      `CREATE TRIGGER reader_generation_${table} AFTER INSERT OR DELETE ON ${table} ${bump}`,
      `CREATE TRIGGER reader_generation_${table}_update AFTER UPDATE ON ${table} FOR EACH ROW
       WHEN (${changed('IS DISTINCT FROM')}) EXECUTE FUNCTION bump_reader_generation()`,
    ];
  }
  return ['INSERT', 'UPDATE', 'DELETE'].map(
    (op) => `CREATE TRIGGER reader_generation_${table}_${op.toLowerCase()} AFTER ${op} ON ${table}
     ${op === 'UPDATE' && loud ? `WHEN ${changed('IS NOT')}` : ''}
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
