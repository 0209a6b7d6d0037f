import { createHash } from 'node:crypto';
import type { LimitsConfig } from '../config/index.ts';
import { EXTRACTOR_VERSION } from '../extract/index.ts';
import type { FetchResult } from '../fetch/index.ts';
import { bytesDigest } from '../store/chain.ts';

/** The article's state a check left: its latest version and the version the page showed. */
export interface SeenState {
  latest: number;
  seen: number;
}

/**
 * What a fetched body contributes to its digest: the fetcher's digest of the bytes as received,
 * before decompression, with the final URL, type and encoding (FetchResult.bodyDigest). A fetcher
 * that gives none (a rendered page, a test stand-in) stands in with the capture digest of the
 * decoded bytes (store/chain.ts), their charset and the final URL.
 */
export function bodyKeyOf(page: Pick<FetchResult, 'url' | 'charset' | 'body' | 'bodyDigest'>): string {
  if (page.bodyDigest) return page.bodyDigest;
  return createHash('sha256')
    .update(JSON.stringify([page.url, page.charset, bytesDigest(page.body)]))
    .digest('hex');
}

/**
 * sha256 over everything extraction reads and everything the comparison's answer rests on: the
 * extractor version, the text limit, the body (bodyKeyOf: its bytes, URL and charset or type and
 * encoding), and the state the check left (latest version, version shown). When a check fetches a
 * body whose digest equals the one the last check stored, extraction would give the same
 * fingerprint and the comparison the same answer ("same"), so the check skips both. Any other
 * difference (one byte, a new extractor, another limit, a version stored or a revert recorded by
 * anyone since) gives another digest, and the page is extracted as always.
 */
export function bodyDigest(key: string, limits: Pick<LimitsConfig, 'maxTextChars'>, state: SeenState): string {
  const fields = [EXTRACTOR_VERSION, limits.maxTextChars, key, state.latest, state.seen];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
