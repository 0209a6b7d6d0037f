import type { ArchiveJob, ArchiveJobState, Millis } from '../../model/index.ts';
import type { ArchiveJobPatch, ArchiveRate } from '../evidence.ts';
import type { Lease } from '../store.ts';
import { placeholders, type Db, type Row } from './db.ts';

const JOB_COLUMNS = 'id, version_id, url, state, attempts, next_attempt_at, job_id, archived_url, last_error, created_at';
const PAUSE_KEY = 'archive.pausedUntil';
/** Serialises claimers on PostgreSQL, so the rate is counted over every worker's attempts. */
const ARCHIVE_LOCK = 0x7265_6461; // "reda"

function toJob(r: Row): ArchiveJob {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(r.id),
    versionId: Number(r.version_id),
    url: String(r.url),
    state: String(r.state) as ArchiveJobState,
    attempts: Number(r.attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    jobId: str(r.job_id),
    archivedUrl: str(r.archived_url),
    lastError: str(r.last_error),
    createdAt: Number(r.created_at),
  };
}

export async function claimArchiveJobs(db: Db, now: Millis, limit: number, lease: Lease, rate: ArchiveRate): Promise<ArchiveJob[]> {
  if (limit <= 0 || rate.max <= 0) return [];
  return db.tx(async (tx) => {
    if (tx.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(?)', [ARCHIVE_LOCK]);
    const paused = await tx.get<{ value: string }>('SELECT value FROM evidence_state WHERE key = ?', [PAUSE_KEY]);
    if (paused && Number(paused.value) > now) return [];
    const since = now - rate.windowMs;
    await tx.run('DELETE FROM archive_requests WHERE at <= ?', [since]);
    const recent = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM archive_requests WHERE at > ?', [since]);
    const allowed = Math.min(limit, rate.max - Number(recent?.n ?? 0));
    if (allowed <= 0) return [];
    const ids = await tx.all<{ id: number }>(
      `SELECT id FROM archive_jobs WHERE state IN ('pending', 'submitted') AND next_attempt_at <= ?
       AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at, id LIMIT ?`,
      [now, now, allowed],
    );
    if (ids.length === 0) return [];
    const rows = await tx.all(
      `UPDATE archive_jobs SET lease_owner = ?, lease_until = ?, last_attempt_at = ?, attempts = attempts + 1
       WHERE id IN (${placeholders(ids.length)}) RETURNING ${JOB_COLUMNS}`,
      [lease.workerId, lease.until, now, ...ids.map((r) => Number(r.id))],
    );
    for (let i = 0; i < rows.length; i++) await tx.run('INSERT INTO archive_requests (at) VALUES (?)', [now]);
    return rows.map(toJob).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id);
  });
}

export async function updateArchiveJob(db: Db, id: number, p: ArchiveJobPatch): Promise<void> {
  const sets = ['state = ?', 'lease_owner = NULL', 'lease_until = NULL'];
  const params: (string | number | null)[] = [p.state];
  if (p.nextAttemptAt !== undefined) (sets.push('next_attempt_at = ?'), params.push(p.nextAttemptAt));
  if (p.jobId !== undefined) (sets.push('job_id = ?'), params.push(p.jobId));
  if (p.archivedUrl !== undefined) (sets.push('archived_url = ?'), params.push(p.archivedUrl));
  if (p.lastError !== undefined) (sets.push('last_error = ?'), params.push(p.lastError));
  await db.run(`UPDATE archive_jobs SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
}

export async function getArchiveJob(db: Db, versionId: number): Promise<ArchiveJob | null> {
  const row = await db.get(`SELECT ${JOB_COLUMNS} FROM archive_jobs WHERE version_id = ?`, [versionId]);
  return row ? toJob(row) : null;
}

export async function pauseArchiving(db: Db, until: Millis): Promise<void> {
  await db.tx(async (tx) => {
    const current = await tx.get<{ value: string }>('SELECT value FROM evidence_state WHERE key = ?', [PAUSE_KEY]);
    if (current && Number(current.value) >= until) return;
    await tx.run('INSERT INTO evidence_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
      PAUSE_KEY,
      String(until),
    ]);
  });
}
