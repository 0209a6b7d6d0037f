import { extractArticle, EXTRACTOR_VERSION } from '../extract/index.ts';
import type { Version } from '../model/index.ts';
import { decodeHtml } from '../text/charset.ts';
import type { TrackerDeps } from './deps.ts';

/**
 * Fingerprints under the current extraction rules. A version stored by an older extractor is
 * re-extracted from its raw HTML once and the result recorded with store.setBaseline, so improving
 * the extractor never turns into a false new version for every tracked article.
 */
export function knownFingerprint(v: Version): string | null {
  if (v.extractorVersion === EXTRACTOR_VERSION) return v.fingerprint;
  if (v.baselineExtractorVersion === EXTRACTOR_VERSION) return v.baselineFingerprint;
  return null;
}

/** The version's fingerprint under current rules; null when that cannot be known (no raw HTML kept). */
export async function currentFingerprint(deps: TrackerDeps, url: string, v: Version): Promise<string | null> {
  const known = knownFingerprint(v);
  if (known !== null || !v.hasRaw) return known;
  const raw = await deps.store.getRawHtml(v.articleId, v.number);
  if (!raw) return null;
  try {
    const { text } = decodeHtml(raw, null);
    const fp = extractArticle(text, url).fingerprint;
    await deps.store.setBaseline(v.id, fp, EXTRACTOR_VERSION);
    deps.log.info('rebaseline', { article: v.articleId, version: v.number, from: v.extractorVersion, to: EXTRACTOR_VERSION });
    return fp;
  } catch (err) {
    deps.log.warn('rebaseline_failed', { article: v.articleId, version: v.number, error: (err as Error).message });
    return null;
  }
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * The raw HTML we keep: the decoded page re-encoded as UTF-8 behind a BOM. The charset often came
 * from the HTTP header, which is not kept; the BOM makes a later re-extraction decode it exactly
 * as the fetcher did.
 */
export function rawForStorage(decodedHtml: string): Uint8Array {
  const body = new TextEncoder().encode(decodedHtml);
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}
