/**
 * CPU time used so far by the PostgreSQL server processes that work for one database (Linux /proc),
 * so the benchmark can say how much of each check the database costs: the backends connected to
 * that database, plus the server's own processes (postmaster, WAL writer, checkpointer, background
 * writer), which write and flush every database's changes. Backends of other databases are left out:
 * on a shared server they come and go, and one that exits between two readings would make the
 * difference negative. The benchmark's connections stay open while it measures.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** Process titles of the server's own processes ("postgres: 15/main: walwriter"). */
const SERVER_PROCESS = /: (checkpointer|background writer|walwriter|autovacuum launcher|logical replication launcher)\s*$/;

export function postgresCpuMs(database: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (!comm.startsWith('postgres')) continue;
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const postmaster = !title.startsWith('postgres:');
      const ours = title.split(/\s+/).includes(database);
      if (!postmaster && !ours && !SERVER_PROCESS.test(title)) continue;
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended while we looked
    }
  }
  return ticks * TICK_MS;
}
