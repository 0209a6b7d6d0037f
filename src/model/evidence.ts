import type { Millis } from './types.ts';

/** An HTTP response exactly as the fetcher received it, kept as evidence of what a page said. */
export interface CaptureInput {
  /** The body after content decoding (gzip/br), before charset decoding. */
  body: Uint8Array;
  /** The URL the check asked for, and the one that answered after redirects. */
  requestUrl: string | null;
  finalUrl: string | null;
  status: number | null;
  /** e.g. `HTTP/1.1 200 OK`; null when not known (captures kept before exact captures existed). */
  statusLine: string | null;
  /** Response headers in the order received, names as sent. */
  headers: [string, string][] | null;
  /** Headers of the request that got this response, as sent. */
  requestHeaders: [string, string][] | null;
  /** The charset the check decoded the body with; re-extraction decodes with the same one. */
  charset: string | null;
  /** false for a capture that is not the bytes received (see Capture.exact); default true. */
  exact?: boolean;
  /**
   * The body as the server sent it gzip-encoded, when it did: the store may keep these bytes
   * instead of compressing `body` again, once it has checked that they decompress to `body`.
   */
  gzip?: Uint8Array | null;
}

export interface Capture extends CaptureInput {
  /** sha256 (hex) of `body`: captures are content-addressed, the same bytes are kept once. */
  digest: string;
  /** false for captures kept before migration 6: the decoded page re-encoded as UTF-8, not the bytes received. */
  exact: boolean;
  pinned: boolean;
}

/** What a capture is without its bytes (the bytes may have been pruned; the digest stays). */
export type CaptureInfo = Omit<Capture, 'body'> & { versionId: number; size: number; hasBytes: boolean };

export type RecordKind = 'version' | 'event';

/**
 * One link of an article's hash chain. Versions and events have a chain each; `seq` is the version
 * number, or the position of the event in the article's chain of events.
 */
export interface ChainRecord {
  id: number;
  articleId: number;
  kind: RecordKind;
  versionId: number | null;
  eventId: number | null;
  seq: number;
  /** The article URL the record was made for. */
  url: string;
  textDigest: string | null;
  captureDigest: string | null;
  prevHash: string;
  recordHash: string;
  /** The signed root that covers this record (its leaves are its records in id order); null until the next sealing. */
  rootId: number | null;
}

/** A signed Merkle root over the records sealed at one time. */
export interface SignedRoot {
  id: number;
  seq: number;
  sealedAt: Millis;
  treeSize: number;
  rootHash: string;
  prevRootHash: string;
  /** The exact text that was signed (canonical JSON). */
  statement: string;
  /** Ed25519 signature of `statement`, base64. */
  signature: string;
  /** Ed25519 public key, SPKI DER in base64. */
  publicKey: string;
}

export type NewRoot = Omit<SignedRoot, 'id'>;

export type ArchiveJobState = 'pending' | 'submitted' | 'done' | 'failed';

/** One Save Page Now submission for a stored version. */
export interface ArchiveJob {
  id: number;
  versionId: number;
  url: string;
  state: ArchiveJobState;
  attempts: number;
  nextAttemptAt: Millis;
  /** SPN's job id once submitted. */
  jobId: string | null;
  archivedUrl: string | null;
  lastError: string | null;
  createdAt: Millis;
}
