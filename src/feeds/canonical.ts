/**
 * Query parameters that only say where a click came from. Kept deliberately short: a parameter
 * that might select content (id, page, ref on some CMSs) stays.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'yclid',
  '_ga',
  '_gl',
  'twclid',
  'ocid',
  'cmpid',
  'ito',
  'at_medium',
  'at_campaign',
  'smid',
  'smtyp',
]);
const TRACKING_PREFIXES = ['utm_', 'at_custom'];
/** Parameters that are tracking only with these values (e.g. NYT's `partner=rss&emc=rss`). */
const TRACKING_VALUES: Record<string, RegExp> = {
  partner: /^rss$/i,
  emc: /^rss$/i,
  ref: /^(rss|feed|twitter|facebook|social|newsletter)$/i,
  cmp: /^(rss|twitter|facebook|social|newsletter)/i,
};

function isTrackingParam(name: string, value: string): boolean {
  const n = name.toLowerCase();
  if (TRACKING_PARAMS.has(n)) return true;
  if (TRACKING_PREFIXES.some((p) => n.startsWith(p))) return true;
  return TRACKING_VALUES[n]?.test(value) ?? false;
}

/**
 * The identity of an article URL: resolved against `base`, host lower-cased (the URL parser does
 * that), default port and fragment dropped, credentials (`user:pass@`) dropped so they never reach
 * a public page, tracking parameters removed. The remaining parameters
 * keep their order: reordering could merge pages a site treats as distinct.
 * Throws TypeError when the URL cannot be parsed.
 */
export function canonicalizeUrl(url: string, base?: string): string {
  const u = new URL(url.trim(), base);
  // Each setter re-serialises the URL: only touch what is there (feeds list URLs by the thousand).
  if (u.hash) u.hash = '';
  if (u.username) u.username = '';
  if (u.password) u.password = '';
  if (u.search || u.href.endsWith('?')) u.search = stripTracking(u.search.slice(1));
  return u.toString();
}

/** Filters raw `k=v` segments so the kept ones stay byte-for-byte as they were. */
function stripTracking(query: string): string {
  const kept = query.split('&').filter((seg) => {
    if (!seg) return false;
    const eq = seg.indexOf('=');
    const name = safeDecode(eq < 0 ? seg : seg.slice(0, eq));
    const value = eq < 0 ? '' : safeDecode(seg.slice(eq + 1));
    return !isTrackingParam(name, value);
  });
  return kept.join('&');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** canonicalizeUrl for http(s) URLs, or null when the input is not one. */
export function tryCanonicalizeHttpUrl(url: string | null | undefined, base?: string): string | null {
  // A literal space means prose or a broken value, not a link.
  if (!url || /\s/.test(url.trim())) return null;
  try {
    const c = canonicalizeUrl(url, base);
    return /^https?:\/\//i.test(c) ? c : null;
  } catch {
    return null;
  }
}
