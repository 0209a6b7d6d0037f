import { describe, expect, it } from 'vitest';
import { growingPause, startDaemon } from './index.ts';

describe('startDaemon', () => {
  it('naps after an idle pass, runs again at once after a busy one, and stop() wakes the nap', async () => {
    const passes: boolean[] = [];
    const d = startDaemon({
      idleMs: 60_000,
      async pass() {
        const idle = passes.length >= 2; // two busy passes, then idle
        passes.push(idle);
        return idle;
      },
      failed: () => 0,
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(passes).toEqual([false, false, true]); // napping now, for a minute
    const t = Date.now();
    await d.stop();
    expect(Date.now() - t).toBeLessThan(5_000); // the nap was woken
    expect(passes).toHaveLength(3);
  });

  it('counts failures in a row, resets them after a good pass, and runs start and end once', async () => {
    const seen: number[] = [];
    const order: string[] = [];
    let n = 0;
    const d = startDaemon({
      idleMs: 60_000,
      start: async () => void order.push('start'),
      end: async () => void order.push('end'),
      async pass() {
        n++;
        if (n <= 2 || n === 4) throw new Error(`pass ${n}`);
        return n >= 5;
      },
      failed(err, failures) {
        seen.push(failures);
        expect((err as Error).message).toBe(`pass ${n}`);
        return 1;
      },
    });
    await new Promise((r) => setTimeout(r, 100));
    await d.stop();
    await d.done;
    expect(seen).toEqual([1, 2, 1]);
    expect(n).toBe(5);
    expect(order).toEqual(['start', 'end']);
  });

  it('passes a stopping() the pass can watch, and a stop during a pass does not wait out the idle nap', async () => {
    let sawStop = false;
    const d = startDaemon({
      idleMs: 60_000,
      async pass(stopping) {
        while (!stopping()) await new Promise((r) => setTimeout(r, 5));
        sawStop = true;
        return true;
      },
      failed: () => 0,
    });
    await new Promise((r) => setTimeout(r, 20));
    const t = Date.now();
    await d.stop();
    expect(sawStop).toBe(true);
    expect(Date.now() - t).toBeLessThan(5_000);
  });
});

describe('growingPause', () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [4, 40_000],
    [5, 60_000],
    [30, 60_000],
  ])('failure %i in a row -> %i ms', (failures, ms) => {
    expect(growingPause(5_000, failures, 60_000)).toBe(ms);
  });
});
