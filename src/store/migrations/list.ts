import { initial } from './001-initial.ts';
import { claimFunction } from './002-claim-function.ts';
import { versionChange } from './003-version-change.ts';
import { boundedWork } from './004-bounded-work.ts';
import { moderation } from './005-moderation.ts';
import { evidence } from './006-evidence.ts';
import { discovery } from './007-discovery.ts';
import { searchStemming } from './008-search-stemming.ts';
import { subscriptions } from './009-subscriptions.ts';
import { lastSeen } from './010-last-seen.ts';
import { changeFilters } from './011-change-filters.ts';
import { readerGeneration } from './012-reader-generation.ts';
import { bodyDigest } from './013-body-digest.ts';
import { searchMerge } from './014-search-merge.ts';
import { claimWindow } from './015-claim-window.ts';

/** One schema change, with the statements for each database (the same text where SQL is portable). */
export interface Migration {
  version: number;
  name: string;
  sqlite: string[];
  postgres: string[];
}

/** Every migration, in order. Append only: never edit one that has shipped. */
export const MIGRATIONS: Migration[] = [
  initial,
  claimFunction,
  versionChange,
  boundedWork,
  moderation,
  evidence,
  discovery,
  searchStemming,
  subscriptions,
  lastSeen,
  changeFilters,
  readerGeneration,
  bodyDigest,
  searchMerge,
  claimWindow,
];

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1].version;
