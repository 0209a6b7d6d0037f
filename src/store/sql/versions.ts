import { NotFoundError } from '../../model/index.ts';
import type { Version, VersionChange, VersionFingerprint, VersionInput } from '../../model/index.ts';
import { StoreError, VersionConflictError } from '../errors.ts';
import type { ArticlePatch } from '../store.ts';
import { LEASE_RELEASE, patchColumns, urlTaken } from './articles.ts';
import type { Db, Param } from './db.ts';
import { bareCapture, getCapture, insertCapture, prepareCapture, type PreparedCapture } from './captures.ts';
import { paragraphTextsColumn, readVersion, readVersions, readVersionWithTexts, storeParagraphs } from './paragraphs.ts';
import { chainVersion } from './records.ts';
import { VERSION_COLUMNS, bare, changeColumns, toVersionHead } from './rows.ts';
import { writeOutbox } from './outbox.ts';

/** What differs per database when a version is stored. */
export interface VersionHooks {
  /** Reads the article's version count, locking the row against other writers until commit. */
  lockArticle(tx: Db, articleId: number): Promise<{ version_count: number } | undefined>;
  /** Adds the version's text to the full-text index. */
  indexVersion(tx: Db, versionId: number, title: string, body: string): Promise<void>;
}

export async function addVersion(db: Db, hooks: VersionHooks, articleId: number, number: number, input: VersionInput): Promise<Version> {
  const capture = await prepareVersionCapture(db, input);
  try {
    return await db.tx((tx) => writeVersion(tx, hooks, articleId, number, input, capture, null));
  } catch (err) {
    // The unique (article_id, number) index is the last line of defence against a racing writer.
    if (db.isUniqueViolation(err)) throw new VersionConflictError(articleId, number);
    throw err;
  }
}

/** Hash and compress the capture before taking the write lock, so the lock is held only for the inserts. */
export async function prepareVersionCapture(db: Db, input: VersionInput): Promise<PreparedCapture | null> {
  const captureInput = input.capture ?? (input.rawHtml ? bareCapture(input.rawHtml) : null);
  return captureInput ? prepareCapture(db, captureInput, captureInput.exact ?? true) : null;
}

/**
 * Stores version `number` in a transaction. Its first statement moves the article to the version,
 * with the check's `patch` (which releases the lease) when given, only if the article has exactly
 * number - 1 versions: one UPDATE that locks the row, writes the check and the version count, and
 * returns the article's URL after the patch (a rel=canonical move is the URL the chain record and the
 * archive job carry). Null `patch`: addVersion, which leaves the lease and the schedule alone.
 */
export async function writeVersion(
  tx: Db,
  hooks: VersionHooks,
  articleId: number,
  number: number,
  input: VersionInput,
  capture: PreparedCapture | null,
  patch: ArticlePatch | null,
): Promise<Version> {
  const url = await moveToVersion(tx, hooks, articleId, number, input, patch);
  const version = await insertVersion(tx, articleId, number, input, capture !== null);
  if (capture) await insertCapture(tx, version.id, capture);
  const record = await chainVersion(tx, version, capture?.digest ?? null, url);
  if (input.archive) {
    await tx.run('INSERT INTO archive_jobs (version_id, url, next_attempt_at, created_at) VALUES (?, ?, ?, ?)', [
      version.id,
      record.url,
      input.capturedAt,
      input.capturedAt,
    ]);
  }
  await hooks.indexVersion(tx, version.id, input.title, input.paragraphs.join('\n'));
  // Same transaction: a stored change always has its deliveries (issue 11).
  await writeOutbox(tx, {
    articleId,
    versionId: version.id,
    number,
    capturedAt: input.capturedAt,
    change: input.change ?? null,
    title: input.title,
    paragraphs: input.paragraphs,
  });
  return version;
}

/** The article row's UPDATE for a new version (see writeVersion); returns its URL, or throws why it cannot take the version. */
async function moveToVersion(
  tx: Db,
  hooks: VersionHooks,
  articleId: number,
  number: number,
  input: VersionInput,
  patch: ArticlePatch | null,
): Promise<string> {
  // Later entries win, as the separate UPDATEs they replace did: the check, the version, then a reschedule.
  const sets = new Map<string, Param>(patch ? patchColumns(patch) : []);
  sets.set('version_count', number).set('last_version_at', input.capturedAt).set('title', input.title).set('last_seen_version', number);
  if (input.reschedule) {
    sets.set('check_period_sec', input.reschedule.checkPeriodSec).set('next_check_at', input.reschedule.nextCheckAt);
    sets.set('last_checked_at', input.capturedAt);
  }
  const assignments = [...(patch ? LEASE_RELEASE : []), ...[...sets.keys()].map((c) => `${c} = ?`)];
  let row: { url: string } | undefined;
  try {
    row = await tx.get<{ url: string }>(`UPDATE articles SET ${assignments.join(', ')} WHERE id = ? AND version_count = ? RETURNING url`, [
      ...sets.values(),
      articleId,
      number - 1,
    ]);
  } catch (err) {
    if (patch?.url && tx.isUniqueViolation(err)) throw urlTaken(articleId, patch.url, err);
    throw err;
  }
  if (row) return String(row.url);
  // Rare: say why (the row is locked from here on, as the UPDATE would have).
  const article = await hooks.lockArticle(tx, articleId);
  if (!article) throw new NotFoundError(`article ${articleId} not found`);
  const count = Number(article.version_count);
  if (number <= count) throw new VersionConflictError(articleId, number);
  throw new StoreError(`article ${articleId} has ${count} versions; cannot store version ${number}`);
}

async function insertVersion(tx: Db, articleId: number, number: number, v: VersionInput, hasRaw: boolean): Promise<Version> {
  const paragraphIds = await storeParagraphs(tx, articleId, v.paragraphs);
  const row = await tx.get(
    `INSERT INTO versions (article_id, number, captured_at, title, byline, published, paragraphs_json, paragraph_ids, fingerprint,
       extractor_version, words_added, words_removed, has_raw, change_labels, change_level, change_title_changed, change_preview)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING ${bare(VERSION_COLUMNS)}`,
    [
      articleId,
      number,
      v.capturedAt,
      v.title,
      v.byline,
      v.published,
      JSON.stringify(paragraphIds),
      v.fingerprint,
      v.extractorVersion,
      v.wordsAdded,
      v.wordsRemoved,
      hasRaw ? 1 : 0,
      ...changeColumns(v.change),
    ],
  );
  // The texts were just written: no need to read them back.
  return { ...toVersionHead(row!), paragraphs: [...v.paragraphs] };
}

export async function listVersions(db: Db, articleId: number, options: { includeHidden?: boolean } = {}): Promise<Version[]> {
  const visible = options.includeHidden ? '' : 'AND v.hidden_at IS NULL';
  const rows = await db.all(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE v.article_id = ? ${visible} ORDER BY v.number`, [articleId]);
  return readVersions(db, rows);
}

export async function getVersion(db: Db, articleId: number, number: number): Promise<Version | null> {
  const row = await db.get(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE v.article_id = ? AND v.number = ?`, [articleId, number]);
  return readVersion(db, row);
}

export async function listFingerprints(db: Db, articleId: number): Promise<VersionFingerprint[]> {
  const rows = await db.all(
    `SELECT id, article_id, number, fingerprint, extractor_version, baseline_fingerprint, baseline_extractor_version, has_raw
     FROM versions WHERE article_id = ? ORDER BY number DESC`,
    [articleId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    articleId: Number(r.article_id),
    number: Number(r.number),
    fingerprint: String(r.fingerprint),
    extractorVersion: String(r.extractor_version),
    baselineFingerprint: r.baseline_fingerprint === null ? null : String(r.baseline_fingerprint),
    baselineExtractorVersion: r.baseline_extractor_version === null ? null : String(r.baseline_extractor_version),
    hasRaw: Number(r.has_raw) === 1,
  }));
}

/** Versions by (article, number), hidden ones included, in one query per chunk of pairs. */
export async function getVersions(db: Db, refs: { articleId: number; number: number }[]): Promise<Version[]> {
  const out: Version[] = [];
  const CHUNK = 200;
  for (let i = 0; i < refs.length; i += CHUNK) {
    const chunk = refs.slice(i, i + CHUNK);
    const rows = await db.all(
      `SELECT ${VERSION_COLUMNS} FROM versions v WHERE ${chunk.map(() => '(v.article_id = ? AND v.number = ?)').join(' OR ')}`,
      chunk.flatMap((r) => [r.articleId, r.number]),
    );
    out.push(...(await readVersions(db, rows)));
  }
  return out;
}

/** Read before every extracted check: the row and its texts in one query. */
export async function getLatestVersion(db: Db, articleId: number): Promise<Version | null> {
  const row = await db.get(
    `SELECT ${VERSION_COLUMNS}, ${paragraphTextsColumn(db.dialect)} FROM versions v WHERE v.article_id = ? ORDER BY v.number DESC LIMIT 1`,
    [articleId],
  );
  return readVersionWithTexts(db, row);
}

export async function getRawHtml(db: Db, articleId: number, number: number): Promise<Uint8Array | null> {
  return (await getCapture(db, articleId, number))?.body ?? null;
}

export async function setBaseline(db: Db, versionId: number, fingerprint: string, extractorVersion: string) {
  const changed = await db.run('UPDATE versions SET baseline_fingerprint = ?, baseline_extractor_version = ? WHERE id = ?', [
    fingerprint,
    extractorVersion,
    versionId,
  ]);
  if (changed === 0) throw new NotFoundError(`version ${versionId} not found`);
}

/** Versions 2+ whose change was never computed (stored before migration 3), oldest first. */
export async function listUnlabelledVersions(db: Db, limit: number): Promise<{ articleId: number; number: number }[]> {
  const rows = await db.all<{ article_id: number; number: number }>(
    'SELECT article_id, number FROM versions WHERE change_labels IS NULL AND number >= 2 ORDER BY id LIMIT ?',
    [limit],
  );
  return rows.map((r) => ({ articleId: Number(r.article_id), number: Number(r.number) }));
}

export async function setVersionChange(db: Db, articleId: number, number: number, change: VersionChange): Promise<void> {
  const changed = await db.run(
    'UPDATE versions SET change_labels = ?, change_level = ?, change_title_changed = ?, change_preview = ? WHERE article_id = ? AND number = ?',
    [...changeColumns(change), articleId, number],
  );
  if (changed === 0) throw new NotFoundError(`article ${articleId} has no version ${number}`);
}
