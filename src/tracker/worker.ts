import type { TrackerDeps } from './deps.ts';
import { newWorkerId, runOnce, type PassCounts } from './run-once.ts';

export interface Worker {
  /** Stops claiming work, finishes in-flight checks, then resolves. */
  stop(): Promise<void>;
  /** Resolves when the loop has ended. */
  readonly done: Promise<void>;
}

export interface WorkerOptions {
  onPass?: (counts: PassCounts) => void;
}

/**
 * The daemon loop: a pass over whatever is due, then a nap of worker.idleMs when there was nothing
 * to do. The schedule lives in the store, so a restarted worker simply carries on.
 */
export function startWorker(deps: TrackerDeps, options: WorkerOptions = {}): Worker {
  const workerId = newWorkerId();
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

  const loop = async () => {
    deps.log.info('worker_start', { worker: workerId });
    while (!stopping) {
      try {
        const counts = await runOnce(deps, { workerId, shouldStop: () => stopping });
        options.onPass?.(counts);
        if (counts.sourcesPolled + counts.checked === 0) await nap(deps.config.worker.idleMs);
      } catch (err) {
        // The store is unreachable or similar: say so and retry after a pause rather than die.
        deps.log.error('worker_pass_failed', { error: (err as Error).message });
        await nap(Math.max(deps.config.worker.idleMs, 5_000));
      }
    }
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
