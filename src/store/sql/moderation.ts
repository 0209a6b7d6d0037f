import type { AuditEntry, HiddenItem, Millis, NewAuditEntry, Page } from '../../model/index.ts';
import type { Hide } from '../store.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import type { Db, Param } from './db.ts';

// Legal hides, paused sources and the audit log. A hide is a timestamp and a reason on the row
// itself, so reader queries filter with `hidden_at IS NULL` and unhiding restores everything.

export async function setArticleHidden(db: Db, articleId: number, hide: Hide | null): Promise<boolean> {
  const changed = await db.run('UPDATE articles SET hidden_at = ?, hidden_reason = ? WHERE id = ?', [
    hide?.at ?? null,
    hide?.reason ?? null,
    articleId,
  ]);
  return changed > 0;
}

/** Hides or unhides one version; the article's headline becomes that of its latest visible version. */
export async function setVersionHidden(db: Db, articleId: number, number: number, hide: Hide | null): Promise<boolean> {
  return db.tx(async (tx) => {
    const changed = await tx.run('UPDATE versions SET hidden_at = ?, hidden_reason = ? WHERE article_id = ? AND number = ?', [
      hide?.at ?? null,
      hide?.reason ?? null,
      articleId,
      number,
    ]);
    if (changed === 0) return false;
    await tx.run(
      `UPDATE articles SET title = COALESCE((SELECT v.title FROM versions v WHERE v.article_id = ? AND v.hidden_at IS NULL
         ORDER BY v.number DESC LIMIT 1), feed_title) WHERE id = ?`,
      [articleId, articleId],
    );
    return true;
  });
}

/** Hidden articles and hidden versions of visible articles, most recently hidden first. */
export async function listHidden(db: Db): Promise<HiddenItem[]> {
  const rows = await db.all(
    `SELECT a.id AS article_id, NULL AS version_number, a.title, a.url, s.key AS source_key, a.hidden_at, a.hidden_reason
       FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.hidden_at IS NOT NULL
     UNION ALL
     SELECT a.id, v.number, v.title, a.url, s.key, v.hidden_at, v.hidden_reason
       FROM versions v JOIN articles a ON a.id = v.article_id JOIN sources s ON s.id = a.source_id
       WHERE v.hidden_at IS NOT NULL
     ORDER BY hidden_at DESC, article_id DESC`,
  );
  return rows.map((r) => ({
    articleId: Number(r.article_id),
    versionNumber: r.version_number === null ? null : Number(r.version_number),
    title: r.title === null ? null : String(r.title),
    url: String(r.url),
    sourceKey: String(r.source_key),
    hiddenAt: Number(r.hidden_at),
    reason: r.hidden_reason === null ? null : String(r.hidden_reason),
  }));
}

export async function setSourcePaused(db: Db, key: string, at: Millis | null): Promise<boolean> {
  return (await db.run('UPDATE sources SET paused_at = ? WHERE key = ?', [at, key])) > 0;
}

const AUDIT_COLUMNS = 'id, at, actor, action, target, reason';

function toAudit(r: Record<string, unknown>): AuditEntry {
  return {
    id: Number(r.id),
    at: Number(r.at),
    actor: String(r.actor),
    action: String(r.action),
    target: String(r.target),
    reason: r.reason === null || r.reason === undefined ? null : String(r.reason),
  };
}

export async function addAudit(db: Db, e: NewAuditEntry): Promise<AuditEntry> {
  const row = await db.get(`INSERT INTO audit_log (at, actor, action, target, reason) VALUES (?, ?, ?, ?, ?) RETURNING ${AUDIT_COLUMNS}`, [
    e.at,
    e.actor,
    e.action,
    e.target,
    e.reason,
  ]);
  return toAudit(row!);
}

/** Newest first. */
export async function listAudit(db: Db, q: { limit: number; cursor?: string | null }): Promise<Page<AuditEntry>> {
  const params: Param[] = [];
  let where = '';
  if (q.cursor) {
    where = 'WHERE id < ?';
    params.push(decodeCursor(q.cursor, 1)[0]);
  }
  const rows = await db.all(`SELECT ${AUDIT_COLUMNS} FROM audit_log ${where} ORDER BY id DESC LIMIT ?`, [...params, q.limit + 1]);
  return pageOf(rows.map(toAudit), q.limit, (last) => [last.id]);
}
