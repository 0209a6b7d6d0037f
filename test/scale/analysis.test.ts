import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../bench/lib/tracker-site.ts';
import { judge } from './analysis.ts';

const rules = { periodMs: 20_000, leaseMs: 4_000, slackMs: 1_000, lostGraceMs: 50, victim: 'v', killedAt: 10_000 };
const req = (article: number, userAgent: string, start: number, end = start + 20, revision = 0): RequestRecord => ({
  article,
  userAgent,
  start,
  end,
  revision,
});

describe('judge (scale test log analysis)', () => {
  it('accepts one request per due time', () => {
    const v = judge([req(1, 'a', 0), req(1, 'b', 20_500), req(2, 'v', 100), req(2, 'a', 25_000)], rules);
    expect(v.doubles).toEqual([]);
    expect(v.checks.get(1)).toHaveLength(2);
    expect(v.lost).toEqual([]);
  });

  it('flags two checks of the same due time', () => {
    const v = judge([req(1, 'a', 0), req(1, 'b', 300)], rules);
    expect(v.doubles).toEqual(['article 1: a then b 300 ms apart']);
  });

  it('counts a request in flight when the worker died as lost, and its later check as a takeover', () => {
    const v = judge([req(3, 'v', 9_990, 10_010), req(3, 'a', 40_000)], rules);
    expect(v.lost.map((r) => r.article)).toEqual([3]);
    expect(v.takeovers).toBe(1);
    expect(v.lostTakenOver).toBe(1);
    expect(v.checks.get(3)!.map((r) => r.userAgent)).toEqual(['a']);
  });

  it('accepts a recheck after its death when the dead worker was answered but never stored the result', () => {
    const v = judge([req(4, 'v', 9_000, 9_100), req(4, 'a', 14_000)], rules);
    expect(v.doubles).toEqual([]);
    expect(v.takeovers).toBe(1);
    expect(v.lostTakenOver).toBe(0);
    expect(v.checks.get(4)!.map((r) => r.userAgent)).toEqual(['a']);
  });

  it('does not excuse a recheck while the worker was still alive', () => {
    const v = judge([req(5, 'v', 9_000, 9_100), req(5, 'a', 9_500)], rules);
    expect(v.doubles).toHaveLength(1);
  });
});
