import type { Db } from '../sql/db.ts';
import { SqlStore, type Dialect } from '../sql/sql-store.ts';
import { claimDueArticles, claimDueSources } from './claims.ts';
import { openSqliteDb } from './db.ts';
import { indexVersion, sqliteSearch } from './search.ts';

const sqliteDialect: Dialect = {
  kind: 'sqlite',
  claimDueArticles,
  claimDueSources,
  // The IMMEDIATE transaction already holds SQLite's single write lock.
  lockArticle: (tx: Db, articleId: number) =>
    tx.get<{ version_count: number }>('SELECT version_count FROM articles WHERE id = ?', [articleId]),
  indexVersion,
  ...sqliteSearch,
  migrationLock: async () => {},
  // One machine: the database's clock is this one's.
  clock: async () => Date.now(),
};

/** Opens the SQLite store at `path` (a file, or `:memory:`) without migrating it. */
export function openSqliteStore(path: string, options: { mustExist?: boolean } = {}): SqlStore {
  return new SqlStore(openSqliteDb(path, options), sqliteDialect);
}
