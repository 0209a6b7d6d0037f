import type {
  ArchiveJob,
  ArchiveJobState,
  Capture,
  CaptureInfo,
  ChainRecord,
  Millis,
  NewRoot,
  SignedRoot,
  Version,
} from '../model/index.ts';
import type { Lease } from './store.ts';

export interface RootQuery {
  /** Oldest first from `afterSeq`, or newest first (`newestFirst`) from before `beforeSeq`. */
  newestFirst?: boolean;
  afterSeq?: number;
  beforeSeq?: number;
  limit: number;
}

export interface ArchiveRate {
  /** At most this many requests to the archive … */
  max: number;
  /** … in any window of this length. */
  windowMs: Millis;
}

/** What an archive attempt changed. Always releases the lease. */
export interface ArchiveJobPatch {
  state: ArchiveJobState;
  nextAttemptAt?: Millis;
  jobId?: string | null;
  archivedUrl?: string | null;
  lastError?: string | null;
}

export interface PruneResult {
  /** Distinct bodies whose bytes were deleted. */
  captures: number;
  /** Compressed bytes freed. */
  storedBytes: number;
}

export interface CaptureStats {
  versions: number;
  /** Versions with a capture envelope (digest kept), and those whose bytes are still kept. */
  withCapture: number;
  withBytes: number;
  /** Distinct bodies kept, their size as received and as stored (compressed). */
  distinctBodies: number;
  rawBytes: number;
  storedBytes: number;
  /** Sum of the capture sizes over all versions, as if every version kept its own copy. */
  undedupedRawBytes: number;
}

export interface TextStats {
  versions: number;
  /** Distinct paragraph texts kept (once per article) and their UTF-8 bytes. */
  paragraphRows: number;
  paragraphBytes: number;
  /** Bytes of the versions' paragraph id lists, and of whole-text JSON kept by versions stored before migration 6. */
  idListBytes: number;
  legacyTextBytes: number;
}

/**
 * The evidence side of the store: exact captures, the hash chain, signed roots, the Wayback queue.
 * Reached as `store.evidence`; both databases pass the contract cases in contract/evidence.case.ts.
 */
export interface EvidenceStore {
  getCapture(articleId: number, number: number): Promise<Capture | null>;
  getCaptureInfo(versionId: number): Promise<CaptureInfo | null>;
  getCaptureBytes(digest: string): Promise<Uint8Array | null>;
  getVersionById(versionId: number): Promise<Version | null>;

  /** An article's chain records: versions by number, then events by position. */
  listRecords(articleId: number): Promise<ChainRecord[]>;
  getVersionRecord(versionId: number): Promise<ChainRecord | null>;
  /** Every article id that has versions or records, ascending. */
  listChainedArticleIds(): Promise<number[]>;

  /** Records no root covers yet, oldest first. */
  listUnsealedRecords(limit: number): Promise<ChainRecord[]>;
  /**
   * Stores a signed root and marks `recordIds` as its leaves (in id order), in one transaction.
   * Throws RootConflictError when another sealer got there first (seq taken or a record already sealed).
   */
  addRoot(root: NewRoot, recordIds: number[]): Promise<SignedRoot>;
  listRoots(query: RootQuery): Promise<SignedRoot[]>;
  getRoot(seq: number): Promise<SignedRoot | null>;
  getRootById(id: number): Promise<SignedRoot | null>;
  /** The record hashes a root covers, in leaf order. */
  listRootLeaves(rootId: number): Promise<{ recordId: number; recordHash: string }[]>;

  /**
   * Archive jobs that are due (pending, or submitted and waiting for a status check), leased to the
   * caller, no more than the rate allows counting every attempt of every worker, none while paused.
   */
  claimArchiveJobs(now: Millis, limit: number, lease: Lease, rate: ArchiveRate): Promise<ArchiveJob[]>;
  updateArchiveJob(id: number, patch: ArchiveJobPatch): Promise<void>;
  getArchiveJob(versionId: number): Promise<ArchiveJob | null>;
  /** No archive job is claimed before `until` (the archive said 429 Retry-After). */
  pauseArchiving(until: Millis): Promise<void>;

  /** Pins (or unpins) a version's capture: retention never deletes a pinned capture's bytes. */
  setPinned(versionId: number, pinned: boolean): Promise<boolean>;
  /**
   * Deletes the bytes of captures no longer kept: those of versions captured before `cutoff` that are
   * neither the first nor the latest version of their article nor pinned (bytes shared with a kept
   * version stay). Envelopes, digests, texts and records are never deleted.
   */
  pruneCaptures(cutoff: Millis): Promise<PruneResult>;
  captureStats(): Promise<CaptureStats>;
  textStats(): Promise<TextStats>;
}
