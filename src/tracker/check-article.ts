import { diffVersions, versionChange } from '../diff/index.ts';
import type { ExtractResult } from '../extract/index.ts';
import { canonicalizeUrl } from '../feeds/index.ts';
import type { Article, ArticleStatus, Millis, Version } from '../model/index.ts';
import type { ArticlePatch } from '../store/store.ts';
import { VersionConflictError } from '../store/errors.ts';
import { captureOf } from './baseline.ts';
import { compareWithHistory } from './compare.ts';
import type { FetchResult, GetOptions } from '../fetch/index.ts';
import type { TrackerDeps } from './deps.ts';
import { describeFailure, failureText, type FailureInfo } from './failure.ts';
import { DAY_MS, extractPage, type Kept } from './limits.ts';
import { renderModeOf } from './render-mode.ts';
import { articleAgeSec, nextCheck, periodAfterChange, periodAfterNoChange, periodAfterRevert } from './schedule.ts';

export type CheckStatus = 'new_version' | 'unchanged' | 'removed' | 'restored' | 'revert' | 'error';

export interface CheckOutcome {
  articleId: number;
  url: string;
  status: CheckStatus;
  /** The version stored (new_version) or returned to (revert). */
  versionNumber: number | null;
  /** The server answered 304 Not Modified. */
  notModified: boolean;
  wordsAdded: number;
  wordsRemoved: number;
  error: FailureInfo | null;
  nextCheckAt: Millis | null;
  retired: boolean;
}

/** What one check decided, before rescheduling. */
interface Verdict {
  status: CheckStatus;
  periodSec: number;
  articleStatus: ArticleStatus;
  patch: ArticlePatch;
  versionNumber?: number;
  notModified?: boolean;
  wordsAdded?: number;
  wordsRemoved?: number;
  error?: FailureInfo;
}

/**
 * The one orchestrator for an article, used by the daemon, `run --once` and `check URL`:
 * fetch (conditional) -> extract -> compare fingerprints -> store a version, a revert or nothing
 * -> reschedule. Fetch and extraction failures become outcomes; only store failures throw.
 */
export async function checkArticle(deps: TrackerDeps, article: Article): Promise<CheckOutcome> {
  const now = deps.now();
  const latest = await deps.store.getLatestVersion(article.id);
  let page: FetchResult;
  try {
    const options = validators(article, latest);
    page = deps.renderer && (await renderModeOf(deps, article)) === 'chromium'
      ? await deps.renderer.render(article.url, options)
      : await deps.fetcher.get(article.url, options);
  } catch (err) {
    return finish(deps, article, now, await failed(deps, article, now, err));
  }
  if (page.notModified && latest) return finish(deps, article, now, unchanged(deps, article, now, { notModified: true }));
  let kept: Kept;
  const extractStarted = performance.now();
  try {
    kept = await extractPage(deps, page.text, page.url);
  } catch (err) {
    deps.metrics?.extractionDone((performance.now() - extractStarted) / 1000);
    // Forget the validators: a 304 next time must not stand for a page we never read.
    return finish(deps, article, now, await failed(deps, article, now, err, { etag: null, lastModified: null }));
  }
  deps.metrics?.extractionDone((performance.now() - extractStarted) / 1000);
  const { extraction } = kept;
  const fresh = { etag: page.etag, lastModified: page.lastModified };
  if (!latest) await adoptCanonicalUrl(deps, article, extraction, page.url);
  const comparison = await compareWithHistory(deps, article, latest, extraction.fingerprint);
  if (comparison.kind === 'same') return finish(deps, article, now, unchanged(deps, article, now, { patch: fresh }));
  if (comparison.kind === 'revert') {
    await addEvent(deps, article.id, now, 'revert', comparison.to, null);
    const periodSec = periodAfterRevert(deps.config.schedule, article.checkPeriodSec, articleAgeSec(article, now));
    return finish(deps, article, now, { status: 'revert', periodSec, articleStatus: 'active', patch: fresh, versionNumber: comparison.to });
  }
  const limited = await overVersionLimit(deps, article, now);
  if (limited) return finish(deps, article, now, limited);
  if (kept.cutFrom !== null) await noteTextCut(deps, article, now, kept.cutFrom);
  return finish(deps, article, now, await storeVersion(deps, article, latest, extraction, page, now, fresh));
}

/** A page that changes on every check gets at most limits.versionsPerArticlePerDay versions a day; the change waits. */
async function overVersionLimit(deps: TrackerDeps, article: Article, now: Millis): Promise<Verdict | null> {
  const limit = deps.config.limits.versionsPerArticlePerDay;
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
  await deps.store.recordSourceLimit(article.sourceId, { at: now, count: 1, note: `article ${article.id}: a new version held back, ${recent} stored in 24 h (limit ${limit} per article per day)` });
  const periodSec = periodAfterNoChange(deps.config.schedule, article.checkPeriodSec, articleAgeSec(article, now));
  // No validators: a 304 next time must not stand for the change we did not store.
  return { status: 'error', periodSec, articleStatus: article.status === 'retired' ? 'active' : article.status, patch: { etag: null, lastModified: null, lastError: failureText(error) }, error };
}

async function noteTextCut(deps: TrackerDeps, article: Article, now: Millis, chars: number): Promise<void> {
  const limit = deps.config.limits.maxTextChars;
  deps.log.warn('text_cut', { article: article.id, chars, limit });
  await deps.store.recordSourceLimit(article.sourceId, { at: now, count: 1, note: `article ${article.id}: text of ${chars} characters cut to the limit of ${limit}` });
}

function validators(article: Article, latest: Version | null): GetOptions {
  // Without a stored version a 304 would leave us with nothing, so the first fetch is unconditional.
  if (!latest) return { accept: 'html' };
  return { accept: 'html', etag: article.etag ?? undefined, lastModified: article.lastModified ?? undefined };
}

function unchanged(deps: TrackerDeps, article: Article, now: Millis, extra: { notModified?: boolean; patch?: ArticlePatch }): Verdict {
  const restored = article.status === 'removed';
  const { schedule } = deps.config;
  const ageSec = articleAgeSec(article, now);
  return {
    status: restored ? 'restored' : 'unchanged',
    periodSec: restored ? periodAfterChange(schedule, ageSec) : periodAfterNoChange(schedule, article.checkPeriodSec, ageSec),
    articleStatus: 'active',
    patch: { lastError: null, ...extra.patch },
    notModified: extra.notModified,
  };
}

async function failed(deps: TrackerDeps, article: Article, now: Millis, err: unknown, patch: ArticlePatch = {}): Promise<Verdict> {
  const error = describeFailure(err);
  const periodSec = periodAfterNoChange(deps.config.schedule, article.checkPeriodSec, articleAgeSec(article, now));
  if (error.stage === 'fetch' && error.kind === 'gone') {
    // A takedown is news: one event when it happens, then keep checking with backoff.
    // The detail is read next to the article's own URL, so the status says it all (`HTTP 410`).
    const detail = error.status ? `HTTP ${error.status}` : error.message;
    if (article.status !== 'removed') await addEvent(deps, article.id, now, 'removed', null, detail);
    return { status: 'removed', periodSec, articleStatus: 'removed', patch: { ...patch, lastError: null } };
  }
  const articleStatus = article.status === 'retired' ? 'active' : article.status;
  return { status: 'error', periodSec, articleStatus, patch: { ...patch, lastError: failureText(error) }, error };
}

async function storeVersion(
  deps: TrackerDeps,
  article: Article,
  latest: Version | null,
  extraction: ExtractResult,
  page: FetchResult,
  now: Millis,
  patch: ArticlePatch,
): Promise<Verdict> {
  const { canonicalUrl: _canonical, ...fields } = extraction;
  // The diff against the latest version gives the word counts and the change labels kept with the version.
  const model = latest ? diffVersions(latest, extraction) : null;
  const summary = model ? model.summary : { wordsAdded: 0, wordsRemoved: 0 };
  const change = model ? versionChange(model) : null;
  const number = (latest?.number ?? 0) + 1;
  const capture = deps.config.worker.keepRaw ? captureOf(article.url, page) : null;
  const archive = await archives(deps, article);
  const periodSec = periodAfterChange(deps.config.schedule, articleAgeSec(article, now));
  const next = nextCheck(deps.config.schedule, periodSec, now);
  const reschedule = { checkPeriodSec: next.checkPeriodSec, nextCheckAt: next.nextCheckAt };
  try {
    await deps.store.addVersion(article.id, number, { ...fields, capturedAt: now, rawHtml: null, capture, archive, wordsAdded: summary.wordsAdded, wordsRemoved: summary.wordsRemoved, reschedule, change });
  } catch (err) {
    if (!(err instanceof VersionConflictError)) throw err;
    // Another worker stored this version first: its record stands, we only reschedule.
    deps.log.warn('version_conflict', { article: article.id, version: number });
    return { status: 'unchanged', periodSec, articleStatus: 'active', patch: { ...patch, lastError: null } };
  }
  return {
    status: 'new_version',
    periodSec,
    articleStatus: 'active',
    patch: { ...patch, lastError: null },
    versionNumber: number,
    wordsAdded: summary.wordsAdded,
    wordsRemoved: summary.wordsRemoved,
  };
}

/** Whether new versions of this article's source go to the Wayback Machine (config evidence.wayback.sources). */
async function archives(deps: TrackerDeps, article: Article): Promise<boolean> {
  const { sources } = deps.config.evidence.wayback;
  if (sources.length === 0) return false;
  if (sources.includes('*')) return true;
  // Only when a version is stored, which is rare next to checks.
  const source = await deps.store.getSource(article.sourceId);
  return source !== null && sources.includes(source.key);
}

/** Respects <link rel=canonical> found on the first fetch, unless another article already has that URL. */
async function adoptCanonicalUrl(deps: TrackerDeps, article: Article, extraction: ExtractResult, pageUrl: string): Promise<void> {
  if (!extraction.canonicalUrl) return;
  let canonical: string;
  try {
    canonical = canonicalizeUrl(extraction.canonicalUrl, pageUrl);
  } catch {
    return;
  }
  const target = new URL(canonical);
  // A canonical link to a home page is a site bug, not this article's address; one to another site
  // (syndicated copies) would move the article to a host it is not scheduled under.
  if (canonical === article.url || !/^https?:$/.test(target.protocol) || target.pathname === '/') return;
  if (bareHost(target.hostname) !== bareHost(new URL(article.url).hostname)) return;
  if (await deps.store.getArticleByUrl(canonical)) return;
  await deps.store.updateArticle(article.id, { url: canonical });
  deps.log.info('canonical', { article: article.id, from: article.url, to: canonical });
  article.url = canonical;
}

function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

async function addEvent(deps: TrackerDeps, articleId: number, at: Millis, kind: 'removed' | 'restored' | 'revert' | 'retired', versionNumber: number | null, detail: string | null): Promise<void> {
  await deps.store.addEvent({ articleId, at, kind, versionNumber, detail });
}

async function finish(deps: TrackerDeps, article: Article, now: Millis, v: Verdict): Promise<CheckOutcome> {
  const next = nextCheck(deps.config.schedule, v.periodSec, now);
  // Back after a takedown: recorded only once the page was read successfully again.
  if (article.status === 'removed' && v.articleStatus === 'active') await addEvent(deps, article.id, now, 'restored', null, null);
  if (next.retired && article.status !== 'retired') {
    await addEvent(deps, article.id, now, 'retired', null, `check period ${v.periodSec}s exceeds ${deps.config.schedule.retireAfterSec}s`);
  }
  await deps.store.updateArticle(article.id, {
    ...v.patch,
    status: next.retired ? 'retired' : v.articleStatus,
    checkPeriodSec: next.checkPeriodSec,
    nextCheckAt: next.nextCheckAt,
    lastCheckedAt: now,
  });
  const outcome: CheckOutcome = {
    articleId: article.id,
    url: article.url,
    status: v.status,
    versionNumber: v.versionNumber ?? null,
    notModified: v.notModified ?? false,
    wordsAdded: v.wordsAdded ?? 0,
    wordsRemoved: v.wordsRemoved ?? 0,
    error: v.error ?? null,
    nextCheckAt: next.nextCheckAt,
    retired: next.retired,
  };
  logOutcome(deps, outcome);
  return outcome;
}

function logOutcome(deps: TrackerDeps, o: CheckOutcome): void {
  const fields = {
    article: o.articleId,
    status: o.status,
    version: o.versionNumber ?? undefined,
    // Word counts compare with the previous version; version 1 has none.
    added: o.status === 'new_version' && o.versionNumber !== 1 ? o.wordsAdded : undefined,
    removed: o.status === 'new_version' && o.versionNumber !== 1 ? o.wordsRemoved : undefined,
    not_modified: o.notModified || undefined,
    stage: o.error?.stage,
    kind: o.error?.kind,
    error: o.error?.message,
    next: o.nextCheckAt === null ? 'never' : new Date(o.nextCheckAt).toISOString(),
  };
  if (o.error) deps.log.error('check', fields);
  else deps.log.info('check', fields);
}
