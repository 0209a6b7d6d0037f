import type { Capture, CaptureInfo, CaptureInput } from '../../model/index.ts';
import { bytesDigest } from '../chain.ts';
import type { Db, Row } from './db.ts';
import { compressCapture, decompressRaw } from './raw.ts';

/** A capture made ready outside the write transaction: hashed, and compressed unless its bytes are already kept. */
export interface PreparedCapture {
  input: CaptureInput;
  digest: string;
  exact: boolean;
  compressed: { encoding: string; body: Uint8Array } | null;
}

export async function prepareCapture(db: Db, input: CaptureInput, exact = true): Promise<PreparedCapture> {
  const digest = bytesDigest(input.body);
  const known = await db.get('SELECT 1 AS one FROM captures WHERE digest = ?', [digest]);
  return { input, digest, exact, compressed: known ? null : compressCapture(input.body, input.gzip) };
}

/** Raw HTML without an HTTP envelope (callers that predate exact captures, copies of old databases). */
export function bareCapture(body: Uint8Array): CaptureInput {
  return { body, requestUrl: null, finalUrl: null, status: null, statusLine: null, headers: null, requestHeaders: null, charset: null };
}

/** Stores the bytes (once per digest) and the version's envelope; inside the version's transaction. */
export async function insertCapture(tx: Db, versionId: number, c: PreparedCapture): Promise<void> {
  // Known before the transaction, so not compressed; pruning may have removed it since (rare): then compress now.
  const stillKept = !c.compressed && (await tx.get('SELECT 1 AS one FROM captures WHERE digest = ?', [c.digest]));
  if (!stillKept) {
    const body = c.compressed ?? compressCapture(c.input.body, c.input.gzip);
    await tx.run('INSERT INTO captures (digest, encoding, size, body) VALUES (?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING', [
      c.digest,
      body.encoding,
      c.input.body.byteLength,
      body.body,
    ]);
  }
  const i = c.input;
  await tx.run(
    `INSERT INTO version_captures (version_id, digest, size, exact, request_url, final_url, status, status_line, headers_json,
       request_headers_json, charset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      versionId,
      c.digest,
      i.body.byteLength,
      c.exact ? 1 : 0,
      i.requestUrl,
      i.finalUrl,
      i.status,
      i.statusLine,
      i.headers ? JSON.stringify(i.headers) : null,
      i.requestHeaders ? JSON.stringify(i.requestHeaders) : null,
      i.charset,
    ],
  );
}

const INFO_COLUMNS = `vc.version_id, vc.digest, vc.size, vc.exact, vc.request_url, vc.final_url, vc.status, vc.status_line,
  vc.headers_json, vc.request_headers_json, vc.charset, vc.pinned`;

function toInfo(r: Row, hasBytes: boolean): CaptureInfo {
  const list = (v: unknown) => (v === null || v === undefined ? null : (JSON.parse(String(v)) as [string, string][]));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    versionId: Number(r.version_id),
    digest: String(r.digest),
    size: Number(r.size),
    exact: Number(r.exact) === 1,
    requestUrl: str(r.request_url),
    finalUrl: str(r.final_url),
    status: r.status === null || r.status === undefined ? null : Number(r.status),
    statusLine: str(r.status_line),
    headers: list(r.headers_json),
    requestHeaders: list(r.request_headers_json),
    charset: str(r.charset),
    pinned: Number(r.pinned) === 1,
    hasBytes,
  };
}

export async function getCaptureInfo(db: Db, versionId: number): Promise<CaptureInfo | null> {
  const row = await db.get(
    `SELECT ${INFO_COLUMNS}, CASE WHEN c.digest IS NULL THEN 0 ELSE 1 END AS has_bytes
     FROM version_captures vc LEFT JOIN captures c ON c.digest = vc.digest WHERE vc.version_id = ?`,
    [versionId],
  );
  return row ? toInfo(row, Number(row.has_bytes) === 1) : null;
}

/** The capture of a version with its bytes; null when none was kept or retention pruned the bytes. */
export async function getCapture(db: Db, articleId: number, number: number): Promise<Capture | null> {
  const row = await db.get(
    `SELECT ${INFO_COLUMNS}, c.encoding, c.body FROM version_captures vc
     JOIN versions v ON v.id = vc.version_id JOIN captures c ON c.digest = vc.digest
     WHERE v.article_id = ? AND v.number = ?`,
    [articleId, number],
  );
  if (!row) return null;
  const { versionId: _v, size: _s, hasBytes: _h, ...info } = toInfo(row, true);
  return { ...info, body: decompressRaw(String(row.encoding), row.body as Uint8Array) };
}

/** The bytes kept under a digest, decompressed; null when not kept. */
export async function getCaptureBytes(db: Db, digest: string): Promise<Uint8Array | null> {
  const row = await db.get<{ encoding: string; body: Uint8Array }>('SELECT encoding, body FROM captures WHERE digest = ?', [digest]);
  return row ? decompressRaw(row.encoding, row.body) : null;
}
