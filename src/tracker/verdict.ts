// What one check decided (a Verdict) before finish() writes it, and the events it records.

import type { ArticleStatus, Millis, VersionInput } from '../model/index.ts';
import type { ArticlePatch, CheckWrite } from '../store/store.ts';
import type { FailureInfo } from './failure.ts';

export type CheckStatus = 'new_version' | 'unchanged' | 'removed' | 'restored' | 'revert' | 'error';

/** An event a check records (the store adds the article id). */
export type CheckEvent = CheckWrite['events'][number];

/** What one check decided, before rescheduling: nothing is written until finish() applies it in one store call. */
export interface Verdict {
  status: CheckStatus;
  periodSec: number;
  articleStatus: ArticleStatus;
  patch: ArticlePatch;
  /** Events this check records (a takedown, a revert); finish() adds restored and retired. */
  events?: CheckEvent[];
  /** The new version, stored with the rest of the check. */
  version?: { number: number; input: VersionInput };
  versionNumber?: number;
  notModified?: boolean;
  sameBody?: boolean;
  wordsAdded?: number;
  wordsRemoved?: number;
  error?: FailureInfo;
}

export function event(
  at: Millis,
  kind: 'removed' | 'restored' | 'revert' | 'retired',
  versionNumber: number | null,
  detail: string | null,
): CheckEvent {
  return { at, kind, versionNumber, detail };
}

/** Applies a verdict: its version, its events and the article's new state in one store call (one transaction). */
