/**
 * At most `limit` events per key within `windowMs` (sliding window), in memory. Keys that go quiet
 * are forgotten, so a flood of distinct keys cannot grow the map without bound for long.
 */
export function rateLimiter(limit: number, windowMs: number, maxKeys = 100_000) {
  const hits = new Map<string, number[]>();
  return {
    /** Records an event for `key`; false when it is over the limit (the event is not counted). */
    take(key: string, now: number): boolean {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return false;
      }
      recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
      // Oldest-inserted keys go first when the map is full.
      while (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
      return true;
    },
  };
}
