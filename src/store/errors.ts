import { RedlineError } from '../model/index.ts';

/** Another check already stored this version number (two workers raced); the caller re-reads and moves on. */
export class VersionConflictError extends RedlineError {
  readonly stage = 'store';
  constructor(articleId: number, number: number) {
    super('version-conflict', `article ${articleId} already has version ${number}`);
  }
}

/** The database was migrated by a newer Redline; refusing to touch it. */
export class SchemaTooNewError extends RedlineError {
  readonly stage = 'store';
  constructor(found: number, known: number) {
    super('schema-too-new', `database schema version ${found} is newer than this Redline knows (${known}); upgrade Redline`);
  }
}

export class StoreError extends RedlineError {
  readonly stage = 'store';
  constructor(message: string, options?: { cause?: unknown }) {
    super('store', message, options);
  }
}

/** Another sealer stored a root for (some of) the same records first. */
export class RootConflictError extends RedlineError {
  readonly stage = 'store';
  constructor(message: string) {
    super('root-conflict', message);
  }
}

/** The disk (or the SQLite file's size limit) is full: nothing was written; the tracker retries later. */
export class DiskFullError extends RedlineError {
  readonly stage = 'store';
  constructor(
    readonly dataDir: string,
    options?: { cause?: unknown },
  ) {
    super('disk-full', `disk full: cannot write to the database in ${dataDir}; free some space there (Redline keeps retrying)`, options);
  }
}

/** The database stayed locked by another process for longer than the caller may wait (the web answers 503). */
export class StoreBusyError extends RedlineError {
  readonly stage = 'store';
  constructor(where: string, waitedMs: number, options?: { cause?: unknown }) {
    super('busy', `database ${where} is locked by another process (waited ${waitedMs} ms); try again shortly`, options);
  }
}
