import type { Millis } from '../model/index.ts';

/** W3C datetime / RFC 3339 / ISO 8601, with or without seconds, fraction and zone. */
const ISO = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Zone abbreviations V8 does not know but news feeds use (hours east of UTC). */
const ZONES: Record<string, number> = {
  BST: 1,
  IST: 1,
  CET: 1,
  CEST: 2,
  MET: 1,
  MEST: 2,
  EET: 2,
  EEST: 3,
  WET: 0,
  WEST: 1,
  MSK: 3,
  SAST: 2,
  JST: 9,
  KST: 9,
  HKT: 8,
  SGT: 8,
  AWST: 8,
  ACST: 9.5,
  AEST: 10,
  AEDT: 11,
  NZST: 12,
  NZDT: 13,
};

/** A trailing zone an RFC 822 date may carry: numeric, Z/UT/GMT/UTC, a US or military abbreviation. */
const RFC822_ZONE = /\s(?:[+-]\d{4}|Z|UT|UTC|GMT|[ECMP][SD]T|[A-IK-Z])$/i;

/**
 * RFC 822 (RSS), RFC 3339 / W3C datetime (Atom, sitemaps, JSON Feed); null when absent or
 * unreadable. A date without a zone is read as UTC: the server's own time zone says nothing
 * about the publisher's, and the result must not depend on where Redline runs.
 */
export function parseDate(value: string | null | undefined): Millis | null {
  const s = value?.trim();
  if (!s) return null;
  const iso = ISO.exec(s);
  if (iso) return fromIso(iso);
  return fromRfc822(s);
}

function fromIso(m: RegExpExecArray): Millis | null {
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d ?? 1), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), ms);
  if (Number.isNaN(t) || Number(mo) < 1 || Number(mo) > 12) return null;
  return t - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || /^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000;
}

function fromRfc822(s: string): Millis | null {
  let text = s.replace(/\s+/g, ' ');
  let offsetMs = 0;
  const abbr = /\s([A-Z]{3,4})$/.exec(text);
  if (abbr && ZONES[abbr[1]] !== undefined) {
    offsetMs = ZONES[abbr[1]] * 3600_000;
    text = text.slice(0, abbr.index) + ' GMT';
  } else if (!RFC822_ZONE.test(text)) {
    // No zone at all (or one nobody knows): UTC, never the server's local time.
    text = text.replace(/\s[A-Z]{3,5}$/, '') + ' GMT';
  }
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : t - offsetMs;
}

/** Whitespace collapsed, tags removed: for titles that are plain strings (JSON Feed, news sitemaps). */
export function cleanTitle(value: unknown): string | null {
  const raw = typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : value;
  if (typeof raw !== 'string') return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  return text || null;
}
