import { CHAINED_EVENT_KINDS } from '../chain.ts';
import { placeholders, type Db } from './db.ts';
import { bareCapture, insertCapture, prepareCapture } from './captures.ts';
import { decompressRaw } from './raw.ts';
import { chainEvent, chainVersion } from './records.ts';
import { readVersions } from './paragraphs.ts';
import { EVENT_COLUMNS, VERSION_COLUMNS, toEvent } from './rows.ts';
import type { VersionHooks } from './versions.ts';

const DONE_KEY = 'backfill.done';

/**
 * Brings a database from before migration 6 into the evidence model, once: each old raw page
 * (decoded text re-encoded as UTF-8) becomes a capture marked not exact, and the versions and
 * events stored before the chain existed are chained, in order. Article by article, each in one
 * transaction with the article locked, so it is safe while workers run and after an interruption.
 */
export async function backfillEvidence(db: Db, hooks: VersionHooks): Promise<number> {
  if (await db.get('SELECT value FROM evidence_state WHERE key = ?', [DONE_KEY])) return 0;
  const rows = await db.all<{ article_id: number }>(
    `SELECT DISTINCT x.article_id FROM (
       SELECT v.article_id FROM versions v WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.version_id = v.id)
       UNION SELECT e.article_id FROM events e WHERE e.kind IN (${placeholders(CHAINED_EVENT_KINDS.length)})
         AND NOT EXISTS (SELECT 1 FROM records r WHERE r.event_id = e.id)) x ORDER BY x.article_id`,
    [...CHAINED_EVENT_KINDS],
  );
  for (const { article_id } of rows) await backfillArticle(db, hooks, Number(article_id));
  await db.run('INSERT INTO evidence_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [DONE_KEY, String(Date.now())]);
  return rows.length;
}

async function backfillArticle(db: Db, hooks: VersionHooks, articleId: number): Promise<void> {
  await db.tx(async (tx) => {
    await hooks.lockArticle(tx, articleId);
    const versions = await readVersions(
      tx,
      await tx.all(
        `SELECT ${VERSION_COLUMNS} FROM versions v WHERE v.article_id = ?
         AND NOT EXISTS (SELECT 1 FROM records r WHERE r.version_id = v.id) ORDER BY v.number`,
        [articleId],
      ),
    );
    for (const v of versions) {
      const raw = await tx.get<{ encoding: string; body: Uint8Array }>('SELECT encoding, body FROM raw_pages WHERE version_id = ?', [v.id]);
      let digest: string | null = null;
      if (raw) {
        const bytes = decompressRaw(raw.encoding, raw.body);
        // Old raw pages are UTF-8 behind a BOM (tracker/baseline.ts rawForStorage).
        const capture = await prepareCapture(tx, { ...bareCapture(bytes), charset: 'utf-8' }, false);
        await insertCapture(tx, v.id, capture);
        await tx.run('DELETE FROM raw_pages WHERE version_id = ?', [v.id]);
        digest = capture.digest;
      }
      await chainVersion(tx, v, digest);
    }
    const events = (
      await tx.all(
        `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.article_id = ? AND e.kind IN (${placeholders(CHAINED_EVENT_KINDS.length)})
         AND NOT EXISTS (SELECT 1 FROM records r WHERE r.event_id = e.id) ORDER BY e.id`,
        [articleId, ...CHAINED_EVENT_KINDS],
      )
    ).map(toEvent);
    for (const e of events) await chainEvent(tx, e);
  });
}
