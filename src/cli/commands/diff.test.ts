import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../model/index.ts';
import { openStore } from '../../store/index.ts';
import { makeArticle, sourceInput } from '../../store/contract/fixtures.ts';
import diff, { diffOutput } from './diff.ts';

const T0 = Date.UTC(2024, 4, 1, 9, 0);
const dataDir = mkdtempSync(join(tmpdir(), 'redline-diff-'));
let articleId = 0;

const version = (title: string, paragraphs: string[], capturedAt: number) => ({
  title,
  byline: null,
  published: null,
  paragraphs,
  fingerprint: title + paragraphs.join('|'),
  extractorVersion: 'test',
  capturedAt,
  rawHtml: null,
  wordsAdded: 0,
  wordsRemoved: 0,
});

beforeAll(async () => {
  const store = await openStore({ dataDir, databaseUrl: null });
  const source = await store.upsertSource(sourceInput('news', { name: 'News', pollPeriodSec: 600 }), T0);
  articleId = (await makeArticle(store, source, 'a', { now: T0 })).id;
  await store.addVersion(articleId, 1, version('Storm closes roads', ['At least 12 people were hurt.', 'This goes away.'], T0));
  await store.addVersion(articleId, 2, version('Storm closes roads and schools', ['At least 15 people were hurt.'], T0 + 31 * 60_000));
  await store.close();
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  // As when piped: no colour, no wrapping.
  const tty = process.stdout.isTTY;
  process.stdout.isTTY = false;
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await diff([...argv, '--data', dataDir]), out };
  } finally {
    spy.mockRestore();
    process.stdout.isTTY = tty;
  }
}

describe('redline diff', () => {
  it('prints a paragraph-aligned diff without colour when stdout is not a terminal', async () => {
    const { code, out } = await run([String(articleId), '1', '2']);
    expect(code).toBe(0);
    expect(out).toContain('version 1 (2024-05-01 09:00:00 UTC) → version 2 (2024-05-01 09:31:00 UTC, 31 minutes later)');
    expect(out).toContain('~ Headline: Storm closes roads{+ and schools+}');
    expect(out).toContain('~ At least [-12-]{+15+} people were hurt.');
    expect(out).toContain('- [-This goes away.-]');
    expect(out).not.toContain('\x1b[');
  });

  it('prints the diff model as JSON', async () => {
    const { out } = await run([String(articleId), '2', '1', '--json']);
    const parsed = JSON.parse(out);
    expect(parsed.a.number).toBe(2);
    expect(parsed.diff.summary).toMatchObject({ paragraphsAdded: 1, paragraphsChanged: 1, titleChanged: true });
  });

  it.each([
    [['x', '1', '2'], /ARTICLE_ID A B/],
    [['1', '2'], /ARTICLE_ID A B/],
    [['999', '1', '2'], /no article 999/],
  ])('rejects %j with a usage error', async (argv, message) => {
    await expect(run(argv)).rejects.toThrow(message);
    await expect(run(argv)).rejects.toBeInstanceOf(UsageError);
  });

  it('names the versions that exist when asked for one that does not', async () => {
    await expect(run([String(articleId), '1', '7'])).rejects.toThrow(`article ${articleId} has no version 7 (it has versions 1 to 2)`);
  });

  it('colours when asked to', async () => {
    const store = await openStore({ dataDir, databaseUrl: null });
    try {
      const out = await diffOutput(store, { articleId, a: 1, b: 2, json: false, color: true });
      expect(out).toContain('\x1b[31;9m12\x1b[0m\x1b[32;4m15\x1b[0m');
    } finally {
      await store.close();
    }
  });
});
