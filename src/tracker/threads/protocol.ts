import type { FeedItem } from '../../feeds/index.ts';

/** Messages between the tracker and its parsing threads. */
/** `feed`: a feed document (parseFeedDocument); `links`: a front page's article links (pageLinks). */
export type Task = 'extract' | 'feed' | 'links';

export interface Job {
  id: number;
  task: Task;
  text: string;
  url: string;
  /** `links`: the link pattern (a RegExp does not cross threads). */
  pattern?: { source: string; flags: string };
}

export interface ThrownError {
  name: string;
  kind: string | null;
  message: string;
}

/**
 * Feed items cross to the tracker as two strings and a number array: copying one long string is a
 * memcpy, while copying 100,000 small objects would hold the event loop for a good part of a second.
 */
export interface PackedItems {
  /** URLs, one per line (canonical URLs hold no newline). */
  urls: string;
  /** Titles, one per line ('' for none; cleaned titles hold no newline). */
  titles: string;
  /** publishedAt, NaN for none. */
  published: Float64Array;
}

export function packItems(items: FeedItem[]): PackedItems {
  return {
    urls: items.map((i) => i.url).join('\n'),
    titles: items.map((i) => (i.title ?? '').replace(/\n/g, ' ')).join('\n'),
    published: Float64Array.from(items, (i) => i.publishedAt ?? NaN),
  };
}

/** Rebuilds the items, pausing for the event loop every `sliceMs` (100,000 objects take a while). */
export async function unpackItems(packed: PackedItems, sliceMs = 10): Promise<FeedItem[]> {
  if (!packed.urls) return [];
  const urls = packed.urls.split('\n');
  const titles = packed.titles.split('\n');
  const items: FeedItem[] = new Array(urls.length);
  let sliceStart = performance.now();
  for (let i = 0; i < urls.length; i++) {
    items[i] = { url: urls[i], title: titles[i] || null, publishedAt: Number.isNaN(packed.published[i]) ? null : packed.published[i] };
    if (i % 500 === 499 && performance.now() - sliceStart > sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return items;
}

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ThrownError };
