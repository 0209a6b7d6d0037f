import { randomBytes } from 'node:crypto';
import { growingPause, startDaemon, type Daemon } from '../daemon/index.ts';
import { createSenders } from './channels/index.ts';
import type { NotifyDeps } from './deps.ts';
import { prepareBatch, sendBatch, type Senders } from './deliver.ts';

export interface PassOptions {
  workerId?: string;
  shouldStop?: () => boolean;
}

/**
 * Delivers everything due now: claims up to `concurrency` batches, sends them in parallel, and
 * repeats until nothing is due. Returns the number of batches attempted.
 */
export async function deliverDue(deps: NotifyDeps, senders: Senders, options: PassOptions = {}): Promise<number> {
  const workerId = options.workerId ?? newDeliveryWorkerId();
  const { concurrency, leaseSec } = deps.config.notify;
  let attempted = 0;
  while (!options.shouldStop?.()) {
    const now = deps.now();
    const batches = await deps.store.claimDueDeliveries(now, concurrency, { workerId, until: now + leaseSec * 1000 });
    if (batches.length === 0) break;
    // One after another, then all at once: see prepareBatch.
    const prepared = [];
    for (const b of batches) prepared.push(await prepareBatch(deps, senders, b));
    await Promise.all(prepared.map((p) => sendBatch(deps, p)));
    attempted += batches.length;
  }
  return attempted;
}

export function newDeliveryWorkerId(): string {
  return `notify-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** `stop()` stops claiming, finishes the attempts in flight, closes connections. */
export type DeliveryLoop = Daemon;

export interface LoopOptions {
  senders?: Senders;
  onPass?: (attempted: number) => void;
}

const MAX_FAILURE_PAUSE_MS = 60_000;

/**
 * The delivery daemon: its own loop beside the checks, so a slow or dead endpoint only ever holds
 * up deliveries (each attempt is bounded by notify.timeoutMs), never a check.
 */
export function startDeliveryLoop(deps: NotifyDeps, options: LoopOptions = {}): DeliveryLoop {
  const senders = options.senders ?? createSenders(deps);
  const workerId = newDeliveryWorkerId();
  return startDaemon({
    idleMs: deps.config.notify.idleMs,
    start: async () => deps.log.info('delivery_loop_start', { worker: workerId }),
    async pass(stopping) {
      const attempted = await deliverDue(deps, senders, { workerId, shouldStop: stopping });
      options.onPass?.(attempted);
      return attempted === 0;
    },
    failed(err, failures) {
      const pause = growingPause(2 * deps.config.notify.idleMs, failures, MAX_FAILURE_PAUSE_MS);
      deps.log.error('delivery_pass_failed', { error: (err as Error)?.message ?? String(err), failures, retry_in_ms: pause });
      return pause;
    },
    async end() {
      for (const s of Object.values(senders)) await s?.close?.();
      deps.log.info('delivery_loop_stop', { worker: workerId });
    },
  });
}
