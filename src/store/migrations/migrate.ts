import type { Db } from '../sql/db.ts';
import { SchemaTooNewError } from '../errors.ts';
import { MIGRATIONS, type Migration } from './list.ts';

const CREATE_VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

/** The database's schema version; 0 for a database Redline never migrated. Reads only. */
export async function readSchemaVersion(db: Db): Promise<number> {
  try {
    return await maxVersion(db);
  } catch (err) {
    if (isMissingTable(err)) return 0;
    throw err;
  }
}

async function maxVersion(db: Db): Promise<number> {
  const row = await db.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
  return Number(row?.v ?? 0);
}

function isMissingTable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  return e?.code === '42P01' || /no such table/.test(String(e?.message));
}

/**
 * Applies pending migrations (every one without a schema_version row, in order), each in its own transaction with its schema_version row, so a crash
 * leaves the database at a known version. `lock` serialises concurrent migrators (PostgreSQL).
 */
export async function migrate(
  db: Db,
  lock: (tx: Db) => Promise<void> = async () => {},
  migrations: Migration[] = MIGRATIONS,
): Promise<void> {
  const known = migrations.length ? migrations[migrations.length - 1].version : 0;
  for (;;) {
    const applied = await db.tx(async (tx) => {
      await lock(tx);
      await tx.run(CREATE_VERSION_TABLE);
      const current = await maxVersion(tx);
      if (current > known) throw new SchemaTooNewError(current, known);
      // Every step not applied yet, lowest first: numbers are handed out to work done in parallel, so a
      // database may have 7 (merged first) and still lack 6.
      const done = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_version')).map((r) => Number(r.version)));
      const next = migrations.find((m) => !done.has(m.version));
      if (!next) return false;
      for (const sql of tx.dialect === 'sqlite' ? next.sqlite : next.postgres) await tx.run(sql);
      await tx.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [next.version, next.name, Date.now()]);
      return true;
    });
    if (!applied) return;
  }
}
