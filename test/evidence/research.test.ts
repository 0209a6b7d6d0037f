import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { runMain, tempDir } from '../e2e/helpers.ts';
import { buildDemoDatabase } from './demo-db.ts';

/** Must show 4: the Parquet export read back by an independent reader (DuckDB), row counts equal to the database's. */
let demo: Awaited<ReturnType<typeof buildDemoDatabase>>;
const out = tempDir();
let expected: { articles: number; versions: number; changes: number; firstParagraphs: string[]; articleId: number };

beforeAll(async () => {
  demo = await buildDemoDatabase();
  const store = await openStore({ dataDir: demo.dir });
  try {
    const articles = (await store.listArticles({ limit: 500 })).items;
    const stats = await store.stats();
    const withEdits = articles.find((a) => a.versionCount >= 3)!;
    expected = {
      articles: articles.length,
      versions: stats.versions,
      changes: articles.reduce((n, a) => n + Math.max(0, a.versionCount - 1), 0),
      firstParagraphs: (await store.getVersion(withEdits.id, 2))!.paragraphs,
      articleId: withEdits.id,
    };
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await demo?.remove();
  out.remove();
});

describe('research export', () => {
  it('writes Parquet that DuckDB reads with the database row counts, paragraphs as list<string>', async () => {
    const dir = join(out.dir, 'parquet');
    const r = await runMain(['export', '--format', 'parquet', '--out', dir, '--data', demo.dir]);
    expect(r.code, r.stderr).toBe(0);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const count = async (table: string) =>
      Number((await c.runAndReadAll(`SELECT COUNT(*) AS n FROM '${join(dir, `${table}.parquet`)}'`)).getRowObjects()[0].n);
    expect(await count('articles')).toBe(expected.articles);
    expect(await count('versions')).toBe(expected.versions);
    expect(await count('changes')).toBe(expected.changes);
    expect(await count('paragraph_edits')).toBeGreaterThan(expected.changes / 2);
    const row = (
      await c.runAndReadAll(
        `SELECT typeof(paragraphs) AS t, paragraphs, len(record_hash) AS h, captured_at FROM '${join(dir, 'versions.parquet')}' WHERE article_id = ${expected.articleId} AND number = 2`,
      )
    ).getRowObjectsJson()[0];
    expect(row.t).toBe('VARCHAR[]');
    expect(row.paragraphs).toEqual(expected.firstParagraphs);
    expect(Number(row.h)).toBe(64);
    const kinds = (await c.runAndReadAll(`SELECT DISTINCT kind FROM '${join(dir, 'paragraph_edits.parquet')}' ORDER BY kind`))
      .getRowObjectsJson()
      .map((k) => k.kind);
    expect(kinds.every((k) => ['added', 'changed', 'moved', 'removed'].includes(String(k)))).toBe(true);
    c.closeSync();
  });

  it('writes the same rows as JSON Lines', async () => {
    const dir = join(out.dir, 'jsonl');
    expect((await runMain(['export', '--format', 'jsonl', '--out', dir, '--data', demo.dir])).code).toBe(0);
    const lines = (t: string) =>
      readFileSync(join(dir, `${t}.jsonl`), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    expect(lines('articles')).toHaveLength(expected.articles);
    expect(lines('versions')).toHaveLength(expected.versions);
    expect(lines('changes')).toHaveLength(expected.changes);
    const v = lines('versions').find((x) => x.article_id === expected.articleId && x.number === 2);
    expect(v.paragraphs).toEqual(expected.firstParagraphs);
    expect(v.captured_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
