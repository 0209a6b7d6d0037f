/**
 * CPU time of this process split into its JavaScript thread and every other thread (V8's
 * concurrent GC and compiler threads, libuv's pool), from Linux /proc/self/task. process.cpuUsage
 * counts them all; the split shows which part of a check's CPU moves from run to run.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function threadCpuMs(): { main: number; helpers: number } {
  let main = 0;
  let helpers = 0;
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
        if (Number(tid) === process.pid) main += ms;
        else helpers += ms;
      } catch {
        // the thread ended while we looked
      }
    }
  } catch {
    // not Linux: no split
  }
  return { main, helpers };
}
