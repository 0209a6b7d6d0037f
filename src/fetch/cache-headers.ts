import type { Millis } from '../model/index.ts';

/** Freshness from Cache-Control (max-age, or 0 for no-cache/no-store), else Expires relative to Date; null when absent. */
export function maxAgeFrom(headers: Record<string, string>, now: Millis): number | null {
  const cc = headers['cache-control']?.toLowerCase();
  if (cc) {
    if (/(^|[\s,])(no-cache|no-store)\b/.test(cc)) return 0;
    const m = /(?:^|[\s,])max-age\s*=\s*"?(\d+)/.exec(cc);
    if (m) return Number(m[1]) * 1000;
  }
  const expires = headers['expires'];
  if (expires === undefined) return null;
  const at = Date.parse(expires);
  // An unparsable Expires ("0", "-1") means already expired (RFC 9111 5.3).
  if (Number.isNaN(at)) return 0;
  const date = Date.parse(headers['date'] ?? '');
  return Math.max(0, at - (Number.isNaN(date) ? now : date));
}

/** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterFrom(value: string | undefined, now: Millis): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
