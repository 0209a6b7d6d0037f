import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/index.ts';
import { articleAgeSec, periodAfterChange, periodAfterNoChange, periodAfterRevert, tierPeriod } from './schedule.ts';

const schedule = defaultConfig().schedule;
const H = 3600;

describe('schedule tiers', () => {
  it.each([
    [0, 300],
    [59 * 60, 300],
    [H, 900],
    [5 * H, 900],
    [6 * H, 1800],
    [12 * H - 1, 1800],
    [12 * H, null],
  ])('age %is -> tier period %s', (age, period) => {
    expect(tierPeriod(schedule, age)).toBe(period);
  });

  it("inside a tier the period is the tier's whatever happened; past it, News Sniffer's backoff", () => {
    expect(periodAfterNoChange(schedule, 300, 2 * H)).toBe(900);
    expect(periodAfterChange(schedule, 2 * H)).toBe(900);
    expect(periodAfterNoChange(schedule, 1800, 13 * H)).toBe(2160);
    expect(periodAfterChange(schedule, 13 * H)).toBe(1800);
    // Flip-flopping backs off even inside a tier.
    expect(periodAfterRevert(schedule, 900, 2 * H)).toBe(1800);
    expect(periodAfterRevert(schedule, 100, 2 * H)).toBe(900);
  });

  it('ages from a plausible feed date, else from first sight', () => {
    const seen = Date.UTC(2024, 2, 1, 12);
    expect(articleAgeSec({ firstSeenAt: seen, feedPublishedAt: seen - 2 * H * 1000 }, seen)).toBe(2 * H);
    // A feed date after we first saw the article (a clock error, an update date) does not make it younger.
    expect(articleAgeSec({ firstSeenAt: seen, feedPublishedAt: seen + H * 1000 }, seen + 60_000)).toBe(60);
    expect(articleAgeSec({ firstSeenAt: seen, feedPublishedAt: null }, seen - 1000)).toBe(0);
  });
});
