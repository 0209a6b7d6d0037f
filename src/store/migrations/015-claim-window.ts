import type { Migration } from './list.ts';

// Issue 14: the claim function of migration 005 with a smaller first window at the head of the
// queue, max(8, 4 x limit) rows instead of max(64, 8 x limit). A worker claims whenever a check slot
// frees up, so most claims ask for 1 to 4 articles, and every row ranked is time spent under the
// claim lock that all other workers wait on. The window still widens (x4) while the head is full of
// hosts at their limit. Keep in step with pickDueArticles in sqlite/due.ts (SQLite).
const DUE = `next_check_at <= p_due_before AND status <> 'retired' AND (lease_until IS NULL OR lease_until <= p_now)
  AND NOT EXISTS (SELECT 1 FROM sources ps WHERE ps.id = articles.source_id AND ps.paused_at IS NOT NULL)`;

const CLAIM_ARTICLES_FUNCTION = `
CREATE OR REPLACE FUNCTION redline_claim_articles(
  p_now BIGINT, p_due_before BIGINT, p_limit INTEGER, p_per_host INTEGER, p_owner TEXT, p_until BIGINT
) RETURNS SETOF articles LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  win BIGINT := GREATEST(8, p_limit * 4);
  picked BIGINT[];
  seen BIGINT;
BEGIN
  IF p_limit <= 0 OR p_per_host <= 0 THEN RETURN; END IF;
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_advisory_xact_lock(${0x7265_646c});
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
    EXIT WHEN seen < win;
    win := win * 4;
  END LOOP;
  IF cardinality(picked) = 0 THEN RETURN; END IF;
  RETURN QUERY
    WITH locked AS (
      SELECT articles.id FROM articles WHERE articles.id = ANY (picked) AND ${DUE} FOR UPDATE SKIP LOCKED
    )
    UPDATE articles SET lease_owner = p_owner, lease_until = p_until FROM locked WHERE articles.id = locked.id
    RETURNING articles.*;
END
$fn$`;

export const claimWindow: Migration = {
  version: 15,
  name: 'smaller first window for article claims (PostgreSQL)',
  sqlite: [],
  postgres: [CLAIM_ARTICLES_FUNCTION],
};
