import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/index.ts';
import type { Source } from '../model/index.ts';
import { sourceAlert, usualInterval } from './quiet.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = 1_800_000_000_000;
const ops = defaultConfig().ops;

function source(over: Partial<Source> = {}): Source {
  return {
    id: 1,
    key: 'gazette',
    name: 'Gazette',
    feedUrl: 'http://x/feed',
    pollPeriodSec: 300,
    include: [],
    exclude: [],
    enabled: true,
    createdAt: NOW - 30 * DAY,
    nextPollAt: NOW,
    lastPollAt: NOW - 60_000,
    lastStatus: 'ok',
    lastError: null,
    etag: null,
    lastModified: null,
    pausedAt: null,
    lastOkAt: NOW - 60_000,
    limitedCount: 0,
    lastLimitedAt: null,
    lastLimitNote: null,
    ...over,
  };
}

/** One article every `every` ms, the newest `ago` ms before NOW, plus a burst of 30 on the first poll. */
function history(every: number, ago: number, n = 20): number[] {
  const times = Array.from({ length: n }, (_, i) => NOW - ago - i * every);
  const first = times[times.length - 1] - every;
  return [...times, ...Array.from({ length: 30 }, (_, i) => first - i * 1000)];
}

describe('quiet sources', () => {
  it('counts a poll burst once and takes the median gap', () => {
    expect(usualInterval(history(DAY, 0), 5)).toBe(DAY);
    expect(usualInterval([NOW, NOW - 1000, NOW - 2000], 2)).toBeNull();
    expect(usualInterval([NOW, NOW - HOUR, NOW - 3 * HOUR, NOW - 10 * HOUR], 3)).toBe(2 * HOUR);
  });

  it.each([
    ['a daily source silent for 5 days', history(DAY, 5 * DAY), 'quiet'],
    ['a daily source silent for 3 days (under 4 x its interval)', history(DAY, 3 * DAY), null],
    ['an hourly source silent for 7 hours', history(HOUR, 7 * HOUR), 'quiet'],
    ['an hourly source silent for 5 hours (the 6-hour floor)', history(HOUR, 5 * HOUR), null],
    ['a weekly source silent for 3 weeks (not a daily source)', history(7 * DAY, 21 * DAY), null],
    ['a source with too little history', history(HOUR, 30 * DAY, 2), null],
  ])('%s', (_name, discoveries, kind) => {
    expect(sourceAlert(source(), discoveries, NOW, ops)?.kind ?? null).toBe(kind);
  });

  it('flags a feed whose polls have all failed for hours, and not a paused one', () => {
    const failing = source({ lastStatus: 'error', lastError: 'dns: cannot resolve', lastOkAt: NOW - 4 * HOUR });
    expect(sourceAlert(failing, [], NOW, ops)).toMatchObject({ kind: 'failing', since: NOW - 4 * HOUR });
    expect(sourceAlert(failing, [], NOW, ops)?.message).toContain('dns: cannot resolve');
    expect(sourceAlert({ ...failing, lastOkAt: NOW - 2 * HOUR }, [], NOW, ops)).toBeNull();
    expect(sourceAlert({ ...failing, pausedAt: NOW - DAY }, [], NOW, ops)).toBeNull();
  });
});
