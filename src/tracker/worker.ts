import type { TrackerDeps } from './deps.ts';
import { createHeartbeat } from './heartbeat.ts';
import { newWorkerId, runOnce, type PassCounts } from './run-once.ts';

export interface Worker {
  /** Stops claiming work, finishes in-flight checks, then resolves. */
  stop(): Promise<void>;
  /** Resolves when the loop has ended. */
  readonly done: Promise<void>;
}

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
  let stopping = false;
  let wake: (() => void) | null = null;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const heartbeat = createHeartbeat(deps, workerId);
  const loop = async () => {
    deps.log.info('worker_start', { worker: workerId });
    await heartbeat.beat(null);
    let failures = 0;
    while (!stopping) {
      try {
        const started = Date.now();
        const shouldStop = () => stopping || Date.now() - started > budget;
        const counts = await runOnce(deps, { workerId, shouldStop });
        failures = 0;
        await heartbeat.beat(counts);
        options.onPass?.(counts);
        if (counts.sourcesPolled + counts.checked === 0) await nap(deps.config.worker.idleMs);
      } catch (err) {
        // The store is unreachable or similar: say so and retry after a growing pause rather than die.
        failures++;
        const pauseMs = Math.min(firstPause * 2 ** (failures - 1), MAX_FAILURE_PAUSE_MS);
        deps.log.error('worker_pass_failed', { error: (err as Error)?.message ?? String(err), failures, retry_in_ms: pauseMs });
        await nap(pauseMs);
      }
    }
    await heartbeat.stop();
    deps.log.info('worker_stop', { worker: workerId });
  };
  const done = loop();
  return {
    done,
    async stop() {
      stopping = true;
      wake?.();
      await done;
    },
  };
}
