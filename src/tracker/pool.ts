export interface PoolOptions<T> {
  /**
   * Items asked of `claim` at once (at least `concurrency`): the surplus waits here for a free slot,
   * so a claim serves several checks rather than one each time a check finishes.
   */
  batch?: number;
  /** Claimed items never started because shouldStop() said so (their leases are for the caller to release). */
  unstarted?: (items: T[]) => Promise<void>;
}

/**
 * Runs `work` on items pulled from `claim` with at most `concurrency` in flight. `claim(n)` is
 * asked for up to n items (n = batch minus what is in flight) whenever nothing claimed is waiting
 * and a slot is free; the pool ends when a claim returns nothing and nothing is in flight, or once
 * `shouldStop()` says so (in-flight work is always finished, waiting items go to `unstarted`).
 * `work` must not reject: each item handles its own failure.
 */
export async function runPool<T>(
  concurrency: number,
  claim: (n: number) => Promise<T[]>,
  work: (item: T) => Promise<void>,
  shouldStop: () => boolean = () => false,
  options: PoolOptions<T> = {},
): Promise<void> {
  const batch = Math.max(concurrency, options.batch ?? concurrency);
  const inFlight = new Set<Promise<void>>();
  const waiting: T[] = [];
  const start = (item: T) => {
    const p: Promise<void> = work(item).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  while (true) {
    if (shouldStop()) {
      if (waiting.length > 0) await options.unstarted?.(waiting.splice(0));
    } else {
      if (waiting.length === 0 && inFlight.size < concurrency) {
        const items = await claim(batch - inFlight.size);
        waiting.push(...items);
        // An empty claim while work is running may only mean per-host limits: retry after one finishes.
        if (items.length === 0) {
          if (inFlight.size === 0) return;
          await Promise.race(inFlight);
          continue;
        }
      }
      while (waiting.length > 0 && inFlight.size < concurrency) start(waiting.shift()!);
      if (inFlight.size < concurrency) continue; // everything claimed is running: claim more
    }
    if (inFlight.size === 0) return;
    await Promise.race(inFlight);
  }
}
