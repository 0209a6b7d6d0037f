import { EXTRACTOR_VERSION } from '../extract/index.ts';
import type { Article, Version } from '../model/index.ts';
import { currentFingerprint } from './baseline.ts';
import type { TrackerDeps } from './deps.ts';

/** How a freshly extracted page relates to the article's history. */
export type Comparison =
  | { kind: 'first' }
  | { kind: 'same' }
  /** The page went back to an earlier stored version (and the last recorded state was another one). */
  | { kind: 'revert'; to: number }
  | { kind: 'changed' };

/**
 * Compares a new fingerprint with the history. A match with the state the page was last seen in is
 * "same"; a match with another stored version is a revert (recorded as an event, never stored again).
 */
export async function compareWithHistory(
  deps: TrackerDeps,
  article: Article,
  latest: Version | null,
  fingerprint: string,
): Promise<Comparison> {
  if (!latest) return { kind: 'first' };
  const baseline = await currentFingerprint(deps, article.url, latest);
  if (baseline === null) {
    // No raw HTML to re-extract: adopt today's page as the baseline rather than invent a version.
    await deps.store.setBaseline(latest.id, fingerprint, EXTRACTOR_VERSION);
    deps.log.warn('baseline_adopted', { article: article.id, version: latest.number });
    return { kind: 'same' };
  }
  // Kept as data on the article by the store (each version and revert sets it): no replay of the events.
  const state = article.lastSeenVersion ?? latest.number;
  const match = baseline === fingerprint ? latest.number : await findEarlierMatch(deps, article, latest, fingerprint);
  if (match === null) return { kind: 'changed' };
  return match === state ? { kind: 'same' } : { kind: 'revert', to: match };
}

async function findEarlierMatch(deps: TrackerDeps, article: Article, latest: Version, fingerprint: string): Promise<number | null> {
  if (latest.number < 2) return null;
  // Fingerprints only: a check of a changed page never loads the text of every version.
  const earlier = (await deps.store.listFingerprints(article.id)).filter((v) => v.number < latest.number);
  for (const v of earlier) {
    if ((await currentFingerprint(deps, article.url, v)) === fingerprint) return v.number;
  }
  return null;
}
