/** A bound SQL parameter. Booleans are not used: flags are stored as 0/1 integers in both databases. */
export type Param = string | number | null | Uint8Array;

export type Row = Record<string, unknown>;

/**
 * The small surface both databases offer to the shared SQL code. SQL is written once with `?`
 * placeholders (the PostgreSQL adapter numbers them), so most queries are portable.
 */
export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Row>(sql: string, params?: Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: Param[]): Promise<T | undefined>;
  run(sql: string, params?: Param[]): Promise<number>;
  /** Runs `fn` in one write transaction; on SQLite no other statement of this process interleaves. */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  isUniqueViolation(err: unknown): boolean;
  close(): Promise<void>;
}

/** `?, ?, ?` for an IN list. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
