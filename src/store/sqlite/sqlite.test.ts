import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../contract.case.ts';
import { makeArticle, makeSource } from '../contract/fixtures.ts';
import { openStore } from '../index.ts';
import type { SqlStore } from '../sql/sql-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'redline-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract({
  name: 'sqlite',
  open: () => openStore({ dataDir: join(dir, `db${++n}`) }),
  setSchemaVersion: async (store, version) => {
    await (store as SqlStore).db.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [version, 'future', 0]);
  },
  // One SQLite connection per process: concurrent callers share the store (its transactions queue).
  openAnother: async () => null,
});

describe('sqlite storage details', () => {
  it('names a paragraph text missing from the latest version instead of returning a shorter one', async () => {
    const store = (await openStore({ dataDir: join(dir, 'missing-text') })) as SqlStore;
    try {
      const article = await makeArticle(store, await makeSource(store, 's'), 'a', { host: 'h', now: 0 });
      const input = { title: 't', byline: null, published: null, fingerprint: 'f', extractorVersion: 'x', capturedAt: 1 };
      await store.addVersion(article.id, 1, { ...input, paragraphs: ['one', 'two'], rawHtml: null, wordsAdded: 0, wordsRemoved: 0 });
      expect((await store.getLatestVersion(article.id))!.paragraphs).toEqual(['one', 'two']);
      await store.db.run("DELETE FROM paragraph_texts WHERE text = 'two'");
      await expect(store.getLatestVersion(article.id)).rejects.toThrow(/paragraph \d+ is missing from paragraph_texts/);
    } finally {
      await store.close();
    }
  });

  it('stores captures compressed, apart from the versions table', async () => {
    const store = (await openStore({ dataDir: join(dir, 'raw') })) as SqlStore;
    try {
      const article = await makeArticle(store, await makeSource(store, 's'), 'a', { host: 'h', now: 0 });
      const html = new TextEncoder().encode('<div class="related"><a href="/x">Related story</a></div>\n'.repeat(2000));
      await store.addVersion(article.id, 1, {
        title: 't',
        byline: null,
        published: null,
        paragraphs: ['p'],
        fingerprint: 'f',
        extractorVersion: 'x',
        capturedAt: 1,
        rawHtml: html,
        wordsAdded: 0,
        wordsRemoved: 0,
      });
      const row = await store.db.get<{ stored: number; size: number }>('SELECT length(body) AS stored, size FROM captures');
      expect(row?.size).toBe(html.byteLength);
      expect(row!.stored).toBeLessThan(html.byteLength / 10);
    } finally {
      await store.close();
    }
  });
});
