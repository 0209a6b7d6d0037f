import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Anti-forgery for the public follow form. There is no session to ride, so the form carries a
// signed, time-limited token (a page from this site was loaded recently) and the POST must not come
// from another site (Origin / Sec-Fetch-Site, which browsers always send on cross-site POSTs).
// Abuse without a browser is not forgery: the per-address and per-IP limits handle that.

const MAX_AGE_MS = 2 * 3600_000;

export interface FormTokens {
  issue(now: number): string;
  valid(token: string | undefined, now: number): boolean;
}

export function formTokens(secret: string | null): FormTokens {
  const key = secret ?? randomBytes(32).toString('hex');
  const sign = (t: number) => createHmac('sha256', key).update(`follow-form:${t}`).digest('base64url');
  return {
    issue: (now) => `${now}.${sign(now)}`,
    valid(token, now) {
      const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
      if (!m) return false;
      const t = Number(m[1]);
      if (t > now + 60_000 || now - t > MAX_AGE_MS) return false;
      return timingSafeEqual(Buffer.from(sign(t)), Buffer.from(m[2]));
    },
  };
}

/** False when the browser says the POST comes from another site. */
export function sameOrigin(headers: { origin?: string; fetchSite?: string; host?: string }, baseUrl: string): boolean {
  if (headers.fetchSite && !['same-origin', 'none'].includes(headers.fetchSite)) return false;
  if (!headers.origin) return true;
  if (headers.origin === 'null') return false;
  try {
    const origin = new URL(headers.origin);
    return origin.origin === new URL(baseUrl).origin || origin.host === headers.host;
  } catch {
    return false;
  }
}
