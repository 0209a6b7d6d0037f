import type { ShareCard } from './index.ts';

export interface CardCache {
  /** The card under `key` (e.g. article:a:b: versions never change), drawn by `draw` the first time. */
  get(key: string, draw: () => Promise<ShareCard>): Promise<ShareCard>;
  readonly size: number;
}

/** Least-recently-used cards in memory; a failed drawing is not kept, so the next request retries. */
export function createCardCache(maxEntries: number): CardCache {
  const entries = new Map<string, Promise<ShareCard>>();
  return {
    get(key, draw) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const card = draw();
      if (maxEntries > 0) {
        entries.set(key, card);
        card.catch(() => entries.get(key) === card && entries.delete(key));
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      }
      return card;
    },
    get size() {
      return entries.size;
    },
  };
}
