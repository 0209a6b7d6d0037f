import type { Millis } from '../model/index.ts';
import type { TrackerDeps } from './deps.ts';
import { sourceAlerts, type SourceAlert } from './quiet.ts';
import type { PassCounts } from './run-once.ts';

/** An idle worker passes every second; its heartbeat row is written at most this often. */
const BEAT_EVERY_MS = 10_000;
/** Quiet and failing sources are looked for this often, and each new one logged once as a warning. */
const ALERTS_EVERY_MS = 5 * 60_000;

/**
 * The worker loop's signs of life for /readyz (a row per worker in the store) and its quiet-source
 * warnings. Never throws: a store hiccup here must not stop the tracker.
 */
export function createHeartbeat(deps: TrackerDeps, workerId: string) {
  const startedAt = deps.now();
  let passes = 0;
  let lastBeat = -Infinity;
  let lastAlerts = -Infinity;
  let known = new Map<string, SourceAlert>();

  const alerts = async (now: Millis) => {
    if (now - lastAlerts < ALERTS_EVERY_MS) return;
    lastAlerts = now;
    const current = new Map((await sourceAlerts(deps.store, deps.config.ops, now)).map((a) => [`${a.source}:${a.kind}`, a]));
    for (const [key, a] of current) {
      if (!known.has(key))
        deps.log.warn(`source_${a.kind}`, { source: a.source, since: new Date(a.since).toISOString(), detail: a.message });
    }
    for (const [key, a] of known) if (!current.has(key)) deps.log.info('source_recovered', { source: a.source, was: a.kind });
    known = current;
  };

  return {
    async beat(counts: PassCounts | null): Promise<void> {
      if (counts) passes++;
      const now = deps.now();
      try {
        if (now - lastBeat >= BEAT_EVERY_MS) {
          lastBeat = now;
          const lastPass: Record<string, number> = counts
            ? {
                checked: counts.checked,
                sourcesPolled: counts.sourcesPolled,
                articlesFound: counts.articlesFound,
                errors: counts.byStatus.error,
              }
            : {};
          await deps.store.recordHeartbeat({ workerId, role: deps.config.worker.role, startedAt, beatAt: now, passes, lastPass });
        }
        await alerts(now);
      } catch (err) {
        deps.log.warn('heartbeat_failed', { worker: workerId, error: (err as Error)?.message ?? String(err) });
      }
    },
    /** A worker that stops cleanly leaves no row behind; a crashed one's row goes stale. */
    async stop(): Promise<void> {
      await deps.store.removeHeartbeat(workerId).catch(() => undefined);
    },
  };
}
