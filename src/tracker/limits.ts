import type { LimitsConfig } from '../config/index.ts';
import { fingerprint, type ExtractResult } from '../extract/index.ts';
import type { Millis } from '../model/index.ts';
import type { TrackerDeps } from './deps.ts';
import { parsersOf } from './threads/index.ts';

export const DAY_MS = 24 * 3600 * 1000;

/** What the tracker keeps of a page: extracted off the event loop, its date checked, its text within limits. */
export interface Kept {
  extraction: ExtractResult;
  /** Characters of text the page had before the cut to limits.maxTextChars; null when nothing was cut. */
  cutFrom: number | null;
}

export async function extractPage(deps: TrackerDeps, html: string, url: string): Promise<Kept> {
  const raw = await parsersOf(deps).extract(html, url);
  const checked = { ...raw, published: validPublished(raw.published, deps.now()) };
  return capText(checked, deps.config.limits);
}

/** The earliest and latest published times taken as real: anything else on a page is a template or a typo. */
const EARLIEST = Date.UTC(1800, 0, 1);
const MAX_DATE_CHARS = 64;

/** A page's published date as found, when it is a real date (not in the future beyond a day); else null. */
export function validPublished(value: string | null, now: Millis): string | null {
  const s = value?.trim();
  if (!s || s.length > MAX_DATE_CHARS) return null;
  const at = Date.parse(s);
  if (!Number.isFinite(at) || at < EARLIEST || at > now + DAY_MS) return null;
  return s;
}

/**
 * Cuts the text to limits.maxTextChars: the headline, then whole paragraphs, the last one cut short.
 * The fingerprint is of the cut text, so an unchanged long page compares equal at every check.
 */
export function capText(extraction: ExtractResult, limits: Pick<LimitsConfig, 'maxTextChars'>): Kept {
  const max = limits.maxTextChars;
  const total = extraction.title.length + extraction.paragraphs.reduce((n, p) => n + p.length, 0);
  if (total <= max) return { extraction, cutFrom: null };
  const title = extraction.title.slice(0, max);
  let left = max - title.length;
  const paragraphs: string[] = [];
  for (const p of extraction.paragraphs) {
    if (left <= 0) break;
    paragraphs.push(p.slice(0, left));
    left -= p.length;
  }
  return { extraction: { ...extraction, title, paragraphs, fingerprint: fingerprint(title, paragraphs) }, cutFrom: total };
}
