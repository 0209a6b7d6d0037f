import type { StageTime } from './tracker-profile.ts';
import type { ScenarioResult } from './tracker-run.ts';

const f = (n: number, digits = 1) => n.toFixed(digits);
const pct = (n: number, of: number) => `${f((100 * n) / of, 0)}%`;

/** The results as a markdown table; the speedup is against the one-worker PostgreSQL row. */
export function resultTable(rows: ScenarioResult[]): string {
  const pg1 = rows.find((r) => r.name.startsWith('PostgreSQL') && r.workers === 1);
  const head = [
    'setup',
    'workers',
    'checks',
    'new versions',
    '304 / same bytes (not extracted)',
    'checks/s',
    'first pass checks/s',
    'worker CPU ms/check',
    'per pass: median (low-high)',
    'canary ms: median (low-high)',
    'checks/s per busy core (1000 / CPU ms)',
    'site CPU ms/check',
    'PostgreSQL CPU ms/check',
    'peak RSS MB (per worker)',
    'claims/check',
    'ms/claim',
    'vs 1 PG worker',
  ];
  const lines = rows.map((r) => {
    const perSec = r.checks / r.wallSec;
    const speedup = pg1 && r.name.startsWith('PostgreSQL') ? `${f(perSec / (pg1.checks / pg1.wallSec), 2)}x` : '';
    return [
      r.name,
      String(r.workers),
      String(r.checks),
      String(r.newVersions),
      `${pct(r.notModified, r.checks)} / ${pct(r.sameBody, r.checks)}`,
      f(perSec, 0),
      f(r.firstPassPerSec, 0),
      f(r.workerCpuMsPerCheck, 2),
      spread(r.passCpuMsPerCheck, 2),
      spread(r.passCanaryMs, 1),
      f(1000 / r.workerCpuMsPerCheck, 0),
      f(r.serverCpuMsPerCheck, 2),
      r.postgresCpuMsPerCheck === null ? '' : f(r.postgresCpuMsPerCheck, 2),
      f(r.peakRssMb, 0),
      f(r.claimsPerCheck, 2),
      f(r.msPerClaim, 1),
      speedup,
    ];
  });
  return markdown([head, ...lines]);
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const spread = (xs: number[], digits: number) =>
  xs.length ? `${f(median(xs), digits)} (${f(Math.min(...xs), digits)}-${f(Math.max(...xs), digits)})` : '';

export function stageTable(stages: StageTime[], checks: number): string {
  const total = stages.reduce((a, s) => a + s.ms, 0);
  const rows = stages.map((s) => [s.stage, f(s.ms, 0), f(s.ms / checks, 3), `${f((100 * s.ms) / total, 1)}%`]);
  return markdown([['stage', 'CPU ms', 'ms/check', 'share'], ...rows]);
}

export function markdown(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
