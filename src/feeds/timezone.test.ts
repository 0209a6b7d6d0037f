import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PROBE = join(import.meta.dirname, 'testdata/tz-probe.ts');

function probe(tz: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', PROBE], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(out) as { offsetMinutes: number; items: number[]; plain: (number | null)[] };
}

describe('dates without a zone are read as UTC, whatever the server time zone', () => {
  const tenUtc = Date.UTC(2024, 2, 1, 10);
  const results = new Map<string, ReturnType<typeof probe>>();

  it.each([
    ['UTC', 0],
    ['America/New_York', 300],
  ])('TZ=%s', (tz, offset) => {
    const r = probe(tz);
    results.set(tz, r);
    // The child really ran in that zone: otherwise this test would prove nothing.
    expect(r.offsetMinutes).toBe(offset);
    expect(r.items.slice(0, 3)).toEqual([tenUtc, tenUtc, tenUtc + 250]);
    expect(r.plain).toEqual([tenUtc, tenUtc, tenUtc, tenUtc]);
  });

  it('both zones give the same instants for every item', () => {
    expect(results.get('UTC')).toBeDefined();
    expect(results.get('UTC')!.items).toEqual(results.get('America/New_York')!.items);
  });
});
