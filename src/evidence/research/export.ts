import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  diffVersions,
  leftIndices,
  rightIndices,
  sentenceEdits,
  splitSentences,
  versionChange,
  type DiffModel,
  type SentenceRef,
} from '../../diff/index.ts';
import type { ArticleWithSource, Version } from '../../model/index.ts';
import { textDigest } from '../../store/chain.ts';
import type { Store } from '../../store/index.ts';
import { normalizeText } from '../../text/normalize.ts';
import { EvidenceError } from '../errors.ts';
import { TABLES, type TableName } from './columns.ts';
import { DEFAULT_FLUSH, TableWriter, type FlushLimits } from './table.ts';

export interface ResearchExportOptions {
  format: 'jsonl' | 'parquet';
  sourceKey?: string;
  /** Rows (or bytes of text) buffered per table before they are written: one Parquet row group. */
  flush?: FlushLimits;
}

export interface ResearchExportReport {
  rows: Record<string, number>;
  files: string[];
}

type Writers = Record<TableName, TableWriter>;

/**
 * Research tables for the whole database (or one source): articles, versions with their text as a
 * paragraph list, changes between consecutive versions with the diff engine's counts and labels,
 * the aligned paragraph pairs of each change, and its sentence edits (NewsEdits shape: counts per
 * change and the aligned sentence pairs). One file per table in DIR, JSON Lines or Parquet.
 * Streams: one article's two neighbouring versions at a time, rows written out in bounded batches.
 * Hidden articles and versions are left out.
 */
export async function exportResearch(store: Store, dir: string, opts: ResearchExportOptions): Promise<ResearchExportReport> {
  const source = opts.sourceKey ? await store.getSource(opts.sourceKey) : null;
  if (opts.sourceKey && !source) throw new EvidenceError('export', `no source ${JSON.stringify(opts.sourceKey)}`);
  const names = Object.keys(TABLES) as TableName[];
  const files = names.map((name) => join(dir, `${name}.${opts.format}`));
  const existing = files.filter((f) => existsSync(f));
  if (existing.length)
    throw new EvidenceError(
      'export',
      `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}: export into an empty directory`,
    );
  let cursor: string | null = null;
  const ids: number[] = [];
  do {
    const page = await store.listArticles({ sourceId: source?.id, limit: 500, cursor });
    ids.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor;
  } while (cursor);
  mkdirSync(dir, { recursive: true });
  const writers = {} as Writers;
  const current = { path: dir };
  try {
    for (const [k, name] of names.entries()) {
      current.path = files[k];
      writers[name] = await TableWriter.open(name, TABLES[name], files[k], opts.format, opts.flush ?? DEFAULT_FLUSH);
    }
    current.path = dir;
    for (const id of ids.sort((a, b) => a - b)) {
      const article = await store.getArticle(id);
      if (article && article.hiddenAt === null) await addArticle(store, article, writers);
    }
    for (const [k, name] of names.entries()) {
      current.path = files[k];
      await writers[name].close();
    }
  } catch (err) {
    if (err instanceof EvidenceError) throw err;
    throw new EvidenceError('export', `cannot write ${current.path}: ${(err as Error).message}`, { cause: err });
  }
  return { rows: Object.fromEntries(names.map((n) => [n, writers[n].count])), files };
}

async function addArticle(store: Store, a: ArticleWithSource, w: Writers): Promise<void> {
  await w.articles.add({
    article_id: a.id,
    source: a.sourceKey,
    url: a.url,
    host: a.host,
    title: a.title,
    feed_title: a.feedTitle,
    first_seen_at: a.firstSeenAt,
    status: a.status,
    version_count: a.versionCount,
    last_version_at: a.lastVersionAt,
  });
  const records = new Map((await store.evidence.listRecords(a.id)).filter((r) => r.kind === 'version').map((r) => [r.seq, r]));
  let prev: Version | null = null;
  // A chunk of versions per query (not listVersions): an article with thousands of versions stays a chunk in memory.
  for await (const v of versionsInChunks(store, a.id, a.versionCount)) {
    if (v.hiddenAt !== null) continue;
    const record = records.get(v.number);
    await w.versions.add({
      version_id: v.id,
      article_id: a.id,
      number: v.number,
      captured_at: v.capturedAt,
      title: v.title,
      byline: v.byline,
      published: v.published,
      paragraphs: v.paragraphs,
      fingerprint: v.fingerprint,
      extractor_version: v.extractorVersion,
      text_digest: textDigest(v),
      record_hash: record?.recordHash ?? null,
      capture_sha256: record?.captureDigest ?? null,
    });
    if (prev) await addChange(a.id, prev, v, w);
    prev = v;
  }
}

const VERSION_CHUNK = 32;

async function* versionsInChunks(store: Store, articleId: number, count: number): AsyncGenerator<Version> {
  for (let first = 1; first <= count; first += VERSION_CHUNK) {
    const refs = Array.from({ length: Math.min(VERSION_CHUNK, count - first + 1) }, (_, i) => ({ articleId, number: first + i }));
    const chunk = await store.getVersions(refs);
    yield* chunk.sort((x, y) => x.number - y.number);
  }
}

async function addChange(articleId: number, from: Version, to: Version, w: Writers): Promise<void> {
  const diff = diffVersions(from, to);
  const s = diff.summary;
  // The stored change is against the version right before; when one in between is hidden, this pair is another one.
  const stored = to.change && from.number === to.number - 1 ? to.change : null;
  const change = stored ?? versionChange(diff);
  const pair = { article_id: articleId, from_version: from.number, to_version: to.number };
  await w.changes.add({
    ...pair,
    captured_at: to.capturedAt,
    seconds_since_previous: Math.round((to.capturedAt - from.capturedAt) / 1000),
    words_added: s.wordsAdded,
    words_removed: s.wordsRemoved,
    paragraphs_added: s.paragraphsAdded,
    paragraphs_removed: s.paragraphsRemoved,
    paragraphs_changed: s.paragraphsChanged,
    paragraphs_moved: s.paragraphsMoved,
    title_changed: s.titleChanged,
    byline_changed: s.bylineChanged,
    published_changed: s.publishedChanged,
    paragraphs_split: s.paragraphsSplit,
    paragraphs_merged: s.paragraphsMerged,
    labels: [...change.labels],
    level: change.level,
    labels_stored: stored !== null,
  });
  for (const row of diff.rows) {
    if (row.kind === 'same' || row.kind === 'moved-to') continue; // a move is listed once, from its old place
    // A split or merge is listed once per paragraph on its many side.
    const olds: (number | null)[] = row.kind === 'added' ? [null] : leftIndices(row);
    const news: (number | null)[] = row.kind === 'removed' ? [null] : rightIndices(row);
    for (const oldIndex of olds) {
      for (const newIndex of news) {
        await w.paragraph_edits.add({
          ...pair,
          kind: row.kind === 'moved-from' ? 'moved' : row.kind,
          old_index: oldIndex,
          new_index: newIndex,
          old_text: oldIndex === null ? null : from.paragraphs[oldIndex],
          new_text: newIndex === null ? null : to.paragraphs[newIndex],
        });
      }
    }
  }
  await addSentences(pair, from, to, diff, w);
}

/**
 * The change's sentence edits from the diff engine (`sentenceEdits`, NewsEdits ops): one row per
 * aligned pair (a split or merge once per sentence on its many side, sharing `edit`), and the
 * counts per op. Sentences of paragraphs that did not change are counted as unchanged, not listed.
 */
async function addSentences(
  pair: { article_id: number; from_version: number; to_version: number },
  from: Version,
  to: Version,
  diff: DiffModel,
  w: Writers,
): Promise<void> {
  const edits = sentenceEdits(diff);
  const oldStarts = sentenceStarts(from.paragraphs);
  const newStarts = sentenceStarts(to.paragraphs);
  const counts = { unchanged: 0, added: 0, deleted: 0, edited: 0, moved: 0, split: 0, merged: 0 };
  for (const row of diff.rows) if (row.kind === 'same') counts.unchanged += splitSentences(row.text).length;
  for (const e of edits) {
    if (e.op === 'same') counts.unchanged++;
    else counts[e.op]++;
  }
  await w.sentence_changes.add({
    ...pair,
    sentences_old: oldStarts[oldStarts.length - 1],
    sentences_new: newStarts[newStarts.length - 1],
    ...counts,
  });
  const side = (ref: SentenceRef | undefined, starts: number[]) =>
    ref ? { paragraph: ref.paragraph, sentence: ref.sentence, position: starts[ref.paragraph] + ref.sentence, text: ref.text } : null;
  for (const [k, e] of edits.entries()) {
    const olds = e.old.length ? e.old : [undefined];
    const news = e.new.length ? e.new : [undefined];
    for (const o of olds) {
      for (const n of news) {
        const a = side(o, oldStarts);
        const b = side(n, newStarts);
        await w.sentence_edits.add({
          ...pair,
          edit: k,
          op: e.op,
          old_paragraph: a?.paragraph ?? null,
          old_sentence: a?.sentence ?? null,
          old_position: a?.position ?? null,
          old_text: a?.text ?? null,
          new_paragraph: b?.paragraph ?? null,
          new_sentence: b?.sentence ?? null,
          new_position: b?.position ?? null,
          new_text: b?.text ?? null,
        });
      }
    }
  }
}

/** Where each paragraph's first sentence stands in the whole version (the engine's splitter on its normalised text); last entry = total. */
function sentenceStarts(paragraphs: string[]): number[] {
  const starts = [0];
  for (const p of paragraphs) starts.push(starts[starts.length - 1] + splitSentences(normalizeText(p)).length);
  return starts;
}
