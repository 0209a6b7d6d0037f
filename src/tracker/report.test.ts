import { describe, expect, it } from 'vitest';
import { formatAgo, formatDelay, formatPeriod, formatTime } from './report.ts';

describe('human formatting', () => {
  it('prints times in UTC to the second or minute', () => {
    const at = Date.UTC(2026, 10, 26, 13, 57, 21, 858);
    expect(formatTime(at)).toBe('2026-11-26 13:57:21 UTC');
    expect(formatTime(at, { seconds: false })).toBe('2026-11-26 13:57 UTC');
  });

  it('prints periods in their largest fitting unit', () => {
    expect([2, 59, 60, 300, 90, 3600, 5400, 86400, 40 * 86400, 90000].map(formatPeriod)).toEqual(['2s', '59s', '1m', '5m', '1m30s', '1h', '1h30m', '1d', '40d', '1d1h']);
  });

  it('prints delays ahead and behind', () => {
    expect([-5000, 0, 1000, 45_000, 1800_000, 2160_000, 4 * 3600_000, 3 * 86400_000].map(formatDelay)).toEqual(['now', 'now', 'in 1 s', 'in 45 s', 'in 30 min', 'in 36 min', 'in 4 h', 'in 3 days']);
    expect([0, 6000, 720_000].map(formatAgo)).toEqual(['just now', '6 s ago', '12 min ago']);
  });
});
