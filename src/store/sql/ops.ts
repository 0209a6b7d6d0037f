import type { Millis, WorkerHeartbeat } from '../../model/index.ts';
import type { Db } from './db.ts';

// What /readyz, /metrics and quiet-source alerts read: worker heartbeats, discoveries, the backlog.

/** Workers silent this long are forgotten (their rows deleted) at the next beat of any worker. */
const FORGET_AFTER_MS = 24 * 3600_000;

export async function recordHeartbeat(db: Db, hb: WorkerHeartbeat): Promise<void> {
  await db.run('DELETE FROM worker_heartbeats WHERE beat_at < ?', [hb.beatAt - FORGET_AFTER_MS]);
  await db.run(
    `INSERT INTO worker_heartbeats (worker_id, role, started_at, beat_at, passes, last_pass_json) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (worker_id) DO UPDATE SET role = excluded.role, beat_at = excluded.beat_at, passes = excluded.passes,
       last_pass_json = excluded.last_pass_json`,
    [hb.workerId, hb.role, hb.startedAt, hb.beatAt, hb.passes, JSON.stringify(hb.lastPass)],
  );
}

export async function removeHeartbeat(db: Db, workerId: string): Promise<void> {
  await db.run('DELETE FROM worker_heartbeats WHERE worker_id = ?', [workerId]);
}

/** Most recent beat first. */
export async function listHeartbeats(db: Db): Promise<WorkerHeartbeat[]> {
  const rows = await db.all('SELECT * FROM worker_heartbeats ORDER BY beat_at DESC, worker_id');
  return rows.map((r) => ({
    workerId: String(r.worker_id),
    role: String(r.role),
    startedAt: Number(r.started_at),
    beatAt: Number(r.beat_at),
    passes: Number(r.passes),
    lastPass: JSON.parse(String(r.last_pass_json)) as Record<string, number>,
  }));
}

export async function recentDiscoveries(db: Db, sourceId: number, limit: number): Promise<Millis[]> {
  const rows = await db.all<{ t: number }>(
    'SELECT first_seen_at AS t FROM articles WHERE source_id = ? ORDER BY first_seen_at DESC LIMIT ?',
    [sourceId, limit],
  );
  return rows.map((r) => Number(r.t));
}

/** Same conditions as a claim (not retired, source not paused), leases ignored. */
export async function countDueArticles(db: Db, now: Millis): Promise<number> {
  const row = await db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM articles a WHERE a.next_check_at <= ? AND a.status <> 'retired'
       AND NOT EXISTS (SELECT 1 FROM sources ps WHERE ps.id = a.source_id AND ps.paused_at IS NOT NULL)`,
    [now],
  );
  return Number(row?.n ?? 0);
}
