import type { ScheduleConfig } from '../config/index.ts';
import type { Millis } from '../model/index.ts';

/**
 * The schedule as pure functions. Young articles are checked on fixed tiers by age (most edits
 * come in the first hours); past the last tier the period adapts News Sniffer's way: multiplied
 * by backoffFactor after each check without a change, back to minPeriodSec after a new version,
 * retired once it would exceed retireAfterSec. Periods are whole seconds (rounded up, so a factor
 * just above 1 still lengthens short demo periods instead of rounding back to the same value).
 */

/** How old an article is: from its feed date when that is plausible (not after we first saw it), else from when we first saw it. */
export function articleAgeSec(article: { firstSeenAt: Millis; feedPublishedAt: Millis | null }, now: Millis): number {
  const published = article.feedPublishedAt;
  const born = published !== null && published <= article.firstSeenAt ? published : article.firstSeenAt;
  return Math.max(0, (now - born) / 1000);
}

/** The period of the tier an article of this age is in, or null once it is older than every tier. */
export function tierPeriod(schedule: ScheduleConfig, ageSec: number): number | null {
  const tier = schedule.tiers.find((t) => ageSec < t.maxAgeSec);
  return tier ? Math.ceil(tier.periodSec) : null;
}

/** The period of a new article, or after a new version (or a page that came back). */
export function periodAfterChange(schedule: ScheduleConfig, ageSec: number): number {
  return tierPeriod(schedule, ageSec) ?? Math.ceil(schedule.minPeriodSec);
}

/** No change, or an error: the tier's period, else max(min, period x backoff). */
export function periodAfterNoChange(schedule: ScheduleConfig, periodSec: number, ageSec: number): number {
  return tierPeriod(schedule, ageSec) ?? Math.ceil(Math.max(schedule.minPeriodSec, periodSec * schedule.backoffFactor));
}

/** Flip-flopping back to a known version backs off harder, even inside a tier, so endless flipping retires the article. */
export function periodAfterRevert(schedule: ScheduleConfig, periodSec: number, ageSec: number): number {
  const factor = Math.max(schedule.backoffFactor, schedule.revertBackoffFactor);
  const floor = tierPeriod(schedule, ageSec) ?? schedule.minPeriodSec;
  return Math.ceil(Math.max(floor, periodSec * factor));
}

export interface NextCheck {
  checkPeriodSec: number;
  /** null = retired: it will not be checked again. */
  nextCheckAt: Millis | null;
  retired: boolean;
}

export function nextCheck(schedule: ScheduleConfig, periodSec: number, now: Millis): NextCheck {
  if (periodSec > schedule.retireAfterSec) return { checkPeriodSec: periodSec, nextCheckAt: null, retired: true };
  return { checkPeriodSec: periodSec, nextCheckAt: now + periodSec * 1000, retired: false };
}
