import type { Millis } from '../../model/index.ts';
import type { CaptureStats, PruneResult, TextStats } from '../evidence.ts';
import type { Db } from './db.ts';

// A version's capture is kept while it is recent, the article's first or latest version, or pinned.
const KEPT = (vc: string, v: string, a: string) =>
  `(${v}.captured_at >= ? OR ${v}.number = 1 OR ${v}.number = ${a}.version_count OR ${vc}.pinned = 1)`;

const PRUNABLE_DIGESTS = `SELECT vc.digest FROM version_captures vc JOIN versions v ON v.id = vc.version_id
  JOIN articles a ON a.id = v.article_id WHERE NOT ${KEPT('vc', 'v', 'a')}`;
const STILL_NEEDED = `SELECT 1 FROM version_captures k JOIN versions kv ON kv.id = k.version_id
  JOIN articles ka ON ka.id = kv.article_id WHERE k.digest = captures.digest AND ${KEPT('k', 'kv', 'ka')}`;

export async function pruneCaptures(db: Db, cutoff: Millis): Promise<PruneResult> {
  return db.tx(async (tx) => {
    const where = `digest IN (${PRUNABLE_DIGESTS}) AND NOT EXISTS (${STILL_NEEDED})`;
    const sizes = await tx.get<{ n: number; bytes: number | null }>(
      `SELECT COUNT(*) AS n, SUM(length(body)) AS bytes FROM captures WHERE ${where}`,
      [cutoff, cutoff],
    );
    const deleted = await tx.run(`DELETE FROM captures WHERE ${where}`, [cutoff, cutoff]);
    await tx.run(
      `UPDATE versions SET has_raw = 0 WHERE has_raw = 1 AND id IN (SELECT vc.version_id FROM version_captures vc
       WHERE NOT EXISTS (SELECT 1 FROM captures c WHERE c.digest = vc.digest))`,
    );
    return { captures: deleted, storedBytes: deleted ? Number(sizes?.bytes ?? 0) : 0 };
  });
}

export async function setPinned(db: Db, versionId: number, pinned: boolean): Promise<boolean> {
  return (await db.run('UPDATE version_captures SET pinned = ? WHERE version_id = ?', [pinned ? 1 : 0, versionId])) > 0;
}

export async function captureStats(db: Db): Promise<CaptureStats> {
  const r = await db.get<Record<string, number | null>>(
    `SELECT (SELECT COUNT(*) FROM versions) AS versions,
       (SELECT COUNT(*) FROM version_captures) AS with_capture,
       (SELECT COUNT(*) FROM version_captures vc WHERE EXISTS (SELECT 1 FROM captures c WHERE c.digest = vc.digest)) AS with_bytes,
       (SELECT COUNT(*) FROM captures) AS distinct_bodies,
       (SELECT SUM(size) FROM captures) AS raw_bytes,
       (SELECT SUM(length(body)) FROM captures) AS stored_bytes,
       (SELECT SUM(size) FROM version_captures) AS undeduped`,
  );
  const n = (v: number | null | undefined) => Number(v ?? 0);
  return {
    versions: n(r?.versions),
    withCapture: n(r?.with_capture),
    withBytes: n(r?.with_bytes),
    distinctBodies: n(r?.distinct_bodies),
    rawBytes: n(r?.raw_bytes),
    storedBytes: n(r?.stored_bytes),
    undedupedRawBytes: n(r?.undeduped),
  };
}

export async function textStats(db: Db): Promise<TextStats> {
  const bytes = (col: string) => (db.dialect === 'postgres' ? `octet_length(${col})` : `length(CAST(${col} AS BLOB))`);
  const r = await db.get<Record<string, number | null>>(
    `SELECT (SELECT COUNT(*) FROM versions) AS versions,
       (SELECT COUNT(*) FROM paragraph_texts) AS paragraph_rows,
       (SELECT SUM(${bytes('text')}) FROM paragraph_texts) AS paragraph_bytes,
       (SELECT SUM(${bytes('paragraph_ids')}) FROM versions) AS id_bytes,
       (SELECT SUM(${bytes('paragraphs_json')}) FROM versions) AS legacy_bytes`,
  );
  const n = (v: number | null | undefined) => Number(v ?? 0);
  return {
    versions: n(r?.versions),
    paragraphRows: n(r?.paragraph_rows),
    paragraphBytes: n(r?.paragraph_bytes),
    idListBytes: n(r?.id_bytes),
    legacyTextBytes: n(r?.legacy_bytes),
  };
}
