import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../log/index.ts';
import { guardProcess } from './guard.ts';

function setup() {
  const log = memoryLogger();
  const proc = new EventEmitter();
  const exits: number[] = [];
  const clock = { now: 1_000_000 };
  const unguard = guardProcess(log, { target: proc as unknown as NodeJS.Process, exit: (c) => void exits.push(c), now: () => clock.now });
  return { log, proc, exits, clock, unguard };
}

describe('guardProcess', () => {
  it('logs unhandled rejections and uncaught exceptions instead of dying, until removed', () => {
    const { log, proc, exits, unguard } = setup();
    proc.emit('unhandledRejection', new Error('forgotten promise'), Promise.resolve());
    proc.emit('uncaughtException', new TypeError('socket callback blew up'));
    proc.emit('unhandledRejection', 'a bare string');
    expect(log.lines[0]).toMatch(/ error unhandled_rejection error="forgotten promise" stack="at /);
    expect(log.lines[1]).toMatch(/ error uncaught_exception error="socket callback blew up"/);
    expect(log.lines[2]).toMatch(/ error unhandled_rejection error="a bare string"/);
    expect(exits).toEqual([]);
    unguard();
    expect(proc.listenerCount('unhandledRejection') + proc.listenerCount('uncaughtException')).toBe(0);
  });

  it('exits without logging when stdout/stderr is a closed pipe (logging would raise the error again)', () => {
    const { log, proc, exits } = setup();
    proc.emit('uncaughtException', Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' }));
    expect(exits).toEqual([1]);
    expect(log.lines).toEqual([]);
  });

  it('gives up on a storm of errors, but not on errors spread over time', () => {
    const { log, proc, exits, clock } = setup();
    for (let i = 0; i < 40; i++) {
      clock.now += 1000;
      proc.emit('uncaughtException', new Error(`slow ${i}`));
    }
    expect(exits).toEqual([]);
    for (let i = 0; i < 21 && exits.length === 0; i++) proc.emit('uncaughtException', new Error(`fast ${i}`));
    expect(exits).toEqual([1]);
    expect(log.lines.at(-1)).toMatch(/ error giving_up reason="more than 20 uncaught errors in 10s"/);
  });
});
