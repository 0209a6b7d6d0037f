import pg from 'pg';
import { createHash } from 'node:crypto';
import { isRunOften, type Db, type Param, type Row } from '../sql/db.ts';

const INT8 = 20;
const NUMERIC = 1700;

// Ids, timestamps, COUNT(*) and SUM() come back from PostgreSQL as bigint/numeric strings; Redline's
// values stay far below 2^53, so they are read as JS numbers.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

const numbered = new Map<string, string>();

/** `?` placeholders -> `$1, $2, …` (the shared SQL never has `?` inside string literals). */
export function numberPlaceholders(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, out);
  }
  return out;
}

type Queryable = pg.Pool | pg.PoolClient;

const names = new Map<string, string>();

/** A prepared statement's name on every connection: from its text, so one name never means two statements. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `redline_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

async function query<T>(on: Queryable, sql: string, params: Param[]): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
  const text = numberPlaceholders(sql);
  // runOften (sql/db.ts): parsed and planned once per connection instead of on every call.
  if (isRunOften(sql)) return on.query<T & pg.QueryResultRow>({ name: statementName(text), text, values: params as unknown[] });
  return on.query<T & pg.QueryResultRow>(text, params as unknown[]);
}

export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;

  constructor(
    readonly pool: pg.Pool,
    private readonly client: pg.PoolClient | null = null,
  ) {}

  async all<T = Row>(sql: string, params: Param[] = []): Promise<T[]> {
    return (await query<T>(this.client ?? this.pool, sql, params)).rows;
  }

  async get<T = Row>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return (await query<T>(this.client ?? this.pool, sql, params)).rows[0];
  }

  async run(sql: string, params: Param[] = []): Promise<number> {
    return (await query(this.client ?? this.pool, sql, params)).rowCount ?? 0;
  }

  async tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    if (this.client) return fn(this);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresDb(this.pool, client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  isUniqueViolation(err: unknown): boolean {
    return (err as { code?: unknown })?.code === '23505';
  }

  async close(): Promise<void> {
    if (this.client || this.pool.ended) return;
    await this.pool.end();
  }
}

export interface PostgresOptions {
  /** Schema to use (created if missing) instead of the URL's default search_path; tests use a fresh one each. */
  schema?: string;
  maxConnections?: number;
}

export function openPostgresDb(url: string, options: PostgresOptions = {}): PostgresDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 8,
    // An unreachable server fails the command in seconds instead of hanging on TCP retries.
    connectionTimeoutMillis: 10_000,
    application_name: 'redline',
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return new PostgresDb(pool);
}
