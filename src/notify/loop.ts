import { randomBytes } from 'node:crypto';
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

export interface DeliveryLoop {
  /** Stops claiming, finishes the attempts in flight, closes connections. */
  stop(): Promise<void>;
  readonly done: Promise<void>;
}

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
    deps.log.info('delivery_loop_start', { worker: workerId });
    let failures = 0;
    while (!stopping) {
      try {
        const attempted = await deliverDue(deps, senders, { workerId, shouldStop: () => stopping });
        failures = 0;
        options.onPass?.(attempted);
        if (attempted === 0) await nap(deps.config.notify.idleMs);
      } catch (err) {
        failures++;
        const pause = Math.min(deps.config.notify.idleMs * 2 ** failures, MAX_FAILURE_PAUSE_MS);
        deps.log.error('delivery_pass_failed', { error: (err as Error)?.message ?? String(err), failures, retry_in_ms: pause });
        await nap(pause);
      }
    }
    for (const s of Object.values(senders)) await s?.close?.();
    deps.log.info('delivery_loop_stop', { worker: workerId });
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
