import type { ArticleEvent, ChainRecord, RecordKind, Version } from '../../model/index.ts';
import { GENESIS, eventRecordHash, textDigest, versionRecordHash } from '../chain.ts';
import { StoreError } from '../errors.ts';
import type { Db, Row } from './db.ts';

// Chain writes happen inside the transaction that stores the version or event, with the article's
// row locked (PostgreSQL) or SQLite's single write lock held: two workers can never both append to
// one article's chain, and a version never exists without its record.

export const RECORD_COLUMNS = `r.id, r.article_id, r.kind, r.version_id, r.event_id, r.seq, r.url, r.text_digest, r.capture_digest,
  r.prev_hash, r.record_hash, r.root_id`;

export function toRecord(r: Row): ChainRecord {
  const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(r.id),
    articleId: Number(r.article_id),
    kind: String(r.kind) as RecordKind,
    versionId: numOrNull(r.version_id),
    eventId: numOrNull(r.event_id),
    seq: Number(r.seq),
    url: String(r.url),
    textDigest: strOrNull(r.text_digest),
    captureDigest: strOrNull(r.capture_digest),
    prevHash: String(r.prev_hash),
    recordHash: String(r.record_hash),
    rootId: numOrNull(r.root_id),
  };
}

/** The article's URL and the head of one of its chains, in one round trip. */
async function chainHead(tx: Db, articleId: number, kind: RecordKind): Promise<{ url: string; seq: number; hash: string }> {
  const row = await tx.get<{ url: string; seq: number | null; record_hash: string | null }>(
    `SELECT a.url, r.seq, r.record_hash FROM articles a
     LEFT JOIN records r ON r.id = (SELECT id FROM records WHERE article_id = a.id AND kind = ? ORDER BY seq DESC LIMIT 1)
     WHERE a.id = ?`,
    [kind, articleId],
  );
  if (!row) throw new StoreError(`article ${articleId} not found`);
  const url = String(row.url);
  return row.record_hash === null ? { url, seq: 0, hash: GENESIS } : { url, seq: Number(row.seq), hash: String(row.record_hash) };
}

/** The head of an article's chain when its URL is already known (read in the same transaction). */
async function chainHeadOnly(tx: Db, articleId: number, kind: RecordKind): Promise<{ seq: number; hash: string }> {
  const row = await tx.get<{ seq: number; record_hash: string }>(
    'SELECT seq, record_hash FROM records WHERE article_id = ? AND kind = ? ORDER BY seq DESC LIMIT 1',
    [articleId, kind],
  );
  return row ? { seq: Number(row.seq), hash: String(row.record_hash) } : { seq: 0, hash: GENESIS };
}

/**
 * Appends a version to its article's chain (call inside the version's transaction, article locked).
 * `articleUrl`: the article's URL as this transaction left it, when the caller has just read it.
 */
export async function chainVersion(tx: Db, v: Version, captureDigest: string | null, articleUrl?: string): Promise<ChainRecord> {
  const head =
    articleUrl === undefined
      ? await chainHead(tx, v.articleId, 'version')
      : { url: articleUrl, ...(await chainHeadOnly(tx, v.articleId, 'version')) };
  const { url } = head;
  const text = textDigest(v);
  const recordHash = versionRecordHash({
    prevHash: head.hash,
    url,
    number: v.number,
    capturedAt: v.capturedAt,
    fingerprint: v.fingerprint,
    textDigest: text,
    captureDigest,
  });
  return insertRecord(tx, [v.articleId, 'version', v.id, null, v.number, url, text, captureDigest, head.hash, recordHash]);
}

/** Appends an event to its article's chain of events (inside the event's transaction, article locked). */
export async function chainEvent(tx: Db, e: ArticleEvent): Promise<ChainRecord> {
  const head = await chainHead(tx, e.articleId, 'event');
  const { url } = head;
  const seq = head.seq + 1;
  const recordHash = eventRecordHash({
    prevHash: head.hash,
    url,
    seq,
    at: e.at,
    kind: e.kind,
    versionNumber: e.versionNumber,
    detail: e.detail,
  });
  return insertRecord(tx, [e.articleId, 'event', null, e.id, seq, url, null, null, head.hash, recordHash]);
}

async function insertRecord(tx: Db, values: (string | number | null)[]): Promise<ChainRecord> {
  const row = await tx.get(
    `INSERT INTO records (article_id, kind, version_id, event_id, seq, url, text_digest, capture_digest, prev_hash, record_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${RECORD_COLUMNS.replace(/\br\./g, '')}`,
    values,
  );
  return toRecord(row!);
}

/** An article's records, versions then events, each in chain order. */
export async function listRecords(db: Db, articleId: number): Promise<ChainRecord[]> {
  const rows = await db.all(`SELECT ${RECORD_COLUMNS} FROM records r WHERE r.article_id = ? ORDER BY r.kind DESC, r.seq`, [articleId]);
  return rows.map(toRecord);
}

export async function getVersionRecord(db: Db, versionId: number): Promise<ChainRecord | null> {
  const row = await db.get(`SELECT ${RECORD_COLUMNS} FROM records r WHERE r.version_id = ?`, [versionId]);
  return row ? toRecord(row) : null;
}

/** Article ids that have records, ascending (verify walks every chain, including those whose versions were deleted). */
export async function listChainedArticleIds(db: Db): Promise<number[]> {
  const rows = await db.all<{ article_id: number }>(
    'SELECT article_id FROM records UNION SELECT article_id FROM versions ORDER BY article_id',
  );
  return rows.map((r) => Number(r.article_id));
}
