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

const often = new Set<string>();

/**
 * Marks a statement the tracker runs on nearly every check: PostgreSQL keeps it prepared on each
 * connection, parsed and planned once (SQLite keeps every statement prepared anyway). Only for
 * statements with no result rows and a primary-key plan, so a cached plan can neither go stale in
 * shape nor be a poor generic one. Returns `sql`.
 */
export function runOften(sql: string): string {
  often.add(sql);
  return sql;
}

export function isRunOften(sql: string): boolean {
  return often.has(sql);
}

/** `?, ?, ?` for an IN list. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
