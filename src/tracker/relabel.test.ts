import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../store/migrations/list.ts';
import { migrate } from '../store/migrations/migrate.ts';
import { openSqliteDb } from '../store/sqlite/db.ts';
import { openStore } from '../store/index.ts';
import { relabelVersions } from './relabel.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const P = ['The council approved a budget of 12 million pounds on Monday.', 'Opposition members walked out in protest.'];

/** A database as Redline left it before migration 3: versions without change columns. */
async function oldDatabase(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-relabel-'));
  dirs.push(dir);
  const db = openSqliteDb(join(dir, 'redline.db'));
  await migrate(
    db,
    undefined,
    MIGRATIONS.filter((m) => m.version < 3),
  );
  await db.run(
    `INSERT INTO sources (id, key, name, feed_url, poll_period_sec, created_at, next_poll_at) VALUES (1, 's', 'S', 'http://127.0.0.1/f', 60, 0, 0)`,
  );
  await db.run(
    `INSERT INTO articles (id, source_id, url, host, first_seen_at, check_period_sec, version_count) VALUES (1, 1, 'http://127.0.0.1/a', '127.0.0.1', 0, 60, 3)`,
  );
  const versions: [number, string, string[]][] = [
    [1, 'Budget approved', P],
    [2, 'Budget approved', [P[0].replace('12', '15'), P[1]]],
    [3, 'Budget approved after protest', [P[0].replace('12', '15')]],
  ];
  for (const [n, title, paragraphs] of versions) {
    await db.run(
      `INSERT INTO versions (article_id, number, captured_at, title, paragraphs_json, fingerprint, extractor_version) VALUES (1, ?, ?, ?, ?, ?, 'x')`,
      [n, n * 1000, title, JSON.stringify(paragraphs), `fp${n}`],
    );
  }
  await db.close();
  return dir;
}

describe('relabelVersions', () => {
  it('fills the change of versions stored before migration 3, once', async () => {
    const dataDir = await oldDatabase();
    const store = await openStore({ dataDir });
    try {
      expect((await store.listVersions(1)).map((v) => v.change)).toEqual([null, null, null]);
      expect(await relabelVersions(store)).toEqual({ relabelled: 2, skipped: 0 });
      const [v1, v2, v3] = await store.listVersions(1);
      expect(v1.change).toBeNull();
      expect(v2.change).toMatchObject({ labels: ['lede-changed', 'number-changed'], level: 'major', titleChanged: false });
      expect(v2.change?.preview).toEqual({ where: 'paragraph', paragraph: 0, before: P[0], after: P[0].replace('12', '15') });
      expect(v3.change).toMatchObject({ labels: ['headline-changed', 'paragraphs-removed'], level: 'major', titleChanged: true });
      expect(await relabelVersions(store)).toEqual({ relabelled: 0, skipped: 0 });
    } finally {
      await store.close();
    }
  });

  it('skips a version whose previous version is missing, without looping', async () => {
    const dataDir = await oldDatabase();
    const db = openSqliteDb(join(dataDir, 'redline.db'));
    await db.run('DELETE FROM versions WHERE number = 1');
    await db.close();
    const store = await openStore({ dataDir });
    try {
      expect(await relabelVersions(store)).toEqual({ relabelled: 1, skipped: 1 });
      expect((await store.getVersion(1, 3))?.change?.labels).toContain('headline-changed');
    } finally {
      await store.close();
    }
  });
});
