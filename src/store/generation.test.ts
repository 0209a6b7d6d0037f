import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeArticle, makeSource } from './contract/fixtures.ts';
import { openStore } from './index.ts';
import { GENERATION_SKIPPED, LOUD_COLUMNS, QUIET_COLUMNS } from './migrations/012-reader-generation.ts';
import { openPostgresStore } from './postgres/open.ts';
import type { SqlStore } from './sql/sql-store.ts';

// The page cache is only as safe as the reader generation's coverage: a table written without a bump
// would let the website serve a page from before the write. So every table of the schema must bump it,
// or be listed as seen by no reader (migrations/012-reader-generation.ts).

const dir = mkdtempSync(join(tmpdir(), 'redline-generation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function uncovered(store: SqlStore): Promise<string[]> {
  const db = store.db;
  const rows =
    db.dialect === 'sqlite'
      ? await db.all<{ t: string; triggers: number }>(
          `SELECT m.name AS t, (SELECT COUNT(*) FROM sqlite_master g WHERE g.type = 'trigger' AND g.tbl_name = m.name
             AND g.name LIKE 'reader_generation_%') AS triggers
           FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.sql NOT LIKE 'CREATE VIRTUAL%'
             AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL%' AND substr(m.name, 1, length(v.name) + 1) = v.name || '_')`,
        )
      : await db.all<{ t: string; triggers: number }>(
          `SELECT c.relname AS t, (SELECT COUNT(*) FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname LIKE 'reader_generation_%') AS triggers
           FROM pg_class c WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace`,
        );
  const expected = db.dialect === 'sqlite' ? 3 : 1;
  return rows.filter((r) => !GENERATION_SKIPPED.includes(r.t) && Number(r.triggers) < expected).map((r) => r.t);
}

describe('reader generation coverage', () => {
  it('sqlite: every table bumps the reader generation or is listed as unseen by readers', async () => {
    const store = (await openStore({ dataDir: join(dir, 'cover') })) as SqlStore;
    try {
      expect(await uncovered(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('sqlite: every column of articles and sources is either quiet (schedule, leases) or bumps the generation', async () => {
    const store = (await openStore({ dataDir: join(dir, 'columns') })) as SqlStore;
    try {
      for (const table of Object.keys(QUIET_COLUMNS)) {
        const columns = (await store.db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)).map((c) => c.name);
        expect([...QUIET_COLUMNS[table], ...LOUD_COLUMNS[table]].sort()).toEqual([...columns].sort());
      }
    } finally {
      await store.close();
    }
  });

  it('sqlite: a check that only reschedules an article leaves the generation alone; a status change or a hide bumps it', async () => {
    const store = (await openStore({ dataDir: join(dir, 'quiet') })) as SqlStore;
    try {
      const source = await makeSource(store, 'quiet');
      const article = await makeArticle(store, source, 'q');
      const before = await store.readerGeneration();
      await store.updateArticle(article.id, { lastCheckedAt: 5, nextCheckAt: 10, lastError: 'timeout', etag: '"e"' });
      expect(await store.readerGeneration()).toBe(before);
      await store.updateArticle(article.id, { status: 'removed' });
      const afterTitle = await store.readerGeneration();
      expect(afterTitle).toBeGreaterThan(before);
      await store.setArticleHidden(article.id, { at: 1, reason: 'legal' });
      expect(await store.readerGeneration()).toBeGreaterThan(afterTitle);
    } finally {
      await store.close();
    }
  });

  it('sqlite: a write through a second connection to the file is seen by the first at once', async () => {
    const a = await openStore({ dataDir: join(dir, 'two') });
    const b = await openStore({ dataDir: join(dir, 'two') });
    try {
      const before = await a.readerGeneration();
      const source = await makeSource(b, 'other');
      await makeArticle(b, source, 'x');
      expect(await a.readerGeneration()).toBeGreaterThan(before);
    } finally {
      await b.close();
      await a.close();
    }
  });

  const url = process.env.REDLINE_TEST_PG;
  it.skipIf(!url)('postgres: every table bumps the reader generation or is listed as unseen by readers', async () => {
    const schema = `redline_gen${randomBytes(4).toString('hex')}`;
    const store = openPostgresStore(url!, { schema }) as SqlStore;
    try {
      await store.migrate();
      expect(await uncovered(store)).toEqual([]);
    } finally {
      await store.db.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await store.close();
    }
  });
});
