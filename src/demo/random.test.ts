import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.ts';

describe('seededRandom', () => {
  it('repeats its sequence for a seed, differs between seeds, stays in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 50 }, seededRandom(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    for (const x of take(7)) expect(x >= 0 && x < 1).toBe(true);
  });
});
