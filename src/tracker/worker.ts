import { growingPause, startDaemon, type Daemon } from '../daemon/index.ts';
import type { TrackerDeps } from './deps.ts';
import { createHeartbeat } from './heartbeat.ts';
import { newWorkerId, runOnce, type PassCounts } from './run-once.ts';

/** `stop()` stops claiming work, finishes the checks in flight, then resolves. */
export type Worker = Daemon;

export interface WorkerOptions {
  onPass?: (counts: PassCounts) => void;
  /**
   * Wall-clock time after which a pass stops claiming articles (default one minute). The rest
   * stay due for the next pass, which polls the feeds that fell due first: a feed that suddenly
   * lists thousands of new URLs must not keep every other feed waiting for hours.
   */
  passBudgetMs?: number;
  /** First pause after a failed pass (default 5 s), doubled per failure in a row. */
  failurePauseMs?: number;
}

const DEFAULT_PASS_BUDGET_MS = 60_000;
/** After a failed pass (store unreachable...) the pause doubles up to this, so the log stays readable. */
const MAX_FAILURE_PAUSE_MS = 60_000;

/**
 * The daemon loop: a pass over whatever is due, then a nap of worker.idleMs when there was nothing
 * to do. The schedule lives in the store, so a restarted worker simply carries on.
 */
export function startWorker(deps: TrackerDeps, options: WorkerOptions = {}): Worker {
  const workerId = newWorkerId();
  const budget = options.passBudgetMs ?? DEFAULT_PASS_BUDGET_MS;
  const firstPause = options.failurePauseMs ?? Math.max(deps.config.worker.idleMs, 5_000);
  const heartbeat = createHeartbeat(deps, workerId);
  return startDaemon({
    idleMs: deps.config.worker.idleMs,
    async start() {
      deps.log.info('worker_start', { worker: workerId });
      await heartbeat.beat(null);
    },
    async pass(stopping) {
      const started = Date.now();
      const counts = await runOnce(deps, { workerId, shouldStop: () => stopping() || Date.now() - started > budget });
      await heartbeat.beat(counts);
      options.onPass?.(counts);
      return counts.sourcesPolled + counts.checked === 0;
    },
    failed(err, failures) {
      // The store is unreachable or similar: say so and retry after a growing pause rather than die.
      const pauseMs = growingPause(firstPause, failures, MAX_FAILURE_PAUSE_MS);
      deps.log.error('worker_pass_failed', { error: (err as Error)?.message ?? String(err), failures, retry_in_ms: pauseMs });
      return pauseMs;
    },
    async end() {
      await heartbeat.stop();
      deps.log.info('worker_stop', { worker: workerId });
    },
  });
}
