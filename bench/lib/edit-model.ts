/**
 * When news articles get edited: the distribution bench:schedule draws edit times from.
 *
 * Loosely after what studies of news revisions report, not fitted to any one of them:
 * - about a third of articles are ever edited after publication (NewsEdits, Spangher et al.,
 *   NAACL 2022, ~1.2 M articles from 22 outlets; News Sniffer's own archive is of the same order);
 * - edited articles have a few versions, about two edits each on average;
 * - edits are front-loaded: most come within hours of publication and the substantive ones within
 *   about ten hours (Saltzis, "Breaking news online", Journalism Practice 2012; NewsEdits' version
 *   timings), with a tail of late corrections and updates days or weeks later.
 *
 * The model: an article is edited with probability EDITED_SHARE; it then has 1 + Poisson(1) edits
 * (mean 2). Each edit is independently "early" (85 %): log-normal with a median of 2 h and sigma 1.0,
 * so 90 % of early edits fall within 7.2 h and 99 % within 21 h; or "late" (15 %): log-uniform
 * between 1 and 30 days. About 84 % of all edits fall in the first 24 h.
 */
import type { Random } from '../../src/demo/random.ts';

export const EDITED_SHARE = 0.35;
export const LATE_SHARE = 0.15;
const EARLY_MEDIAN_SEC = 2 * 3600;
const EARLY_SIGMA = 1.0;
const LATE_MIN_SEC = 86_400;
const LATE_MAX_SEC = 30 * 86_400;

function normal(random: Random): number {
  // Box-Muller; 1 - random() keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

/** One edit's time after publication, in seconds. */
export function editTime(random: Random): number {
  if (random() < LATE_SHARE) return LATE_MIN_SEC * Math.pow(LATE_MAX_SEC / LATE_MIN_SEC, random());
  return EARLY_MEDIAN_SEC * Math.exp(EARLY_SIGMA * normal(random));
}

/** The edit times of one article (seconds after publication, ascending); empty for most articles. */
export function articleEdits(random: Random): number[] {
  if (random() >= EDITED_SHARE) return [];
  const n = 1 + poisson(random, 1);
  return Array.from({ length: n }, () => editTime(random)).sort((a, b) => a - b);
}
