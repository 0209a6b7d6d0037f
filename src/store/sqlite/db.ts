import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DiskFullError, StoreBusyError } from '../errors.ts';
import type { Db, Param, Row } from '../sql/db.ts';

type Sqlite = Database.Database;

/** How long a caller may wait for a lock another process holds. */
export interface BusyBudgets {
  /** Reads: short, so a web request answers 503 quickly rather than hang (WAL readers are rarely blocked at all). */
  readMs: number;
  /** Writes and transactions: the tracker can afford to wait. */
  writeMs: number;
}

export const DEFAULT_BUSY_BUDGETS: BusyBudgets = { readMs: 1_000, writeMs: 30_000 };

/**
 * SQLite's own wait for a lock (busy_timeout) blocks the whole process, website included, so it is
 * kept this short; longer waits happen here, asynchronously, between attempts.
 */
const SYNC_BUSY_MS = 20;
const RETRY_PAUSE_MS = 25;

const isBusy = (err: unknown) => /^SQLITE_BUSY/.test(String((err as { code?: unknown })?.code));
const isFull = (err: unknown) => (err as { code?: unknown })?.code === 'SQLITE_FULL';
const pause = () => new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));

/**
 * better-sqlite3 behind the async Db surface. One connection per process, so a transaction must
 * not interleave with other async callers: while one is open, every other call waits its turn.
 * Waiting for another process's lock never blocks the event loop for more than SYNC_BUSY_MS.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private busy: Promise<void> | null = null;
  /** Serialises this process's transactions while they wait for the write lock (reads go on meanwhile). */
  private writer: Promise<void> = Promise.resolve();

  constructor(
    readonly raw: Sqlite,
    readonly path = ':memory:',
    private readonly budgets: BusyBudgets = DEFAULT_BUSY_BUDGETS,
  ) {}

  async all<T = Row>(sql: string, params: Param[] = []): Promise<T[]> {
    return this.withRetry(sql, () => this.allNow<T>(sql, params));
  }

  async get<T = Row>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return this.withRetry(sql, () => this.allNow<T>(sql, params)[0]);
  }

  async run(sql: string, params: Param[] = []): Promise<number> {
    return this.withRetry(sql, () => this.runNow(sql, params));
  }

  async tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const previous = this.writer;
    let done!: () => void;
    this.writer = new Promise((resolve) => (done = resolve));
    await previous;
    try {
      // IMMEDIATE takes the write lock now, so a concurrent process makes us wait here, not fail at commit.
      const release = await this.attempt(this.budgets.writeMs, () => {
        this.raw.exec('BEGIN IMMEDIATE');
        let release!: () => void;
        this.busy = new Promise((resolve) => (release = resolve));
        return release;
      });
      try {
        const result = await fn(this.inner());
        this.translate(() => this.raw.exec('COMMIT'));
        return result;
      } catch (err) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw err;
      } finally {
        this.busy = null;
        release();
      }
    } finally {
      done();
    }
  }

  isUniqueViolation(err: unknown): boolean {
    const code = (err as { code?: unknown })?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  }

  async close(): Promise<void> {
    await this.writer;
    while (this.busy) await this.busy;
    if (!this.raw.open) return;
    // Cheap, and keeps the query planner's statistics current for long-lived databases.
    try {
      this.raw.pragma('optimize');
    } catch {
      // Locked or full: statistics can wait for next time.
    }
    this.raw.close();
  }

  /** The Db handed to a transaction body: runs directly, it already holds the turn. */
  private inner(): Db {
    return {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: Param[] = []) => this.translate(() => this.allNow<T>(sql, params)),
      get: async <T>(sql: string, params: Param[] = []) => this.translate(() => this.allNow<T>(sql, params)[0]),
      run: async (sql, params = []) => this.translate(() => this.runNow(sql, params)),
      tx: (fn) => fn(this.inner()),
      isUniqueViolation: (err) => this.isUniqueViolation(err),
      close: async () => {},
    };
  }

  /** One statement outside a transaction: a read may wait budgets.readMs for a lock, a write budgets.writeMs. */
  private withRetry<T>(sql: string, run: () => T): Promise<T> {
    const budget = this.prepare(sql).readonly ? this.budgets.readMs : this.budgets.writeMs;
    return this.attempt(budget, run);
  }

  /** Runs `fn` when no transaction of ours is open, retrying while another process holds the lock. */
  private async attempt<T>(budgetMs: number, fn: () => T): Promise<T> {
    const started = Date.now();
    for (;;) {
      while (this.busy) await this.busy;
      try {
        return this.translate(fn, true);
      } catch (err) {
        if (!isBusy(err)) throw err;
        const waited = Date.now() - started;
        if (waited >= budgetMs) throw new StoreBusyError(this.path, waited, { cause: err });
        await pause();
      }
    }
  }

  /** SQLite's errors in Redline's terms: a full disk names the data directory. Busy passes through when asked, for retrying. */
  private translate<T>(fn: () => T, passBusy = false): T {
    try {
      return fn();
    } catch (err) {
      if (isFull(err)) throw new DiskFullError(dirname(this.path), { cause: err });
      if (isBusy(err) && !passBusy) throw new StoreBusyError(this.path, 0, { cause: err });
      throw err;
    }
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
export function openSqliteDb(path: string, options: { mustExist?: boolean; budgets?: BusyBudgets } = {}): SqliteDb {
  const raw = new Database(path, { fileMustExist: options.mustExist ?? false });
  // Opening may wait a while for another process (nothing else runs yet); afterwards waits are async.
  raw.pragma('busy_timeout = 10000');
  raw.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9); only power loss can drop the last ones.
  raw.pragma('synchronous = NORMAL');
  raw.pragma(`busy_timeout = ${SYNC_BUSY_MS}`);
  raw.pragma('foreign_keys = ON');
  return new SqliteDb(raw, path, options.budgets);
}
