import { diffVersions, versionChange } from '../diff/index.ts';
import type { Logger } from '../log/index.ts';
import type { Store } from '../store/store.ts';

/** Versions relabelled per round trip. */
const BATCH = 200;

export interface RelabelResult {
  relabelled: number;
  /** Versions whose previous version is missing (cannot happen with consecutive numbers, but is never fatal). */
  skipped: number;
}

/**
 * Computes the change labels of versions stored before they existed (schema migration 3 added
 * the columns as NULL; a migration runs SQL only, and the labels need the diff engine). Diffs
 * each such version against the one before and stores the result; safe to interrupt and re-run,
 * and cheap once done (one query finds nothing). Run by openTracker after migrating, and by
 * `redline db migrate` / `redline db relabel`.
 */
export async function relabelVersions(store: Store, log?: Logger): Promise<RelabelResult> {
  const result: RelabelResult = { relabelled: 0, skipped: 0 };
  const skip = new Set<string>();
  for (;;) {
    const todo = (await store.listUnlabelledVersions(BATCH + skip.size)).filter((v) => !skip.has(`${v.articleId}:${v.number}`));
    if (todo.length === 0) break;
    for (const { articleId, number } of todo) {
      const [before, after] = await Promise.all([store.getVersion(articleId, number - 1), store.getVersion(articleId, number)]);
      if (!before || !after) {
        skip.add(`${articleId}:${number}`);
        result.skipped++;
        continue;
      }
      await store.setVersionChange(articleId, number, versionChange(diffVersions(before, after)));
      result.relabelled++;
    }
  }
  if (result.relabelled || result.skipped) log?.info('relabel', { relabelled: result.relabelled, skipped: result.skipped || undefined });
  return result;
}
