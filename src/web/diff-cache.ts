import { diffVersions } from '../diff/index.ts';
import type { DiffModel } from '../diff/types.ts';
import { HiddenError, NotFoundError, type Version } from '../model/index.ts';
import type { Store } from '../store/store.ts';

export interface VersionPair {
  from: Version;
  to: Version;
  model: DiffModel;
}

export interface DiffCache {
  /** Diff of versions `a` and `b` of an article (any order); NotFoundError when either is missing, HiddenError when hidden. */
  get(articleId: number, a: number, b: number): Promise<VersionPair>;
}

/**
 * Versions never change once stored, so a diff computed once is right forever: feeds and the
 * recent-changes page ask for the same few diffs over and over. Whether a version is hidden can
 * change at any time (and from another process), so the versions are read afresh on every call.
 */
export function createDiffCache(store: Store, maxEntries: number): DiffCache {
  const entries = new Map<string, VersionPair>();
  return {
    async get(articleId, a, b) {
      const [from, to] = await Promise.all([store.getVersion(articleId, a), store.getVersion(articleId, b)]);
      if (!from) throw new NotFoundError(`article ${articleId} has no version ${a}`);
      if (!to) throw new NotFoundError(`article ${articleId} has no version ${b}`);
      if (from.hiddenAt !== null || to.hiddenAt !== null) throw new HiddenError(`a version of article ${articleId} is hidden`);
      const key = `${articleId}:${a}:${b}`;
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const pair = { from, to, model: diffVersions(from, to) };
      if (maxEntries > 0) entries.set(key, pair);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return pair;
    },
  };
}
