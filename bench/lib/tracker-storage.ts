/**
 * Bytes per stored version, text and capture, with and without deduplication, measured on the
 * database a scenario leaves behind (bench:tracker, must show 5 of issue 13).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { markdown } from './tracker-table.ts';

export interface StorageReport {
  name: string;
  versions: number;
  firstVersions: number;
  /** Text: as if every version kept its whole paragraph list (JSON), and as stored (paragraphs once per article + id lists). */
  textWholePerExtra: number;
  textStoredPerExtra: number;
  textWholeTotal: number;
  textStoredTotal: number;
  /** Captures: bytes received per version, distinct bodies, and as stored (distinct, gzip). */
  captureRawPerVersion: number;
  captureDistinctPerVersion: number;
  captureStoredPerVersion: number;
  /** SQLite only: on-disk bytes of the full-text index per version (owned by search, not deduplicated). */
  ftsPerVersion: number | null;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

export async function measureStorage(name: string, dataDir: string, databaseUrl: string | null): Promise<StorageReport> {
  const store = await openStore({ dataDir, databaseUrl });
  try {
    const captures = await store.evidence.captureStats();
    const text = await store.evidence.textStats();
    let whole = 0;
    let wholeFirst = 0;
    let newParagraphBytesExtra = 0;
    let firstVersions = 0;
    let cursor: string | null = null;
    do {
      const page = await store.listArticles({ limit: 500, cursor });
      for (const a of page.items) {
        const seen = new Set<string>();
        for (const v of await store.listVersions(a.id)) {
          const bytes = utf8(JSON.stringify(v.paragraphs));
          whole += bytes;
          // What this version added to the paragraph store: the texts its article did not have yet.
          const added = v.paragraphs.filter((p) => !seen.has(p) && seen.add(p)).reduce((n, p) => n + utf8(p), 0);
          if (v.number === 1) {
            firstVersions++;
            wholeFirst += bytes;
          } else newParagraphBytesExtra += added;
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
    const stored = text.paragraphBytes + text.idListBytes + text.legacyTextBytes;
    const extra = Math.max(1, text.versions - firstVersions);
    // An extra version costs its new paragraph texts and its id list (the average list, measured).
    const storedPerExtra = newParagraphBytesExtra / extra + text.idListBytes / Math.max(1, text.versions);
    const per = (n: number) => n / Math.max(1, captures.versions);
    return {
      name,
      versions: text.versions,
      firstVersions,
      textWholePerExtra: (whole - wholeFirst) / extra,
      textStoredPerExtra: storedPerExtra,
      textWholeTotal: whole,
      textStoredTotal: stored,
      captureRawPerVersion: per(captures.undedupedRawBytes),
      captureDistinctPerVersion: per(captures.rawBytes),
      captureStoredPerVersion: per(captures.storedBytes),
      ftsPerVersion: databaseUrl ? null : ftsBytes(join(dataDir, 'redline.db')) / Math.max(1, text.versions),
    };
  } finally {
    await store.close();
  }
}

function ftsBytes(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare("SELECT SUM(pgsize) AS n FROM dbstat WHERE name LIKE 'version_fts%'").get() as { n: number | null };
    return Number(row.n ?? 0);
  } catch {
    return 0; // dbstat not compiled in
  } finally {
    db.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;

export function storageTable(rows: StorageReport[]): string {
  return markdown([
    [
      'setup',
      'versions (first)',
      'text/extra version, whole copy',
      'text/extra version, as stored',
      'text total whole / stored',
      'capture/version as received',
      'distinct bodies',
      'stored (dedup + gzip)',
      'full-text index/version',
    ],
    ...rows.map((r) => [
      r.name,
      `${r.versions} (${r.firstVersions})`,
      kb(r.textWholePerExtra),
      kb(r.textStoredPerExtra),
      `${kb(r.textWholeTotal)} / ${kb(r.textStoredTotal)}`,
      kb(r.captureRawPerVersion),
      kb(r.captureDistinctPerVersion),
      kb(r.captureStoredPerVersion),
      r.ftsPerVersion === null ? 'n/a (PostgreSQL)' : kb(r.ftsPerVersion),
    ]),
  ]);
}
