import { hostname } from 'node:os';
import type { Lease } from '../store/store.ts';
import type { TrackerDeps } from './deps.ts';

/** Lease owners are `host:pid:random`, so a process can tell which leases belong to dead processes on its own machine. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

/** The host and pid of a lease owner written by newWorkerId; null for anything else. */
export function ownerProcess(workerId: string): { host: string; pid: number } | null {
  const m = /^(.*):(\d+):[a-z0-9]+$/.exec(workerId);
  return m ? { host: m[1], pid: Number(m[2]) } : null;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Releases the live leases of processes on this machine that no longer run (a `kill -9`, a crash):
 * their work is due again now rather than when the leases expire. Returns how many were released.
 */
export async function releaseDeadLeases(deps: TrackerDeps, alive: (pid: number) => boolean = processAlive): Promise<number> {
  const here = hostname();
  let released = 0;
  for (const holder of await deps.store.leaseHolders(deps.now())) {
    const owner = ownerProcess(holder.workerId);
    if (!owner || owner.host !== here || owner.pid === process.pid || alive(owner.pid)) continue;
    const n = await deps.store.releaseLeases(holder.workerId, deps.now());
    if (n > 0) {
      deps.log.warn('leases_released', { worker: holder.workerId, leases: n, reason: 'process gone' });
      deps.metrics?.leaseTakeovers(n);
    }
    released += n;
  }
  return released;
}

/** What the running pass holds; renewed every third of the lease, so a lease only ever outlives a dead worker. */
export interface Heartbeat {
  articles: Set<number>;
  sources: Set<number>;
  stop(): void;
}

export function startHeartbeat(deps: TrackerDeps, lease: () => Lease): Heartbeat {
  const articles = new Set<number>();
  const sources = new Set<number>();
  const everyMs = Math.max(200, (deps.config.worker.leaseSec * 1000) / 3);
  const timer = setInterval(() => {
    if (articles.size + sources.size === 0) return;
    deps.store.renewLeases(lease(), [...articles], [...sources]).catch((err: unknown) => {
      deps.log.warn('lease_renew_failed', { error: (err as Error)?.message ?? String(err) });
    });
  }, everyMs);
  timer.unref();
  return { articles, sources, stop: () => clearInterval(timer) };
}
