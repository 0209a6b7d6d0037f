import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA, openSqliteFile, openStore, redact } from './index.ts';
import type { SqlStore } from './sql/sql-store.ts';
import type { SqliteDb } from './sqlite/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'redline-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openStore', () => {
  it('creates the data directory and a migrated SQLite file in WAL mode', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = await openStore({ dataDir, databaseUrl: null });
    try {
      expect(store.kind).toBe('sqlite');
      expect(existsSync(join(dataDir, 'redline.db'))).toBe(true);
      expect(await store.schemaVersion()).toBe(LATEST_SCHEMA);
      const raw = ((store as SqlStore).db as SqliteDb).raw;
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      // SQLite's own (blocking) wait stays short: longer waits for a lock happen asynchronously (busy.test.ts).
      expect(raw.pragma('busy_timeout', { simple: true })).toBeLessThanOrEqual(50);
      expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      await store.close();
    }
    // Reopening an existing file migrates nothing and keeps the data.
    const again = await openSqliteFile(join(dataDir, 'redline.db'));
    expect(await again.schemaVersion()).toBe(LATEST_SCHEMA);
    await again.close();
  });

  it('leaves the schema alone when asked not to migrate', async () => {
    const store = await openStore({ dataDir: join(dir, 'unmigrated'), migrate: false });
    expect(await store.schemaVersion()).toBe(0);
    await store.migrate();
    expect(await store.schemaVersion()).toBe(LATEST_SCHEMA);
    await store.close();
  });

  it('refuses unknown database URLs and missing SQLite files with named errors', async () => {
    const err = await openStore({ dataDir: dir, databaseUrl: 'mysql://u:secret@h/db' }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'usage' });
    expect(err.message).not.toContain('secret');
    await expect(openSqliteFile(join(dir, 'missing.db'), { mustExist: true })).rejects.toMatchObject({ kind: 'store' });
  });

  it('reports an unreachable PostgreSQL server as a store error without the password', async () => {
    const err = await openStore({ dataDir: dir, databaseUrl: 'postgres://u:hunter2@127.0.0.1:1/db' }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'store' });
    expect(err.message).toContain('postgres://u:***@127.0.0.1:1/db');
    expect(err.message).not.toContain('hunter2');
  });

  it('refuses a PostgreSQL schema name that is not a plain identifier', async () => {
    const err = await openStore({ dataDir: dir, databaseUrl: 'postgres://u@127.0.0.1:1/db', schema: 'x; DROP TABLE y' }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'usage' });
  });

  it('redacts passwords in URLs', () => {
    expect(redact('postgres://redline:pw@db:5432/x')).toBe('postgres://redline:***@db:5432/x');
    expect(redact('postgres://db/x')).toBe('postgres://db/x');
  });
});
