import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runOften } from '../sql/db.ts';
import { openPostgresDb } from './db.ts';

const url = process.env.REDLINE_TEST_PG;

describe.skipIf(!url)('PostgresDb: statements marked runOften', () => {
  const schema = `redline_often${randomBytes(4).toString('hex')}`;
  const db = url ? openPostgresDb(url, { schema, maxConnections: 2 }) : null;
  afterAll(async () => {
    await db?.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db?.close();
  });

  it('are prepared once per connection and give the same answers; other statements are not kept', async () => {
    await db!.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await db!.run('CREATE TABLE t (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)');
    await db!.run('INSERT INTO t (id, n) VALUES (1, 0), (2, 0)');
    const often = runOften('UPDATE t SET n = n + ? WHERE id = ?');
    const prepared = await db!.tx(async (tx) => {
      expect(await tx.run(often, [5, 1])).toBe(1);
      expect(await tx.run(often, [7, 1])).toBe(1);
      expect(await tx.run(often, [1, 3])).toBe(0);
      expect(await tx.run('UPDATE t SET n = n + ? WHERE id = ?', [1, 2])).toBe(1);
      return tx.all<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements ORDER BY name');
    });
    expect(prepared).toEqual([
      { name: expect.stringMatching(/^redline_[0-9a-f]{24}$/), statement: 'UPDATE t SET n = n + $1 WHERE id = $2' },
    ]);
    expect(await db!.all('SELECT id, n FROM t ORDER BY id')).toEqual([
      { id: 1, n: 12 },
      { id: 2, n: 1 },
    ]);
  });
});
