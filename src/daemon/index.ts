/**
 * The loop both daemons run (the tracker's worker and the notifier's delivery loop): a pass, a nap
 * when the pass found nothing to do, a pause that grows after each failed pass in a row, and a stop
 * that wakes the nap and waits for the pass in flight.
 */
export interface Daemon {
  /** Stops starting passes, wakes a nap, finishes the pass in flight, then resolves. */
  stop(): Promise<void>;
  /** Resolves when the loop has ended. */
  readonly done: Promise<void>;
}

export interface DaemonLoop {
  /** Runs once before the first pass. */
  start?(): Promise<void>;
  /** One pass; resolves true when there was nothing to do, so the loop naps `idleMs`. */
  pass(stopping: () => boolean): Promise<boolean>;
  idleMs: number;
  /** A pass threw (the store is unreachable or similar): returns how long to pause, in ms. */
  failed(err: unknown, failuresInARow: number): number;
  /** Runs once after the last pass. */
  end?(): Promise<void>;
}

/** Doubles from `firstMs` per failure in a row, up to `maxMs`. */
export function growingPause(firstMs: number, failuresInARow: number, maxMs: number): number {
  return Math.min(firstMs * 2 ** (failuresInARow - 1), maxMs);
}

export function startDaemon(loop: DaemonLoop): Daemon {
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
  const isStopping = () => stopping;
  const run = async () => {
    await loop.start?.();
    let failures = 0;
    while (!stopping) {
      try {
        const idle = await loop.pass(isStopping);
        failures = 0;
        if (idle && !stopping) await nap(loop.idleMs);
      } catch (err) {
        failures++;
        const pause = loop.failed(err, failures);
        if (!stopping) await nap(pause);
      }
    }
    await loop.end?.();
  };
  const done = run();
  return {
    done,
    async stop() {
      stopping = true;
      wake?.();
      await done;
    },
  };
}
