import type { Article, Millis } from '../model/index.ts';
import type { TrackerDeps } from './deps.ts';
import { failureText, type FailureInfo } from './failure.ts';
import { DAY_MS } from './limits.ts';
import { articleAgeSec, periodAfterNoChange } from './schedule.ts';
import type { Verdict } from './verdict.ts';

// The per-article limits a check meets (config limits): versions per day, characters of text.

/** A page that changes on every check gets at most limits.versionsPerArticlePerDay versions a day; the change waits. */
export async function overVersionLimit(deps: TrackerDeps, article: Article, now: Millis): Promise<Verdict | null> {
  const limit = deps.config.limits.versionsPerArticlePerDay;
  // Version numbers are never reused: fewer versions in all than the limit means fewer today, without a query.
  if (article.versionCount < limit) return null;
  const recent = await deps.store.countVersionsSince(article.id, now - DAY_MS);
  if (recent < limit) return null;
  const error: FailureInfo = {
    stage: 'limit',
    kind: 'versions-per-day',
    message: `${recent} versions stored in the last 24 hours (limit ${limit}); this change is stored once the window allows`,
    status: null,
    retryAfterMs: null,
  };
  deps.log.warn('article_limited', { article: article.id, source: article.sourceId, versions_today: recent, limit });
  await deps.store.recordSourceLimit(article.sourceId, {
    at: now,
    count: 1,
    note: `article ${article.id}: a new version held back, ${recent} stored in 24 h (limit ${limit} per article per day)`,
  });
  const periodSec = periodAfterNoChange(deps.config.schedule, article.checkPeriodSec, articleAgeSec(article, now));
  // No validators: a 304 next time must not stand for the change we did not store.
  return {
    status: 'error',
    periodSec,
    articleStatus: article.status === 'retired' ? 'active' : article.status,
    patch: { etag: null, lastModified: null, bodyDigest: null, lastError: failureText(error) },
    error,
  };
}

export async function noteTextCut(deps: TrackerDeps, article: Article, now: Millis, chars: number): Promise<void> {
  const limit = deps.config.limits.maxTextChars;
  deps.log.warn('text_cut', { article: article.id, chars, limit });
  await deps.store.recordSourceLimit(article.sourceId, {
    at: now,
    count: 1,
    note: `article ${article.id}: text of ${chars} characters cut to the limit of ${limit}`,
  });
}
