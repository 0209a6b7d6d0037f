import type { Millis } from '../model/index.ts';

/**
 * Every wording of a time or a span of time, for the website and the CLI alike: one set of units,
 * one rounding. Times are shown in UTC (server-rendered pages and logs are the same everywhere).
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** "26 November 2026, 13:17 UTC": one fixed, unambiguous form for readers (website, share cards; no reader time zone). */
export function formatDate(at: Millis): string {
  const d = new Date(at);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/**
 * A date as found on a news page (ISO 8601 usually, in any offset) in the same form, or null
 * when it is not a date JavaScript can read; callers then show the text as found.
 */
export function formatPageDate(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return null;
  const at = Date.parse(text.trim());
  return Number.isFinite(at) ? formatDate(at) : null;
}

/** `2026-11-26 13:57:21 UTC`: readable, sortable and the same on every machine (the CLI's form). */
export function formatTime(at: Millis, opts: { seconds?: boolean } = {}): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, opts.seconds === false ? 16 : 19)} UTC`;
}

/** ISO 8601 for machine-readable attributes (`<time datetime>`). */
export function isoDate(at: Millis): string {
  return new Date(at).toISOString();
}

const UNITS: [number, string][] = [
  [365 * 24 * 3600_000, 'year'],
  [30 * 24 * 3600_000, 'month'],
  [7 * 24 * 3600_000, 'week'],
  [24 * 3600_000, 'day'],
  [3600_000, 'hour'],
  [60_000, 'minute'],
];

export interface SpanOptions {
  /** Name spans under a minute in seconds ("45 seconds"), where checks run seconds apart (the CLI, the demo). */
  seconds?: boolean;
}

/**
 * "31 minutes", "2 hours", "less than a minute": the largest whole unit. The span is first rounded
 * to the second, so a check due in 4:59.9 reads "5 minutes".
 */
export function formatSpan(ms: number, opts: SpanOptions = {}): string {
  const abs = Math.round(Math.abs(ms) / 1000) * 1000;
  for (const [size, name] of UNITS) {
    if (abs >= size) return plural(Math.floor(abs / size), name);
  }
  if (opts.seconds && abs >= 1000) return plural(abs / 1000, 'second');
  return opts.seconds ? 'less than a second' : 'less than a minute';
}

/** "3 hours ago" / "in 3 hours"; with seconds, "just now" / "now" under a second. */
export function relativeTime(at: Millis, now: Millis, opts: SpanOptions = {}): string {
  if (opts.seconds && Math.abs(at - now) < 500) return at > now ? 'now' : 'just now';
  return at <= now ? `${formatSpan(now - at, opts)} ago` : `in ${formatSpan(at - now, opts)}`;
}

/** "31 minutes later" / "2 days earlier" / "at the same time", comparing `b` to `a`. */
export function laterOrEarlier(a: Millis, b: Millis): string {
  if (a === b) return 'at the same time';
  return `${formatSpan(b - a)} ${b > a ? 'later' : 'earlier'}`;
}

/** A period in the largest unit that keeps it exact enough, as written in the config: `45s`, `5m`, `1h30m`, `2d`. */
export function formatPeriod(sec: number): string {
  if (sec < 60) return `${Math.round(sec)}s`;
  if (sec < 3600) return sec % 60 === 0 ? `${sec / 60}m` : `${Math.floor(sec / 60)}m${Math.round(sec % 60)}s`;
  if (sec < 86400) return sec % 3600 === 0 ? `${sec / 3600}h` : `${Math.floor(sec / 3600)}h${Math.round((sec % 3600) / 60)}m`;
  return sec % 86400 === 0 ? `${sec / 86400}d` : `${Math.floor(sec / 86400)}d${Math.round((sec % 86400) / 3600)}h`;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}
