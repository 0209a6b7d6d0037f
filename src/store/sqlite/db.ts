import Database from 'better-sqlite3';
import type { Db, Param, Row } from '../sql/db.ts';

type Sqlite = Database.Database;

/**
 * better-sqlite3 behind the async Db surface. One connection per process, so a transaction must
 * not interleave with other async callers: while one is open, every other call waits its turn.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private busy: Promise<void> | null = null;

  constructor(readonly raw: Sqlite) {}

  async all<T = Row>(sql: string, params: Param[] = []): Promise<T[]> {
    while (this.busy) await this.busy;
    return this.allNow<T>(sql, params);
  }

  async get<T = Row>(sql: string, params: Param[] = []): Promise<T | undefined> {
    while (this.busy) await this.busy;
    return this.allNow<T>(sql, params)[0];
  }

  async run(sql: string, params: Param[] = []): Promise<number> {
    while (this.busy) await this.busy;
    return this.runNow(sql, params);
  }

  async tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    while (this.busy) await this.busy;
    let release!: () => void;
    this.busy = new Promise((resolve) => (release = resolve));
    try {
      // IMMEDIATE takes the write lock now, so a concurrent process waits (busy_timeout) instead of failing at commit.
      this.raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.inner());
        this.raw.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw err;
      }
    } finally {
      this.busy = null;
      release();
    }
  }

  isUniqueViolation(err: unknown): boolean {
    const code = (err as { code?: unknown })?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  }

  async close(): Promise<void> {
    while (this.busy) await this.busy;
    if (!this.raw.open) return;
    // Cheap, and keeps the query planner's statistics current for long-lived databases.
    this.raw.pragma('optimize');
    this.raw.close();
  }

  /** The Db handed to a transaction body: runs directly, it already holds the turn. */
  private inner(): Db {
    return {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: Param[] = []) => this.allNow<T>(sql, params),
      get: async <T>(sql: string, params: Param[] = []) => this.allNow<T>(sql, params)[0],
      run: async (sql, params = []) => this.runNow(sql, params),
      tx: (fn) => fn(this.inner()),
      isUniqueViolation: (err) => this.isUniqueViolation(err),
      close: async () => {},
    };
  }

  private allNow<T>(sql: string, params: Param[]): T[] {
    const stmt = this.prepare(sql);
    if (!stmt.reader) {
      stmt.run(...params);
      return [];
    }
    return stmt.all(...params) as T[];
  }

  private runNow(sql: string, params: Param[]): number {
    return this.prepare(sql).run(...params).changes;
  }

  private prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.raw.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}

/** Opens (creating if needed) a SQLite file with the settings every Redline process uses. */
export function openSqliteDb(path: string, options: { mustExist?: boolean } = {}): SqliteDb {
  const raw = new Database(path, { fileMustExist: options.mustExist ?? false });
  raw.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9); only power loss can drop the last ones.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('foreign_keys = ON');
  return new SqliteDb(raw);
}
