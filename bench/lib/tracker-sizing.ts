/**
 * Sizing on paper from the adaptive schedule itself (the tracker's own period functions over the
 * configured numbers): how many checks one article gets in its life, and so the steady-state
 * check rate for a given number of new articles a day.
 */
import type { ScheduleConfig } from '../../src/config/index.ts';
import { nextCheck, periodAfterChange, periodAfterNoChange } from '../../src/tracker/schedule.ts';

export interface ArticleLife {
  checks: number;
  checksFirstDay: number;
  lifeDays: number;
}

/**
 * An article checked at once when found, then on schedule until retired. `changesAt` lists the
 * check numbers (1-based) that find a new version; the first check always stores version 1.
 */
export function articleLife(schedule: ScheduleConfig, changesAt: number[] = []): ArticleLife {
  let t = 0;
  let checks = 0;
  let checksFirstDay = 0;
  let period = periodAfterChange(schedule, 0);
  for (;;) {
    checks++;
    if (t < 86_400) checksFirstDay++;
    const changed = checks === 1 || changesAt.includes(checks);
    // The article was published when found, so its age is t.
    period = changed ? periodAfterChange(schedule, t) : periodAfterNoChange(schedule, period, t);
    const next = nextCheck(schedule, period, t * 1000);
    if (next.retired) return { checks, checksFirstDay, lifeDays: t / 86_400 };
    t += period;
  }
}

export interface Sizing {
  articlesPerDay: number;
  life: ArticleLife;
  checksPerSec: number;
  /** Checks per second during the first day of each article, the part that follows publishing peaks. */
  firstDayChecksPerSec: number;
}

export function sizing(schedule: ScheduleConfig, articlesPerDay: number, changesAt: number[] = []): Sizing {
  const life = articleLife(schedule, changesAt);
  return {
    articlesPerDay,
    life,
    checksPerSec: (articlesPerDay * life.checks) / 86_400,
    firstDayChecksPerSec: (articlesPerDay * life.checksFirstDay) / 86_400,
  };
}

/** "every 5 min up to 1 h, 15 min up to 6 h, then " for the configured tiers. */
export function describeTiers(schedule: ScheduleConfig): string {
  if (!schedule.tiers.length) return '';
  const span = (sec: number) => (sec % 3600 === 0 ? `${sec / 3600} h` : `${Math.round(sec / 60)} min`);
  return `every ${schedule.tiers.map((t) => `${span(t.periodSec)} up to ${span(t.maxAgeSec)}`).join(', ')}, then `;
}

export interface Measured {
  workerCpuMsPerCheck: number;
  postgresCpuMsPerCheck: number | null;
  /** Average compressed (gzip) page size served by the bench site, as the store keeps raw HTML. */
  gzipBytesPerPage: number;
  rawBytesPerPage: number;
}

/** The paper sizing for one million new articles a day, with this run's measured costs. */
export function sizingSection(schedule: ScheduleConfig, m: Measured): string {
  const base = sizing(schedule, 1_000_000);
  const edited = sizing(schedule, 1_000_000, [2, 3]);
  const versionsPerDay = 1_300_000; // assumption: 1 first version each + 0.3 edits per article on average
  const cores = (perSec: number, ms: number) => ((perSec * ms) / 1000).toFixed(1);
  const gb = (bytes: number) => (bytes / 1e9).toFixed(1);
  const lines = [
    `## Sizing on paper: 1,000,000 new articles a day`,
    '',
    `Schedule (src/config/defaults.ts): checked at once, then ${describeTiers(schedule)}every ${schedule.minPeriodSec / 60} min x ${schedule.backoffFactor} per unchanged check, retired past ${schedule.retireAfterSec / 86_400} days.`,
    `One article that never changes gets ${base.life.checks} checks over ${base.life.lifeDays.toFixed(0)} days (${base.life.checksFirstDay} in its first day);`,
    `with two edits found early, ${edited.life.checks}. Steady state: ${base.checksPerSec.toFixed(0)}-${edited.checksPerSec.toFixed(0)} checks/s on average,`,
    `of which ${base.firstDayChecksPerSec.toFixed(0)}-${edited.firstDayChecksPerSec.toFixed(0)}/s are first-day checks that follow the publishing peak (plan for ~2x).`,
    '',
    `- worker CPU: ${m.workerCpuMsPerCheck.toFixed(2)} ms/check -> ${cores(edited.checksPerSec, m.workerCpuMsPerCheck)} cores on average, ${cores(2 * edited.checksPerSec, m.workerCpuMsPerCheck)} at a 2x peak`,
  ];
  if (m.postgresCpuMsPerCheck !== null) {
    lines.push(
      `- PostgreSQL CPU: ${m.postgresCpuMsPerCheck.toFixed(2)} ms/check -> ${cores(edited.checksPerSec, m.postgresCpuMsPerCheck)} cores on average`,
    );
  }
  lines.push(
    `- raw HTML kept per version: ${(m.rawBytesPerPage / 1024).toFixed(0)} KB page, ${(m.gzipBytesPerPage / 1024).toFixed(1)} KB gzip -> ${gb(versionsPerDay * m.gzipBytesPerPage)} GB/day for ${versionsPerDay / 1e6}M versions/day (assumed 0.3 edits per article)`,
    `- network: ${((edited.checksPerSec * m.gzipBytesPerPage * 8) / 1e6).toFixed(0)} Mbit/s of compressed pages on average`,
  );
  return lines.join('\n');
}
