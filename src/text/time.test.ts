import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod, formatSpan, formatTime, laterOrEarlier, relativeTime } from './time.ts';

const t = Date.UTC(2026, 10, 20, 9, 5);

describe('time wording (website and CLI)', () => {
  it("exact times: the readers' long form and the CLI's sortable form, both UTC", () => {
    expect(formatDate(t)).toBe('20 November 2026, 09:05 UTC');
    const at = Date.UTC(2026, 10, 26, 13, 57, 21, 858);
    expect(formatTime(at)).toBe('2026-11-26 13:57:21 UTC');
    expect(formatTime(at, { seconds: false })).toBe('2026-11-26 13:57 UTC');
  });

  it.each([
    [t, t + 31 * 60_000, '31 minutes later'],
    [t, t + 60 * 60_000, '1 hour later'],
    [t + 3 * 86_400_000, t, '3 days earlier'],
    [t, t - 60_000, '1 minute earlier'],
    [t, t + 5 * 3600_000, '5 hours later'],
    [t, t + 20_000, 'less than a minute later'],
    [t, t, 'at the same time'],
  ])('laterOrEarlier(%i, %i) = %s', (a, b, expected) => {
    expect(laterOrEarlier(a, b)).toBe(expected);
  });

  it('relative times take the largest whole unit', () => {
    expect(relativeTime(t, t + 2 * 3600_000 + 59 * 60_000)).toBe('2 hours ago');
    expect(relativeTime(t + 5 * 60_000, t)).toBe('in 5 minutes');
    expect(relativeTime(t, t + 40 * 86_400_000)).toBe('1 month ago');
    expect(relativeTime(t, t + 20_000)).toBe('less than a minute ago');
    expect(relativeTime(t, t + 20_000, { seconds: true })).toBe('20 seconds ago');
    expect(relativeTime(t, t + 100, { seconds: true })).toBe('just now');
  });

  it('a span is rounded to the second before its unit is chosen', () => {
    expect(formatSpan(299_950)).toBe('5 minutes');
    expect(formatSpan(299_400)).toBe('4 minutes');
    expect(formatSpan(1_400, { seconds: true })).toBe('1 second');
  });

  it('prints periods in their largest fitting unit', () => {
    expect([2, 59, 60, 300, 90, 3600, 5400, 86400, 40 * 86400, 90000].map(formatPeriod)).toEqual([
      '2s',
      '59s',
      '1m',
      '5m',
      '1m30s',
      '1h',
      '1h30m',
      '1d',
      '40d',
      '1d1h',
    ]);
  });
});
