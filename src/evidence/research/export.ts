import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { diffVersions, leftIndices, rightIndices } from '../../diff/index.ts';
import type { ArticleWithSource, Version } from '../../model/index.ts';
import { textDigest } from '../../store/chain.ts';
import type { Store } from '../../store/index.ts';
import { EvidenceError } from '../errors.ts';
import { Table } from './table.ts';

export interface ResearchExportOptions {
  format: 'jsonl' | 'parquet';
  sourceKey?: string;
}

export interface ResearchExportReport {
  rows: Record<string, number>;
  files: string[];
}

// Column definitions; docs/research-export.md describes each. Keep the two in step.
function tables() {
  return {
    articles: new Table('articles', [
      { name: 'article_id', kind: 'int' },
      { name: 'source', kind: 'string' },
      { name: 'url', kind: 'string' },
      { name: 'host', kind: 'string' },
      { name: 'title', kind: 'string', nullable: true },
      { name: 'feed_title', kind: 'string', nullable: true },
      { name: 'first_seen_at', kind: 'timestamp' },
      { name: 'status', kind: 'string' },
      { name: 'version_count', kind: 'int' },
      { name: 'last_version_at', kind: 'timestamp', nullable: true },
    ]),
    versions: new Table('versions', [
      { name: 'version_id', kind: 'int' },
      { name: 'article_id', kind: 'int' },
      { name: 'number', kind: 'int' },
      { name: 'captured_at', kind: 'timestamp' },
      { name: 'title', kind: 'string' },
      { name: 'byline', kind: 'string', nullable: true },
      { name: 'published', kind: 'string', nullable: true },
      { name: 'paragraphs', kind: 'strings' },
      { name: 'fingerprint', kind: 'string' },
      { name: 'extractor_version', kind: 'string' },
      { name: 'text_digest', kind: 'string' },
      { name: 'record_hash', kind: 'string', nullable: true },
      { name: 'capture_sha256', kind: 'string', nullable: true },
    ]),
    changes: new Table('changes', [
      { name: 'article_id', kind: 'int' },
      { name: 'from_version', kind: 'int' },
      { name: 'to_version', kind: 'int' },
      { name: 'captured_at', kind: 'timestamp' },
      { name: 'seconds_since_previous', kind: 'int' },
      { name: 'words_added', kind: 'int' },
      { name: 'words_removed', kind: 'int' },
      { name: 'paragraphs_added', kind: 'int' },
      { name: 'paragraphs_removed', kind: 'int' },
      { name: 'paragraphs_changed', kind: 'int' },
      { name: 'paragraphs_moved', kind: 'int' },
      { name: 'title_changed', kind: 'bool' },
      { name: 'byline_changed', kind: 'bool' },
      { name: 'published_changed', kind: 'bool' },
    ]),
    paragraph_edits: new Table('paragraph_edits', [
      { name: 'article_id', kind: 'int' },
      { name: 'from_version', kind: 'int' },
      { name: 'to_version', kind: 'int' },
      { name: 'kind', kind: 'string' },
      { name: 'old_index', kind: 'int', nullable: true },
      { name: 'new_index', kind: 'int', nullable: true },
      { name: 'old_text', kind: 'string', nullable: true },
      { name: 'new_text', kind: 'string', nullable: true },
    ]),
  };
}

type Tables = ReturnType<typeof tables>;

/**
 * Research tables for the whole database (or one source): articles, versions with their text as a
 * paragraph list, changes between consecutive versions with the diff engine's counts, and the
 * aligned paragraph pairs of each change. One file per table in DIR, JSON Lines or Parquet.
 */
export async function exportResearch(store: Store, dir: string, opts: ResearchExportOptions): Promise<ResearchExportReport> {
  const source = opts.sourceKey ? await store.getSource(opts.sourceKey) : null;
  if (opts.sourceKey && !source) throw new EvidenceError('export', `no source ${JSON.stringify(opts.sourceKey)}`);
  const t = tables();
  let cursor: string | null = null;
  const ids: number[] = [];
  do {
    const page = await store.listArticles({ sourceId: source?.id, limit: 500, cursor });
    ids.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor;
  } while (cursor);
  for (const id of ids.sort((a, b) => a - b)) {
    const article = await store.getArticle(id);
    if (article) await addArticle(store, article, t);
  }
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const rows: Record<string, number> = {};
  for (const table of Object.values(t)) {
    const path = join(dir, `${table.name}.${opts.format}`);
    try {
      if (opts.format === 'jsonl') await table.writeJsonl(path);
      else table.writeParquet(path);
    } catch (err) {
      throw new EvidenceError('export', `cannot write ${path}: ${(err as Error).message}`, { cause: err });
    }
    files.push(path);
    rows[table.name] = table.rows.length;
  }
  return { rows, files };
}

async function addArticle(store: Store, a: ArticleWithSource, t: Tables): Promise<void> {
  t.articles.add({
    article_id: a.id, source: a.sourceKey, url: a.url, host: a.host, title: a.title, feed_title: a.feedTitle,
    first_seen_at: a.firstSeenAt, status: a.status, version_count: a.versionCount, last_version_at: a.lastVersionAt,
  });
  const versions = await store.listVersions(a.id);
  const records = new Map((await store.evidence.listRecords(a.id)).filter((r) => r.kind === 'version').map((r) => [r.seq, r]));
  let prev: Version | null = null;
  for (const v of versions) {
    const record = records.get(v.number);
    t.versions.add({
      version_id: v.id, article_id: a.id, number: v.number, captured_at: v.capturedAt, title: v.title, byline: v.byline,
      published: v.published, paragraphs: v.paragraphs, fingerprint: v.fingerprint, extractor_version: v.extractorVersion,
      text_digest: textDigest(v), record_hash: record?.recordHash ?? null, capture_sha256: record?.captureDigest ?? null,
    });
    if (prev) addChange(a.id, prev, v, t);
    prev = v;
  }
}

function addChange(articleId: number, from: Version, to: Version, t: Tables): void {
  const diff = diffVersions(from, to);
  const s = diff.summary;
  const pair = { article_id: articleId, from_version: from.number, to_version: to.number };
  t.changes.add({
    ...pair, captured_at: to.capturedAt, seconds_since_previous: Math.round((to.capturedAt - from.capturedAt) / 1000),
    words_added: s.wordsAdded, words_removed: s.wordsRemoved, paragraphs_added: s.paragraphsAdded, paragraphs_removed: s.paragraphsRemoved,
    paragraphs_changed: s.paragraphsChanged, paragraphs_moved: s.paragraphsMoved,
    title_changed: s.titleChanged, byline_changed: s.bylineChanged, published_changed: s.publishedChanged,
  });
  for (const row of diff.rows) {
    if (row.kind === 'same' || row.kind === 'moved-to') continue; // a move is listed once, from its old place
    // A split or merge is listed once per paragraph on its many side.
    const olds: (number | null)[] = row.kind === 'added' ? [null] : leftIndices(row);
    const news: (number | null)[] = row.kind === 'removed' ? [null] : rightIndices(row);
    for (const oldIndex of olds) {
      for (const newIndex of news) {
        t.paragraph_edits.add({
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
}
