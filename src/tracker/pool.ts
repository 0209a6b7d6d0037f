/**
 * Runs `work` on items pulled from `claim` with at most `concurrency` in flight. `claim(n)` is
 * asked for up to n items whenever a slot frees up; the pool ends when a claim returns nothing and
 * nothing is in flight, or once `shouldStop()` says so (in-flight work is always finished).
 * `work` must not reject: each item handles its own failure.
 */
export async function runPool<T>(
  concurrency: number,
  claim: (n: number) => Promise<T[]>,
  work: (item: T) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  while (true) {
    if (!shouldStop() && inFlight.size < concurrency) {
      const items = await claim(concurrency - inFlight.size);
      for (const item of items) {
        const p: Promise<void> = work(item).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      // An empty claim while work is running may only mean per-host limits: retry after one finishes.
      if (items.length > 0) continue;
    }
    if (inFlight.size === 0) return;
    await Promise.race(inFlight);
  }
}
