import type { CheckResult, CheckWrite } from '../store.ts';
import { VersionConflictError } from '../errors.ts';
import { updateArticle } from './articles.ts';
import type { Db } from './db.ts';
import { writeEvent } from './events.ts';
import { prepareVersionCapture, writeVersion, type VersionHooks } from './versions.ts';

/**
 * One check's writes in one transaction: the article's state (which releases the lease; first, so a
 * rel=canonical move is the URL the version's chain record and archive job carry; with a version, in
 * the same UPDATE that moves the version count), the new version (if any), then the events. A crash
 * or a conflict leaves none of them.
 */
export async function applyCheck(db: Db, hooks: VersionHooks, articleId: number, check: CheckWrite): Promise<CheckResult> {
  // Most checks find nothing new: their one UPDATE is atomic on its own (no transaction, no row lock:
  // one round trip instead of four on PostgreSQL). It throws NotFoundError for a missing article, as below.
  if (!check.version && check.events.length === 0) {
    await updateArticle(db, articleId, check.patch);
    return { version: null, events: [] };
  }
  const capture = check.version ? await prepareVersionCapture(db, check.version.input) : null;
  try {
    return await db.tx(async (tx) => {
      const { version: v } = check;
      // The version's first statement writes the patch too (versions.ts writeVersion); without one the patch is the check's write.
      let version = null;
      if (v) version = await writeVersion(tx, hooks, articleId, v.number, v.input, capture, check.patch);
      else await updateArticle(tx, articleId, check.patch); // locks the row; NotFoundError when there is none
      const events = [];
      for (const e of check.events) events.push(await writeEvent(tx, { ...e, articleId }));
      return { version, events };
    });
  } catch (err) {
    // The unique (article_id, number) index is the last line of defence against a racing writer.
    if (check.version && db.isUniqueViolation(err)) throw new VersionConflictError(articleId, check.version.number);
    throw err;
  }
}
