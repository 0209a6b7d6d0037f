import type { Config } from '../../config/index.ts';
import type { Millis, SourceWithStats, WorkerHeartbeat } from '../../model/index.ts';
import { LATEST_SCHEMA } from '../../store/index.ts';
import type { Store } from '../../store/store.ts';
import { sourceAlerts, type SourceAlert } from '../../tracker/quiet.ts';

export interface Check {
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: {
    database: Check;
    schema: Check;
    polls: Check & { lastOkAt: Millis | null; ageSec: number | null };
    workers: Check & { workers: { id: string; role: string; ageSec: number; passes: number }[] };
  };
  /** Quiet or failing sources: reported, but they do not make this instance unready. */
  alerts: SourceAlert[];
}

/** What /readyz answers. Database trouble is reported as a failed check, never thrown. */
export async function readiness(store: Store, config: Config, now: Millis): Promise<Readiness> {
  let version: number;
  try {
    version = await store.schemaVersion();
  } catch (err) {
    const down = { ok: false, detail: `database unreachable: ${(err as Error).message}` };
    const skipped = { ok: false, detail: 'database unreachable' };
    return {
      ready: false,
      checks: {
        database: down,
        schema: skipped,
        polls: { ...skipped, lastOkAt: null, ageSec: null },
        workers: { ...skipped, workers: [] },
      },
      alerts: [],
    };
  }
  const schema =
    version === LATEST_SCHEMA
      ? { ok: true, detail: `version ${version}` }
      : {
          ok: false,
          detail: `version ${version}, this Redline expects ${LATEST_SCHEMA}${version < LATEST_SCHEMA ? ' (run `redline db migrate`)' : ''}`,
        };
  const [sources, beats, alerts] = await Promise.all([store.listSources(), store.listHeartbeats(), sourceAlerts(store, config.ops, now)]);
  const checks = {
    database: { ok: true, detail: store.kind },
    schema,
    polls: pollCheck(sources, config, now),
    workers: workerCheck(beats, config, now),
  };
  return { ready: Object.values(checks).every((c) => c.ok), checks, alerts };
}

function pollCheck(sources: SourceWithStats[], config: Config, now: Millis) {
  const polled = sources.filter((s) => s.feedUrl && s.enabled && s.pausedAt === null);
  const lastOkAt = polled.reduce<Millis | null>(
    (max, s) => (s.lastOkAt !== null && (max === null || s.lastOkAt > max) ? s.lastOkAt : max),
    null,
  );
  const ageSec = lastOkAt === null ? null : Math.round((now - lastOkAt) / 1000);
  const limit = config.ops.maxPollAgeSec;
  if (polled.length === 0) return { ok: true, detail: 'no sources to poll', lastOkAt, ageSec };
  // A new installation gets maxPollAgeSec to make its first successful poll.
  const since = lastOkAt ?? Math.min(...polled.map((s) => s.createdAt));
  const ok = now - since <= limit * 1000;
  const detail =
    lastOkAt === null ? (ok ? 'no successful poll yet' : `no successful poll in ${limit} s`) : `last successful poll ${ageSec} s ago`;
  return { ok, detail, lastOkAt, ageSec };
}

function workerCheck(beats: WorkerHeartbeat[], config: Config, now: Millis) {
  const workers = beats.map((b) => ({ id: b.workerId, role: b.role, ageSec: Math.round((now - b.beatAt) / 1000), passes: b.passes }));
  const alive = workers.filter((w) => w.ageSec <= config.ops.heartbeatStaleSec);
  // No rows at all: a website without workers of its own (cron `run --once`), which is fine.
  if (workers.length === 0) return { ok: true, detail: 'no worker has reported (cron mode?)', workers };
  const ok = alive.length > 0;
  return {
    ok,
    detail: ok ? `${alive.length} of ${workers.length} workers alive` : `no worker heartbeat within ${config.ops.heartbeatStaleSec} s`,
    workers,
  };
}
