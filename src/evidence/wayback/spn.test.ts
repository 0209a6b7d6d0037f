import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './spn.ts';

describe('Retry-After', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it.each([
    ['120', 120_000],
    [' 5 ', 5_000],
    ['Thu, 01 Jan 2026 12:01:30 GMT', 90_000],
    ['Thu, 01 Jan 2026 11:00:00 GMT', 0],
    ['soon', 60_000],
    [null, 60_000],
  ])('%j waits %i ms', (value, ms) => {
    expect(retryAfterMs(value, now)).toBe(ms);
  });
});
