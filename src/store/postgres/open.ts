import { UsageError } from '../../model/index.ts';
import type { Db } from '../sql/db.ts';
import { SqlStore, type Dialect } from '../sql/sql-store.ts';
import { claimDueArticles, claimDueSources } from './claims.ts';
import { openPostgresDb, type PostgresOptions } from './db.ts';
import { indexVersion, postgresSearch } from './search.ts';

const MIGRATION_LOCK = 0x7265_646e;

function postgresDialect(schema: string | undefined): Dialect {
  return {
    kind: 'postgres',
    claimDueArticles,
    claimDueSources,
    // The row lock makes a second writer of the same article wait, then see the new count.
    lockArticle: (tx: Db, articleId: number) =>
      tx.get<{ version_count: number }>('SELECT version_count FROM articles WHERE id = ? FOR UPDATE', [articleId]),
    indexVersion,
    ...postgresSearch,
    clock: async (db) =>
      Number((await db.get<{ now: number }>(`SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint AS now`))!.now),
    migrationLock: async (tx) => {
      await tx.get('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      if (schema) await tx.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    },
  };
}

/**
 * Opens a PostgreSQL store (pooled connections) without migrating it. With `schema`, every table
 * lives in that schema (created by migrate()), e.g. to isolate tests sharing one database.
 */
export function openPostgresStore(url: string, options: PostgresOptions = {}): SqlStore {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new UsageError(`invalid PostgreSQL schema name ${JSON.stringify(options.schema)} (lowercase letters, digits, _)`);
  }
  return new SqlStore(openPostgresDb(url, options), postgresDialect(options.schema));
}
