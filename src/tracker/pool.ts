export interface PoolOptions<T> {
  /**
   * Items claimed beyond the free slots and kept in a local queue, so one claim feeds several
   * slots (default 0: claim exactly the free slots). Queued items are claimed work: the caller's
   * lease covers them from the claim on.
   */
  ahead?: number;
  /** Gives back queued items that will not run because `shouldStop()` said so (default: they run). */
  release?: (items: T[]) => Promise<void>;
}

/**
 * Runs `work` on items pulled from `claim` with at most `concurrency` in flight. `claim(n)` is
 * asked for up to n items whenever a slot frees up and the local queue is empty (n: the free slots
 * plus `ahead`); the pool ends when a claim returns nothing and nothing is in flight or queued, or
 * once `shouldStop()` says so (in-flight work is always finished; queued work is released).
 * `work` must not reject: each item handles its own failure.
 */
export async function runPool<T>(
  concurrency: number,
  claim: (n: number) => Promise<T[]>,
  work: (item: T) => Promise<void>,
  shouldStop: () => boolean = () => false,
  options: PoolOptions<T> = {},
): Promise<void> {
  const ahead = Math.max(0, Math.floor(options.ahead ?? 0));
  const inFlight = new Set<Promise<void>>();
  const queued: T[] = [];
  const start = (item: T) => {
    const p: Promise<void> = work(item).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  while (true) {
    if (shouldStop()) {
      const left = queued.splice(0);
      if (left.length > 0) await (options.release ? options.release(left) : Promise.all(left.map(work)));
    } else if (inFlight.size < concurrency) {
      if (queued.length > 0) {
        while (queued.length > 0 && inFlight.size < concurrency) start(queued.shift()!);
        continue;
      }
      const items = await claim(concurrency - inFlight.size + ahead);
      for (const item of items) {
        if (inFlight.size < concurrency) start(item);
        else queued.push(item);
      }
      // An empty claim while work is running may only mean per-host limits: retry after one finishes.
      if (items.length > 0) continue;
    }
    if (inFlight.size === 0 && queued.length === 0) return;
    if (inFlight.size > 0) await Promise.race(inFlight);
  }
}
