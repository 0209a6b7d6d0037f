import { describe, expect, it } from 'vitest';
import { emptyCounts } from '../tracker/index.ts';
import { formatAgo, formatCounts, formatDelay } from './report.ts';

describe('CLI time wording', () => {
  it('says how far ahead, to the second', () => {
    expect([-5000, 0, 1000, 45_000, 1800_000, 2160_000, 299_950, 4 * 3600_000, 3 * 86400_000].map(formatDelay)).toEqual([
      'now',
      'now',
      'in 1 second',
      'in 45 seconds',
      'in 30 minutes',
      'in 36 minutes',
      'in 5 minutes',
      'in 4 hours',
      'in 3 days',
    ]);
  });

  it('says how long ago', () => {
    expect([0, 6000, 720_000, 2 * 3600_000 + 59 * 60_000].map(formatAgo)).toEqual([
      'just now',
      '6 seconds ago',
      '12 minutes ago',
      '2 hours ago',
    ]);
  });

  it("says what waits on other workers' leases", () => {
    const counts = { ...emptyCounts(), waitingOnLeases: 3, leasesHeld: 1 };
    expect(formatCounts(counts)).toBe(
      'polled 0 feeds, 0 new articles; checked 0; 3 due articles wait on leases of other workers (1 held; they return when released or expired)',
    );
  });
});
