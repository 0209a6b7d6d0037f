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

/** What a fetched body contributes to its digest: the capture digest of its bytes (store/chain.ts), its charset, its final URL. */
export interface BodyKey {
  url: string;
  charset: string;
  bytes: string;
}

export function bodyKeyOf(page: Pick<FetchResult, 'url' | 'charset' | 'body'>): BodyKey {
  return { url: page.url, charset: page.charset, bytes: bytesDigest(page.body) };
}

/**
 * sha256 over everything extraction reads and everything the comparison's answer rests on: the
 * extractor version, the text limit, the final URL, the charset and bytes of the body, and the
 * state the check left (latest version, version shown). When a check fetches a body whose digest
 * equals the one the last check stored, extraction would give the same fingerprint and the
 * comparison the same answer ("same"), so the check skips both. Any other difference (one byte,
 * a new extractor, another limit, a version stored or a revert recorded by anyone since) gives
 * another digest, and the page is extracted as always.
 */
export function bodyDigest(key: BodyKey, limits: Pick<LimitsConfig, 'maxTextChars'>, state: SeenState): string {
  const fields = [EXTRACTOR_VERSION, limits.maxTextChars, key.url, key.charset, key.bytes, state.latest, state.seen];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
