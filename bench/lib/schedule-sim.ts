/**
 * Replays check schedules against simulated edit times: when each edit is first seen, and which
 * edits are overwritten by a later one before any check sees them.
 */
import type { ScheduleConfig } from '../../src/config/index.ts';
import { nextCheck, periodAfterChange, periodAfterNoChange } from '../../src/tracker/schedule.ts';

/** A re-check policy: given the time of a check (seconds since publication) and whether it found a change, when is the next one (null: never). */
export interface Policy {
  name: string;
  start(): PolicyState;
}

export interface PolicyState {
  next(t: number, changed: boolean): number | null;
}

/** Redline's tracker code itself (src/tracker/schedule.ts) over a schedule config. */
export function trackerPolicy(name: string, schedule: ScheduleConfig): Policy {
  return {
    name,
    start() {
      let period = 0;
      return {
        next(t, changed) {
          // The first check stores version 1: a change, as in checkArticle.
          period = changed || period === 0 ? periodAfterChange(schedule, t) : periodAfterNoChange(schedule, period, t);
          const n = nextCheck(schedule, period, t * 1000);
          return n.retired ? null : t + period;
        },
      };
    },
  };
}

/**
 * NewsDiffs (newsdiffs/website/frontend/management/commands/scraper.py, get_update_delay): the
 * delay depends on the time since the article last changed (or was first seen): 15 min under
 * 3 h, 1 h under a day, 3 h under a week, a day under 30 days, a week under a year, then monthly.
 * It never retires an article.
 */
export function newsDiffsPolicy(): Policy {
  const MIN = 60;
  const delay = (sinceChange: number) => {
    const days = Math.floor(sinceChange / 86_400);
    if (sinceChange < 3 * 3600) return 15 * MIN;
    if (days < 1) return 60 * MIN;
    if (days < 7) return 180 * MIN;
    if (days < 30) return 1440 * MIN;
    if (days < 360) return 7 * 1440 * MIN;
    return 30 * 1440 * MIN;
  };
  return {
    name: "NewsDiffs' tiers",
    start() {
      let lastChange = 0;
      return {
        next(t, changed) {
          if (changed) lastChange = t;
          return t + delay(t - lastChange);
        },
      };
    },
  };
}

export interface ArticleResult {
  checks: number;
  /** Per edit: seconds from the edit to the check that saw it, or 'overwritten' / 'unseen' (no check before the horizon). */
  outcomes: { at: number; delay: number | 'overwritten' | 'unseen' }[];
}

/** Checks at 0 (when found) and then as the policy says, up to `horizonSec`. */
export function simulate(policy: Policy, edits: number[], horizonSec: number): ArticleResult {
  const state = policy.start();
  const outcomes: ArticleResult['outcomes'] = [];
  let seen = 0; // edits already reflected in a stored version
  let checks = 0;
  for (let t: number | null = 0; t !== null && t <= horizonSec;) {
    checks++;
    let current = seen;
    while (current < edits.length && edits[current] <= t) current++;
    const changed = current > seen;
    if (changed) {
      for (let i = seen; i < current - 1; i++) outcomes.push({ at: edits[i], delay: 'overwritten' });
      outcomes.push({ at: edits[current - 1], delay: t - edits[current - 1] });
      seen = current;
    }
    t = state.next(t, changed || checks === 1);
  }
  for (let i = seen; i < edits.length; i++) {
    const overwritten = i < edits.length - 1 && edits[i + 1] <= horizonSec;
    outcomes.push({ at: edits[i], delay: overwritten ? 'overwritten' : 'unseen' });
  }
  return { checks, outcomes };
}
