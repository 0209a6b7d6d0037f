import { createHash, randomBytes } from 'node:crypto';
import { ByteLru } from '../byte-lru.ts';
import type { ChangeBrief } from '../../store/store.ts';
import type { WebContext } from '../context.ts';
import { toEntries } from './entries.ts';
import { renderItem, type FeedFormat } from './formats.ts';

/**
 * Rendered feed items of versions, as UTF-8 bytes, by format and version id: a 1,000-item feed is
 * then a concatenation of cached buffers instead of a thousand digests looked up, escaped and encoded
 * per request. An item is kept with the stamp of everything it is made of that can change (the site's
 * base URL, the article's URL, the source key, the labels): any of those changed is a miss, never a
 * stale item. The rest (the version's number and title, its digest) never changes.
 */
export interface ItemCache {
  get(key: string): CachedItem | undefined;
  set(key: string, item: CachedItem): void;
}

export interface CachedItem {
  stamp: string;
  bytes: Buffer;
}

/** Least recently used out first, at most `maxBytes` of items. */
export function createItemCache(maxBytes: number): ItemCache {
  const lru = new ByteLru<CachedItem>(maxBytes);
  return {
    get: (key) => lru.get(key),
    set: (key, item) => lru.set(key, item, item.bytes.byteLength),
  };
}

export interface RenderedItems {
  items: Buffer[];
  /** A weak ETag of the items: the cached ones by their key and stamp, the others by their bytes. */
  etag: string;
}

/** Renders this process's items differently from the last (a new diff engine): the ETags of cached items differ across restarts. */
const PROCESS_NONCE = randomBytes(8).toString('hex');

/** Each change's item in `format`: cached items as they are, the others rendered (their digests read together) and kept. */
export async function feedItems(ctx: WebContext, format: FeedFormat, changes: ChangeBrief[], head: string): Promise<RenderedItems> {
  const cache = ctx.feedItems;
  const baseUrl = ctx.baseUrl;
  const hash = createHash('sha1').update(PROCESS_NONCE).update(head);
  const items: Buffer[] = new Array(changes.length);
  const misses: number[] = [];
  const keys: string[] = new Array(changes.length);
  const stamps: string[] = new Array(changes.length);
  changes.forEach((c, i) => {
    if (c.type !== 'version') return void misses.push(i);
    keys[i] = `${format}:${c.version.id}`;
    stamps[i] = `${baseUrl}\n${c.article.url}\n${c.article.sourceKey}\n${c.version.labels.join(',')}`;
    const hit = cache.get(keys[i]);
    if (hit && hit.stamp === stamps[i]) items[i] = hit.bytes;
    else misses.push(i);
  });
  if (misses.length) {
    const entries = await toEntries(
      ctx,
      misses.map((i) => changes[i]),
    );
    entries.forEach((e, j) => {
      const i = misses[j];
      const bytes = Buffer.from(renderItem(format, e));
      items[i] = bytes;
      if (e.immutable) cache.set(keys[i], { stamp: stamps[i], bytes });
      else keys[i] = '';
    });
  }
  items.forEach((bytes, i) => (keys[i] ? hash.update(`\0${keys[i]}\n${stamps[i]}`) : hash.update('\0').update(bytes)));
  return { items, etag: `W/"${hash.digest('hex')}"` };
}
