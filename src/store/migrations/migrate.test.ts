import { describe, expect, it } from 'vitest';
import { SchemaTooNewError } from '../errors.ts';
import { openSqliteDb } from '../sqlite/db.ts';
import { MIGRATIONS, type Migration } from './list.ts';
import { migrate, readSchemaVersion } from './migrate.ts';

const both = (sql: string) => ({ sqlite: [sql], postgres: [sql] });
const steps: Migration[] = [
  { version: 1, name: 'one', ...both('CREATE TABLE t (a INTEGER)') },
  { version: 2, name: 'two', ...both('ALTER TABLE t ADD COLUMN b TEXT') },
  { version: 3, name: 'broken', sqlite: ['CREATE TABLE u (x INTEGER)', 'THIS IS NOT SQL'], postgres: [] },
];

describe('migrate', () => {
  it('applies pending steps in order, each atomically, and stops at a failing one', async () => {
    const db = openSqliteDb(':memory:');
    expect(await readSchemaVersion(db)).toBe(0);
    await migrate(db, undefined, steps.slice(0, 1));
    expect(await readSchemaVersion(db)).toBe(1);
    await expect(migrate(db, undefined, steps)).rejects.toThrow();
    // Step 2 committed; step 3 left nothing behind, not even its first statement.
    expect(await readSchemaVersion(db)).toBe(2);
    await db.run("INSERT INTO t (a, b) VALUES (1, 'x')");
    await expect(db.run('INSERT INTO u (x) VALUES (1)')).rejects.toThrow(/no such table/);
    await expect(migrate(db, undefined, steps.slice(0, 1))).rejects.toBeInstanceOf(SchemaTooNewError);
    await db.close();
  });

  it('has increasing versions (gaps allowed), each with SQL for at least one database', () => {
    // A step may be empty for one database (002 adds a PostgreSQL function only); its
    // schema_version row is still written there, so both databases number versions alike.
    // Numbers may have gaps (each issue has its own); they are applied in order.
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBeGreaterThan(i === 0 ? 0 : MIGRATIONS[i - 1].version);
      expect(m.sqlite.length + m.postgres.length).toBeGreaterThan(0);
    });
    expect(MIGRATIONS[0].sqlite.length).toBeGreaterThan(0);
    expect(MIGRATIONS[0].postgres.length).toBeGreaterThan(0);
  });

  it('applies a lower step merged after a higher one', async () => {
    const db = openSqliteDb(':memory:');
    const late = { version: 5, name: 'merged later', ...both('CREATE TABLE late (x INTEGER)') };
    const high = { version: 7, name: 'merged first', ...both('CREATE TABLE high (x INTEGER)') };
    await migrate(db, undefined, [steps[0], high]);
    await migrate(db, undefined, [steps[0], late, high]);
    expect(await readSchemaVersion(db)).toBe(7);
    await db.run('INSERT INTO late (x) VALUES (1)');
    expect((await db.all<{ version: number }>('SELECT version FROM schema_version ORDER BY version')).map((r) => r.version)).toEqual([
      1, 5, 7,
    ]);
    await db.close();
  });

  it('records an empty step as applied', async () => {
    const db = openSqliteDb(':memory:');
    await migrate(db, undefined, [steps[0], { version: 2, name: 'postgres only', sqlite: [], postgres: ['SELECT 1'] }]);
    expect(await readSchemaVersion(db)).toBe(2);
    await db.close();
  });
});
