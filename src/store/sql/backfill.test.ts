import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENESIS, bytesDigest, textDigest, versionRecordHash } from '../chain.ts';
import { openSqliteFile } from '../index.ts';
import { MIGRATIONS, migrate } from '../migrations/index.ts';
import { openSqliteDb } from '../sqlite/db.ts';
import { compressRaw } from './raw.ts';

const dir = mkdtempSync(join(tmpdir(), 'redline-backfill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 6 on a database from before exact captures', () => {
  it('keeps old raw pages readable as (not exact) captures and chains old versions and events', async () => {
    const path = join(dir, 'old.db');
    const old = openSqliteDb(path);
    await migrate(
      old,
      undefined,
      MIGRATIONS.filter((m) => m.version < 6),
    );
    await old.run(
      `INSERT INTO sources (id, key, name, feed_url, poll_period_sec, created_at, next_poll_at) VALUES (1, 's', 'S', '', 60, 0, 0)`,
    );
    await old.run(
      `INSERT INTO articles (id, source_id, url, host, first_seen_at, check_period_sec, version_count) VALUES (1, 1, 'http://h/a', 'h', 0, 60, 2)`,
    );
    for (const n of [1, 2]) {
      await old.run(
        `INSERT INTO versions (id, article_id, number, captured_at, title, paragraphs_json, fingerprint, extractor_version, has_raw)
         VALUES (?, 1, ?, ?, 'T', ?, ?, 'x', ?)`,
        [n, n, 1000 * n, JSON.stringify([`p${n}`]), `fp${n}`, n === 1 ? 1 : 0],
      );
    }
    const legacy = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>Zürich</p>')]);
    const gz = compressRaw(legacy);
    await old.run('INSERT INTO raw_pages (version_id, encoding, size, body) VALUES (1, ?, ?, ?)', [
      gz.encoding,
      legacy.byteLength,
      gz.body,
    ]);
    await old.run(`INSERT INTO events (article_id, at, kind, detail) VALUES (1, 5000, 'removed', 'HTTP 410'), (1, 6000, 'error', 'x')`);
    await old.close();

    const store = await openSqliteFile(path, { mustExist: true });
    try {
      expect(await store.getRawHtml(1, 1)).toEqual(legacy);
      expect(await store.evidence.getCapture(1, 1)).toMatchObject({
        exact: false,
        charset: 'utf-8',
        digest: bytesDigest(legacy),
        status: null,
      });
      const records = await store.evidence.listRecords(1);
      expect(records.map((r) => [r.kind, r.seq])).toEqual([
        ['version', 1],
        ['version', 2],
        ['event', 1],
      ]);
      const v1 = (await store.getVersion(1, 1))!;
      expect(records[0].recordHash).toBe(
        versionRecordHash({
          prevHash: GENESIS,
          url: 'http://h/a',
          number: 1,
          capturedAt: 1000,
          fingerprint: 'fp1',
          textDigest: textDigest(v1),
          captureDigest: bytesDigest(legacy),
        }),
      );
      expect(records[1].prevHash).toBe(records[0].recordHash);
      // Migrating again changes nothing.
      await store.migrate();
      expect(await store.evidence.listRecords(1)).toEqual(records);
    } finally {
      await store.close();
    }
  });
});
