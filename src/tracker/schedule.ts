import type { ScheduleConfig } from '../config/index.ts';
import type { Millis } from '../model/index.ts';

/**
 * The adaptive schedule as pure functions. Periods are whole seconds (rounded up, so a factor
 * just above 1 still lengthens short demo periods instead of rounding back to the same value).
 */
export function periodAfterChange(schedule: ScheduleConfig): number {
  return Math.ceil(schedule.minPeriodSec);
}

/** No change, or an error: period = max(min, period x backoff). */
export function periodAfterNoChange(schedule: ScheduleConfig, periodSec: number): number {
  return Math.ceil(Math.max(schedule.minPeriodSec, periodSec * schedule.backoffFactor));
}

/** Flip-flopping back to a known version backs off harder, so endless flipping retires the article. */
export function periodAfterRevert(schedule: ScheduleConfig, periodSec: number): number {
  const factor = Math.max(schedule.backoffFactor, schedule.revertBackoffFactor);
  return Math.ceil(Math.max(schedule.minPeriodSec, periodSec * factor));
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
