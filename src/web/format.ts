import type { Millis } from '../model/index.ts';

export { formatDate, formatPageDate } from '../text/dates.ts';

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

/** "31 minutes", "2 hours", "less than a minute": the largest whole unit. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  for (const [size, name] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return 'less than a minute';
}

/** "3 hours ago" / "in 3 hours". */
export function relativeTime(at: Millis, now: Millis): string {
  return at <= now ? `${formatSpan(now - at)} ago` : `in ${formatSpan(at - now)}`;
}

/** "31 minutes later" / "2 days earlier", comparing `b` to `a`. */
export function laterOrEarlier(a: Millis, b: Millis): string {
  if (a === b) return 'at the same time';
  return `${formatSpan(b - a)} ${b > a ? 'later' : 'earlier'}`;
}

/** "+12 / −30 words" (a real minus sign, as readers expect). */
export function wordDelta(added: number, removed: number): string {
  return `+${added} / \u2212${removed} words`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
