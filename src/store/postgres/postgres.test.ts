import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { storeContract } from '../contract.case.ts';
import type { SqlStore } from '../sql/sql-store.ts';
import { openPostgresStore } from './open.ts';

// CI (.ci/run) sets REDLINE_TEST_PG to a real server; without it these tests skip.
const url = process.env.REDLINE_TEST_PG;

if (!url) {
  describe.skip('postgres (REDLINE_TEST_PG not set)', () => it('contract', () => {}));
} else {
  // Every store gets its own schema, so test files running in parallel never see each other's rows.
  const prefix = `redline_t${randomBytes(4).toString('hex')}`;
  const schemas: string[] = [];
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const schemaOf = new WeakMap<object, string>();

  afterAll(async () => {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  storeContract({
    name: 'postgres',
    open: async () => {
      const schema = `${prefix}_${schemas.length}`;
      schemas.push(schema);
      const store = openPostgresStore(url, { schema });
      schemaOf.set(store, schema);
      await store.migrate();
      return store;
    },
    setSchemaVersion: async (store, version) => {
      await (store as SqlStore).db.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [version, 'future', 0]);
    },
    openAnother: async (store) => openPostgresStore(url, { schema: schemaOf.get(store)! }),
  });
}
