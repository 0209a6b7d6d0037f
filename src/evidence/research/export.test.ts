import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { diffVersions, versionChange } from '../../diff/index.ts';
import type { VersionChange } from '../../model/index.ts';
import { openStore, type Store } from '../../store/index.ts';
import { makeArticle, sourceInput } from '../../store/contract/fixtures.ts';
import { EvidenceError } from '../errors.ts';
import { exportResearch } from './export.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'redline-research-'));
  dirs.push(d);
  return d;
};
const T0 = Date.UTC(2025, 0, 6, 9);

const LEDE = 'The council approved a budget of 12 million pounds on Monday. Opposition members walked out in protest.';
const LONG =
  'The mayor said the plan would fund new schools, repair roads across the northern districts and hire forty more teachers by spring.';
const SPLIT = [
  'The mayor said the plan would fund new schools.',
  'It would also repair roads across the northern districts and hire forty more teachers by spring.',
];
const BODY = [LEDE, LONG, 'Critics called the budget reckless.', 'A final vote is due in March.'];

async function version(store: Store, id: number, n: number, title: string, paragraphs: string[], change: VersionChange | null = null) {
  await store.addVersion(id, n, {
    title,
    byline: null,
    published: null,
    paragraphs,
    fingerprint: `fp${n}`,
    extractorVersion: 'x',
    capturedAt: T0 + n * 3600_000,
    rawHtml: null,
    wordsAdded: 0,
    wordsRemoved: 0,
    change,
  });
}

async function newArticle(store: Store, url: string) {
  const { host, pathname } = new URL(url);
  return makeArticle(store, await store.upsertSource(sourceInput('s'), T0), pathname.slice(1), { host, now: T0 });
}

/** One article: v2 splits a sentence and adds a correction (no stored change: computed), v3 hidden, v4 changes the headline. */
async function database(): Promise<string> {
  const dataDir = temp();
  const store = await openStore({ dataDir });
  try {
    const article = await newArticle(store, 'http://127.0.0.1/a');
    const v2 = [
      LEDE,
      SPLIT.join(' '),
      'Critics called the budget reckless.',
      'A final vote is due in March.',
      'Correction: An earlier version of this article gave the wrong date for the vote.',
    ];
    const v3 = [...v2, 'Secret paragraph that was hidden by an admin.'];
    await version(store, article.id, 1, 'Budget approved', BODY);
    await version(store, article.id, 2, 'Budget approved', v2);
    await version(
      store,
      article.id,
      3,
      'Budget approved',
      v3,
      versionChange(
        diffVersions(
          { title: 'Budget approved', byline: null, published: null, paragraphs: v2 },
          { title: 'Budget approved', byline: null, published: null, paragraphs: v3 },
        ),
      ),
    );
    // A stored change that is wrong on purpose: the export must not use it for the pair 2 → 4 (v3 is hidden in between).
    await version(store, article.id, 4, 'Budget approved after walkout', v2, {
      labels: ['typo-only'],
      level: 'minor',
      titleChanged: false,
      preview: null,
    });
    await store.setVersionHidden(article.id, 3, { at: T0, reason: 'legal' });
  } finally {
    await store.close();
  }
  return dataDir;
}

const lines = (dir: string, table: string) =>
  readFileSync(join(dir, `${table}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('exportResearch', () => {
  it('labels each change, aligns its sentences, and leaves the hidden version out', async () => {
    const dataDir = await database();
    const out = join(temp(), 'out');
    const store = await openStore({ dataDir });
    try {
      const r = await exportResearch(store, out, { format: 'jsonl' });
      expect(r.rows).toMatchObject({ articles: 1, versions: 3, changes: 2, sentence_changes: 2 });
    } finally {
      await store.close();
    }
    expect(lines(out, 'versions').map((v) => v.number)).toEqual([1, 2, 4]);
    const [c12, c24] = lines(out, 'changes');
    expect(c12).toMatchObject({
      from_version: 1,
      to_version: 2,
      labels: ['reworded', 'paragraphs-added', 'notice-added'],
      level: 'major',
      labels_stored: false,
      paragraphs_split: 0,
    });
    expect(c24).toMatchObject({
      from_version: 2,
      to_version: 4,
      labels: ['headline-changed'],
      level: 'major',
      labels_stored: false,
      title_changed: true,
    });
    expect(JSON.stringify(lines(out, 'paragraph_edits'))).not.toContain('Secret');

    const [s12, s24] = lines(out, 'sentence_changes');
    expect(s12).toMatchObject({
      sentences_old: 5,
      sentences_new: 7,
      unchanged: 4,
      added: 1,
      split: 1,
      deleted: 0,
      edited: 0,
      moved: 0,
      merged: 0,
    });
    expect(s24).toMatchObject({ sentences_old: 7, sentences_new: 7, unchanged: 7, added: 0 });
    const edits = lines(out, 'sentence_edits');
    expect(edits.every((e) => e.from_version === 1)).toBe(true);
    const split = edits.filter((e) => e.op === 'split');
    expect(split.map((e) => [e.old_text, e.new_text, e.old_position, e.new_position, e.new_paragraph, e.new_sentence])).toEqual([
      [LONG, SPLIT[0], 2, 2, 1, 0],
      [LONG, SPLIT[1], 2, 3, 1, 1],
    ]);
    expect(new Set(split.map((e) => e.edit)).size).toBe(1);
    expect(edits.filter((e) => e.op === 'added').map((e) => [e.old_text, e.new_paragraph, e.new_sentence, e.new_position])).toEqual([
      [null, 4, 0, 6],
    ]);
  });

  it('exports every version of an article with more versions than one read chunk, in order', async () => {
    const dataDir = temp();
    const store = await openStore({ dataDir });
    try {
      const article = await newArticle(store, 'http://127.0.0.1/long');
      for (let n = 1; n <= 70; n++) await version(store, article.id, n, 'Live', [`Update number ${n} of the live page.`, LEDE]);
      await store.setVersionHidden(article.id, 33, { at: T0, reason: 'legal' });
      const out = join(temp(), 'out');
      const r = await exportResearch(store, out, { format: 'jsonl' });
      expect(r.rows).toMatchObject({ versions: 69, changes: 68 });
      const numbers = Array.from({ length: 70 }, (_, i) => i + 1).filter((n) => n !== 33);
      expect(lines(out, 'versions').map((v) => v.number)).toEqual(numbers);
      expect(lines(out, 'changes').map((c) => [c.from_version, c.to_version])).toEqual(numbers.slice(1).map((n, i) => [numbers[i], n]));
    } finally {
      await store.close();
    }
  });

  it('writes Parquet in bounded row groups', async () => {
    const dataDir = await database();
    const out = join(temp(), 'out');
    const store = await openStore({ dataDir });
    try {
      const r = await exportResearch(store, out, { format: 'parquet', flush: { rows: 2, bytes: 1 << 20 } });
      expect(r.rows.versions).toBe(3);
    } finally {
      await store.close();
    }
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      const file = join(out, 'versions.parquet');
      const groups = (
        await c.runAndReadAll(`SELECT DISTINCT row_group_id, row_group_num_rows AS n FROM parquet_metadata('${file}') ORDER BY 1`)
      ).getRowObjects();
      expect(groups.map((g) => Number(g.n))).toEqual([2, 1]);
      const numbers = (await c.runAndReadAll(`SELECT number FROM '${file}'`)).getRowObjects().map((v) => Number(v.number));
      expect(numbers).toEqual([1, 2, 4]);
    } finally {
      c.closeSync();
    }
  });

  it('refuses to overwrite an earlier export, before writing anything', async () => {
    const dataDir = await database();
    const out = temp();
    writeFileSync(join(out, 'changes.parquet'), 'keep me');
    const store = await openStore({ dataDir });
    try {
      await expect(exportResearch(store, out, { format: 'parquet' })).rejects.toThrow(EvidenceError);
      await expect(exportResearch(store, out, { format: 'parquet' })).rejects.toThrow(/changes\.parquet already exists/);
    } finally {
      await store.close();
    }
    expect(readFileSync(join(out, 'changes.parquet'), 'utf8')).toBe('keep me');
    expect(() => readFileSync(join(out, 'articles.parquet'))).toThrow();
  });
});
