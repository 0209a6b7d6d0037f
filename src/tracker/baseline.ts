import { EXTRACTOR_VERSION } from '../extract/index.ts';
import type { CaptureInput, VersionFingerprint } from '../model/index.ts';
import { decodeHtml } from '../text/charset.ts';
import type { FetchResult } from '../fetch/index.ts';
import type { TrackerDeps } from './deps.ts';
import { extractPage } from './limits.ts';

/**
 * Fingerprints under the current extraction rules. A version stored by an older extractor is
 * re-extracted from its capture once and the result recorded with store.setBaseline, so improving
 * the extractor never turns into a false new version for every tracked article.
 */
export function knownFingerprint(v: VersionFingerprint): string | null {
  if (v.extractorVersion === EXTRACTOR_VERSION) return v.fingerprint;
  if (v.baselineExtractorVersion === EXTRACTOR_VERSION) return v.baselineFingerprint;
  return null;
}

/** The version's fingerprint under current rules; null when that cannot be known (no capture kept). */
export async function currentFingerprint(deps: TrackerDeps, url: string, v: VersionFingerprint): Promise<string | null> {
  const known = knownFingerprint(v);
  if (known !== null || !v.hasRaw) return known;
  const capture = await deps.store.evidence.getCapture(v.articleId, v.number);
  if (!capture) return null;
  try {
    const fp = (await extractPage(deps, decodeCapture(capture), url)).extraction.fingerprint;
    await deps.store.setBaseline(v.id, fp, EXTRACTOR_VERSION);
    deps.log.info('rebaseline', { article: v.articleId, version: v.number, from: v.extractorVersion, to: EXTRACTOR_VERSION });
    return fp;
  } catch (err) {
    deps.log.warn('rebaseline_failed', { article: v.articleId, version: v.number, error: (err as Error).message });
    return null;
  }
}

/**
 * The capture's text, decoded exactly as the check did: with the charset the fetcher chose then
 * (which may have come from the HTTP header). Captures without one are sniffed (BOM, <meta>, UTF-8).
 */
export function decodeCapture(capture: Pick<CaptureInput, 'body' | 'charset'>): string {
  return decodeHtml(capture.body, capture.charset ? `text/html; charset=${capture.charset}` : null).text;
}

/** A fetched page as the version's exact capture: the bytes before charset decoding and the exchange. */
export function captureOf(requestUrl: string, page: FetchResult): CaptureInput {
  return {
    body: page.body,
    requestUrl,
    finalUrl: page.url,
    status: page.status,
    statusLine: page.statusLine ?? null,
    headers: page.rawHeaders ?? (page.headers ? Object.entries(page.headers) : null),
    requestHeaders: page.requestHeaders ?? null,
    charset: page.charset,
    // A rendered page is what re-extraction needs, but not the bytes the server sent.
    exact: !page.rendered,
    // The server's own compression of these bytes: stored as is, which spares compressing the page again.
    gzip: page.rendered ? null : (page.bodyGzip ?? null),
  };
}
