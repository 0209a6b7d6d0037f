import type { Migration } from './list.ts';

// Claiming due articles on PostgreSQL in one round trip. The claim must be serialised (an advisory
// lock) so each claimer counts the leases the previous one committed, and the lock must be taken
// BEFORE the snapshot the ranking reads: a single SQL statement takes its snapshot when it starts,
// i.e. before a lock taken inside it, and would rank against stale leases. A PL/pgSQL function gets
// a fresh snapshot per statement, so it can lock first and then read, all in one call.
// SQLite claims inside its single-writer transaction and needs nothing.

/** Same key as the multi-statement claim it replaces, so old and new workers exclude each other. */
const ARTICLE_CLAIM_LOCK = 0x7265_646c; // "redl"

const DUE = `next_check_at <= p_due_before AND status <> 'retired' AND (lease_until IS NULL OR lease_until <= p_now)`;

const CLAIM_ARTICLES_FUNCTION = `
CREATE OR REPLACE FUNCTION redline_claim_articles(
  p_now BIGINT, p_due_before BIGINT, p_limit INTEGER, p_per_host INTEGER, p_owner TEXT, p_until BIGINT
) RETURNS SETOF articles LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  win BIGINT := GREATEST(64, p_limit * 8);
  picked BIGINT[];
  seen BIGINT;
BEGIN
  IF p_limit <= 0 OR p_per_host <= 0 THEN RETURN; END IF;
  -- A lease need not survive a server crash (the work is claimed again), so the claim commits
  -- without waiting for the WAL flush and the lock is never held across a disk sync.
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_advisory_xact_lock(${ARTICLE_CLAIM_LOCK});
  -- Rank a window at the head of the queue; widen it only when the head is full of hosts at their limit.
  LOOP
    WITH head AS (
      SELECT id, host, next_check_at FROM articles WHERE ${DUE} ORDER BY next_check_at, id LIMIT win
    ), live AS (
      SELECT host, COUNT(*) AS n FROM articles WHERE lease_until > p_now GROUP BY host
    ), ranked AS (
      SELECT id, host, next_check_at, ROW_NUMBER() OVER (PARTITION BY host ORDER BY next_check_at, id) AS rn FROM head
    ), pick AS (
      SELECT ranked.id, ranked.next_check_at FROM ranked LEFT JOIN live ON live.host = ranked.host
      WHERE ranked.rn + COALESCE(live.n, 0) <= p_per_host
      ORDER BY ranked.next_check_at, ranked.id LIMIT p_limit
    )
    SELECT COALESCE(array_agg(pick.id ORDER BY pick.next_check_at, pick.id), '{}') INTO picked FROM pick;
    EXIT WHEN cardinality(picked) >= p_limit;
    SELECT COUNT(*) INTO seen FROM (SELECT 1 FROM articles WHERE ${DUE} LIMIT win) w;
    EXIT WHEN seen < win; -- the window held every due article
    win := win * 4;
  END LOOP;
  IF cardinality(picked) = 0 THEN RETURN; END IF;
  -- SKIP LOCKED: a row another transaction is updating (a check finishing) is skipped, not waited on.
  RETURN QUERY
    WITH locked AS (
      SELECT articles.id FROM articles WHERE articles.id = ANY (picked) AND ${DUE} FOR UPDATE SKIP LOCKED
    )
    UPDATE articles SET lease_owner = p_owner, lease_until = p_until FROM locked WHERE articles.id = locked.id
    RETURNING articles.*;
END
$fn$`;

export const claimFunction: Migration = {
  version: 2,
  name: 'one-round-trip article claims (PostgreSQL function)',
  sqlite: [],
  postgres: [CLAIM_ARTICLES_FUNCTION],
};
