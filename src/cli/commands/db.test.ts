import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../model/index.ts';
import { openStore } from '../../store/index.ts';
import db from './db.ts';

const PG = process.env.REDLINE_TEST_PG;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
afterEach(() => vi.restoreAllMocks());

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'redline-db-cli-'));
  dirs.push(d);
  return d;
}

/** Runs the command with stdout and stderr captured. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await db(argv), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

async function installation(): Promise<string> {
  const dataDir = tempDir();
  const store = await openStore({ dataDir });
  const now = Date.UTC(2026, 0, 1);
  const source = await store.upsertSource(
    { key: 'news', name: 'News', feedUrl: 'http://127.0.0.1:9/feed', pollPeriodSec: 300, include: [], exclude: [] },
    now,
  );
  for (let i = 0; i < 5; i++) {
    const { article } = await store.upsertArticle({
      sourceId: source.id,
      url: `http://127.0.0.1:9/a/${i}`,
      host: '127.0.0.1:9',
      feedTitle: null,
      feedPublishedAt: null,
      now,
      checkPeriodSec: 1800,
    });
    await store.addVersion(article.id, 1, {
      title: `Story ${i}`,
      byline: null,
      published: null,
      paragraphs: [`Text ${i}`],
      fingerprint: `fp${i}`,
      extractorVersion: 'x',
      capturedAt: now,
      rawHtml: new TextEncoder().encode(`<h1>Story ${i}</h1>`),
      wordsAdded: 0,
      wordsRemoved: 0,
    });
  }
  await store.close();
  return dataDir;
}

describe('redline db', () => {
  it('migrate applies the schema and prints its version', async () => {
    const dataDir = tempDir();
    const first = await run(['migrate', '--data', dataDir]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^sqlite schema version [1-9]\d* \(migrated from 0\)\n0 versions relabelled\n$/);
    expect((await run(['migrate', '--data', dataDir])).out).toMatch(/already up to date/);
  });

  it('copy moves an installation, shows progress, verifies, and re-runs as a no-op', async () => {
    const from = await installation();
    const to = join(tempDir(), 'copy', 'redline.db');
    const result = await run(['copy', '--from', `sqlite:${from}`, '--to', `sqlite:${to}`]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/articles\s+5 copied, 0 already there/);
    expect(result.out).toMatch(/verification: OK \(sources \d+ -> \d+, articles 5 -> 5, versions 5 -> 5; 5 version/);
    expect(result.err).toMatch(/articles \[#+\] 5\/5/);
    const again = await run(['copy', '--from', `sqlite:${from}`, '--to', `sqlite:${to}`]);
    expect(again.out).toMatch(/articles\s+0 copied, 5 already there/);
  });

  it('exits 1 when the destination does not match', async () => {
    const from = await installation();
    const toDir = tempDir();
    expect((await run(['copy', '--from', `sqlite:${from}`, '--to', `sqlite:${toDir}`])).code).toBe(0);
    const store = await openStore({ dataDir: toDir });
    const article = (await store.getArticleByUrl('http://127.0.0.1:9/a/1'))!;
    await store.addVersion(article.id, 2, {
      title: 'not in the source',
      byline: null,
      published: null,
      paragraphs: ['x'],
      fingerprint: 'other',
      extractorVersion: 'x',
      capturedAt: 1,
      rawHtml: null,
      wordsAdded: 1,
      wordsRemoved: 0,
    });
    await store.close();
    const result = await run(['copy', '--from', `sqlite:${from}`, '--to', `sqlite:${join(toDir, 'redline.db')}`]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/verification: FAILED/);
    expect(result.out).toMatch(/problem: .*a\/1: 1 versions, copy has 2/);
  });

  it('rejects incomplete or unknown usage', async () => {
    await expect(db(['copy', '--from', 'sqlite:/nonexistent'])).rejects.toThrow(UsageError);
    await expect(db(['copy', '--from', 'sqlite:/nonexistent/x.db', '--to', 'sqlite:/tmp/y.db'])).rejects.toThrow(/no SQLite database/);
    await expect(db(['vacuum'])).rejects.toThrow(UsageError);
  });

  it.skipIf(!PG)('copy to PostgreSQL gives identical articles, versions and fingerprints', async () => {
    const name = `redline_dbcli_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(PG!);
      url.pathname = `/${name}`;
      const from = await installation();
      const result = await run(['copy', '--from', `sqlite:${from}`, '--to', url.toString()]);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/verification: OK/);
      const [a, b] = [await openStore({ dataDir: from }), await openStore({ dataDir: from, databaseUrl: url.toString() })];
      const fingerprints = async (s: typeof a) => {
        const out: string[] = [];
        for (const art of (await s.listArticles({ limit: 50 })).items)
          for (const v of await s.listVersions(art.id)) out.push(`${art.url} ${v.number} ${v.fingerprint}`);
        return out;
      };
      expect(await fingerprints(b)).toEqual(await fingerprints(a));
      await a.close();
      await b.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
