import { SITE_RULES } from './sites.ts';
import type { SiteRule } from './types.ts';

export type { SiteRule } from './types.ts';

export const RULES: SiteRule[] = SITE_RULES;

/** The rule for a page URL's host, or null. */
export function ruleFor(url: string): SiteRule | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return RULES.find((r) => r.site.test(host)) ?? null;
}
