/**
 * Whether a PostgreSQL speed-up goal fits this machine's cores, from the run's own measures: the one-worker
 * rate, and the CPU a check costs in every process of the N-worker run (workers, site, PostgreSQL).
 */
import { cpus } from 'node:os';
import type { ScenarioResult } from './tracker-run.ts';

/** The goal for 4 PostgreSQL workers against 1 (issue 14). */
export const PG_SPEEDUP_GOAL = 3.6;

export function budgetSection(rows: ScenarioResult[], loadAverage: string, goal = PG_SPEEDUP_GOAL, cores = cpus().length): string | null {
  const pg = rows.filter((r) => r.postgresCpuMsPerCheck !== null);
  const one = pg.find((r) => r.workers === 1);
  if (!one) return null;
  const oneRate = one.checks / one.wallSec;
  const lines = [
    `## PostgreSQL: the CPU budget of ${goal}x one worker`,
    '',
    `One worker checked ${oneRate.toFixed(0)}/s, so ${goal}x is ${(goal * oneRate).toFixed(0)} checks/s. ` +
      `A check's CPU below is measured in this run, in every process it needs; the machine has ${cores} cores ` +
      `(load average ${loadAverage} before the run: other processes use part of them; the PostgreSQL figure is the bench database's backends and the server's own processes).`,
    '',
  ];
  for (const r of pg.filter((x) => x.workers > 1)) {
    const cpu = r.workerCpuMsPerCheck + r.serverCpuMsPerCheck + r.postgresCpuMsPerCheck!;
    const withoutSite = cpu - r.serverCpuMsPerCheck;
    const need = (goal * oneRate * cpu) / 1000;
    const ceiling = (cores * 1000) / cpu / oneRate;
    const ceilingWithoutSite = (cores * 1000) / withoutSite / oneRate;
    const measured = r.checks / r.wallSec / oneRate;
    lines.push(
      `- ${r.workers} workers: ${cpu.toFixed(2)} ms of CPU per check (workers ${r.workerCpuMsPerCheck.toFixed(2)} + ` +
        `site ${r.serverCpuMsPerCheck.toFixed(2)} + PostgreSQL ${r.postgresCpuMsPerCheck!.toFixed(2)}). ` +
        `${goal}x needs ${need.toFixed(2)} cores of ${cores}; ${cores} idle cores allow at most ${ceiling.toFixed(2)}x ` +
        `(${ceilingWithoutSite.toFixed(2)}x without the bench's own site process). Measured: ${measured.toFixed(2)}x` +
        (need > cores ? ` — the goal does not fit ${cores} cores at this CPU per check.` : '.'),
    );
  }
  return lines.join('\n');
}
