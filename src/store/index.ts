import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isPostgresUrl } from '../config/index.ts';
import { RedlineError, UsageError } from '../model/index.ts';
import { StoreError } from './errors.ts';
import { openSqliteStore } from './sqlite/open.ts';
import type { Store } from './store.ts';

export type * from './store.ts';
export type * from './evidence.ts';
export { VersionConflictError, SchemaTooNewError, StoreError, RootConflictError, DiskFullError, StoreBusyError } from './errors.ts';
export { LATEST_SCHEMA } from './migrations/index.ts';
export { openSqliteStore } from './sqlite/open.ts';
export { laneOf } from './sql/outbox.ts';

export interface OpenStoreOptions {
  dataDir: string;
  /** postgres://… (or postgresql://…) selects PostgreSQL; null/undefined means SQLite at `${dataDir}/redline.db`. */
  databaseUrl?: string | null;
  /** Run pending migrations (default true); start and `redline db migrate` both want this. */
  migrate?: boolean;
  /** PostgreSQL only: keep every table in this schema (created on migrate), e.g. to isolate a test. */
  schema?: string;
}

export { isPostgresUrl };

/** Opens the configured database and brings its schema up to date. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const where =
    options.databaseUrl && isPostgresUrl(options.databaseUrl) ? redact(options.databaseUrl) : join(options.dataDir, 'redline.db');
  if (options.databaseUrl && !isPostgresUrl(options.databaseUrl)) {
    throw new UsageError(`unsupported database URL ${redact(options.databaseUrl)} (expected postgres://…)`);
  }
  let store: Store | null = null;
  try {
    store = await openUnmigrated(options);
    if (options.migrate !== false) await store.migrate();
    return store;
  } catch (err) {
    await store?.close().catch(() => {});
    if (err instanceof RedlineError) throw err;
    throw new StoreError(`cannot open database ${where}: ${(err as Error).message}`, { cause: err });
  }
}

async function openUnmigrated({ dataDir, databaseUrl, schema }: OpenStoreOptions): Promise<Store> {
  if (databaseUrl && isPostgresUrl(databaseUrl)) {
    // Loaded on demand: a SQLite installation never pays for pg.
    const { openPostgresStore } = await import('./postgres/open.ts');
    return openPostgresStore(databaseUrl, { schema });
  }
  mkdirSync(dataDir, { recursive: true });
  return openSqliteStore(join(dataDir, 'redline.db'));
}

/**
 * Opens a SQLite file by path, e.g. for `redline db copy --from sqlite:PATH`, and migrates it
 * (unless `migrate: false`). With `mustExist`, a missing file is an error rather than a new empty database.
 */
export async function openSqliteFile(path: string, options: { migrate?: boolean; mustExist?: boolean } = {}): Promise<Store> {
  let store: Store | null = null;
  try {
    store = openSqliteStore(path, { mustExist: options.mustExist ?? false });
    if (options.migrate !== false) await store.migrate();
    return store;
  } catch (err) {
    await store?.close().catch(() => {});
    if (err instanceof RedlineError) throw err;
    throw new StoreError(`cannot open SQLite database ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
