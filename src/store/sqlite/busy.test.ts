import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/index.ts';
import { createApp } from '../../web/index.ts';
import { StoreBusyError } from '../errors.ts';
import { openStore } from '../index.ts';
import type { Store } from '../store.ts';
import { SqliteDb } from './db.ts';

/** Must show (hygiene): a lock held by another process never blocks the event loop, nor a web request beyond a short budget. */
let dir: string;
let store: Store;
let other: Database.Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-busy-'));
  store = await openStore({ dataDir: dir, databaseUrl: null });
  await store.upsertSource(
    { key: 'bbc', name: 'BBC', feedUrl: 'https://feeds.example/bbc.xml', pollPeriodSec: 300, include: [], exclude: [] },
    0,
  );
  // Another process's connection to the same file (here: a second connection in this one).
  other = new Database(join(dir, 'redline.db'));
});
afterEach(async () => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Largest gap between ticks of a 10 ms timer while `work` runs. */
async function loopLag<T>(work: Promise<T>): Promise<{ value: T; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const timer = setInterval(() => {
    lagMs = Math.max(lagMs, performance.now() - last);
    last = performance.now();
  }, 10);
  try {
    return { value: await work, lagMs };
  } finally {
    clearInterval(timer);
  }
}

describe('a database locked by another process', () => {
  it('a write waits for the lock without blocking the event loop, while pages keep answering', async () => {
    other.exec('BEGIN IMMEDIATE');
    other.exec("UPDATE sources SET name = 'held' WHERE key = 'bbc'");
    setTimeout(() => other.exec('ROLLBACK'), 1_500);
    const app = createApp({ store, config: defaultConfig() });
    const write = store.upsertSource(
      { key: 'npr', name: 'NPR', feedUrl: 'https://feeds.example/npr.xml', pollPeriodSec: 300, include: [], exclude: [] },
      0,
    );
    const started = performance.now();
    const page = await app.request('/sources');
    const pageMs = performance.now() - started;
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('BBC');
    expect(pageMs).toBeLessThan(750); // the page did not wait for the 1.5 s lock (generous: a loaded 2-core machine)
    const { value, lagMs } = await loopLag(write);
    expect(value.key).toBe('npr');
    expect(performance.now() - started).toBeGreaterThan(1_000); // the write did wait
    expect(lagMs).toBeLessThan(750); // SQLite's own wait used to block the event loop for the whole 1.5 s
  });

  it('a write that waits longer than its budget fails with kind busy, naming the database', async () => {
    const budgeted = new SqliteDb(new Database(join(dir, 'redline.db')), join(dir, 'redline.db'), { readMs: 100, writeMs: 300 });
    budgeted.raw.pragma('busy_timeout = 20');
    other.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    const err = await budgeted.run("UPDATE sources SET name = 'x'").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreBusyError);
    expect((err as StoreBusyError).kind).toBe('busy');
    expect((err as Error).message).toMatch(new RegExp(`database .*redline\\.db is locked by another process \\(waited \\d+ ms\\)`));
    expect(performance.now() - started).toBeLessThan(2_000);
    budgeted.raw.close();
  });

  it('a read that stays locked past the read budget fails fast, and the web answers 503', async () => {
    const locked = () => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    };
    const raw = { prepare: () => ({ reader: true, readonly: true, all: locked, run: locked }) } as unknown as Database.Database;
    const db = new SqliteDb(raw, '/data/redline.db', { readMs: 200, writeMs: 10_000 });
    const started = performance.now();
    await expect(db.all('SELECT 1')).rejects.toBeInstanceOf(StoreBusyError);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(150);
    expect(waited).toBeLessThan(1_000);

    const busyStore = Object.assign(Object.create(store) as Store, {
      listSources: () => Promise.reject(new StoreBusyError('/data/redline.db', 1000)),
    });
    const app = createApp({ store: busyStore, config: defaultConfig() });
    const page = await app.request('/sources');
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('5');
    expect(await page.text()).toContain('The database is busy; please try again in a moment.');
    const api = await app.request('/api/v1/sources');
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: { kind: 'busy' } });
  });
});
