import { UsageError } from '../model/index.ts';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses "90s", "5m", "2h", "1d" or a plain number of seconds. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(text);
  if (!m) throw new UsageError(`invalid duration ${JSON.stringify(text)} (use e.g. 90s, 5m, 2h, 1d)`);
  return Math.round(Number(m[1]) * UNITS[(m[2] || 's').toLowerCase()]);
}
