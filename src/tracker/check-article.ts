import { diffVersions, versionChange } from '../diff/index.ts';
import type { ExtractResult } from '../extract/index.ts';
import type { Article, Millis, Version, VersionInput } from '../model/index.ts';
import type { ArticlePatch } from '../store/store.ts';
import { VersionConflictError } from '../store/errors.ts';
import { captureOf } from './baseline.ts';
import { bodyDigest, bodyKeyOf, type SeenState } from './body-digest.ts';
import { compareWithHistory } from './compare.ts';
import type { FetchResult, GetOptions } from '../fetch/index.ts';
import type { TrackerDeps } from './deps.ts';
import { canonicalUrlOf } from './canonical.ts';
import { noteTextCut, overVersionLimit } from './check-limits.ts';
import { event, type CheckStatus, type Verdict } from './verdict.ts';
import { describeFailure, failureText, type FailureInfo } from './failure.ts';
import { extractPage, type Kept } from './limits.ts';
import { renderModeOf } from './render-mode.ts';
import { articleAgeSec, nextCheck, periodAfterChange, periodAfterNoChange, periodAfterRevert } from './schedule.ts';

export type { CheckStatus };

export interface CheckOutcome {
  articleId: number;
  url: string;
  status: CheckStatus;
  /** The version stored (new_version) or returned to (revert). */
  versionNumber: number | null;
  /** The server answered 304 Not Modified. */
  notModified: boolean;
  /** The body was byte for byte the one the last check read (same extractor): not extracted again. */
  sameBody: boolean;
  wordsAdded: number;
  wordsRemoved: number;
  error: FailureInfo | null;
  nextCheckAt: Millis | null;
  retired: boolean;
}

/**
 * The one orchestrator for an article, used by the daemon, `run --once` and `check URL`:
 * fetch (conditional) -> extract -> compare fingerprints -> store a version, a revert or nothing
 * -> reschedule. Fetch and extraction failures become outcomes; only store failures throw.
 */
export async function checkArticle(deps: TrackerDeps, article: Article): Promise<CheckOutcome> {
  const now = deps.now();
  // Versions are numbered 1, 2, ... and never deleted: the count is the latest number (0: none yet).
  const stored = article.versionCount > 0;
  const state: SeenState | null = stored ? { latest: article.versionCount, seen: article.lastSeenVersion ?? article.versionCount } : null;
  const digestAt = (key: string, s: SeenState) => bodyDigest(key, deps.config.limits, s);
  // The very bytes the last check read, under the same extractor: its answer ("same") stands, unextracted.
  const seenBefore = (key: string) => state !== null && article.bodyDigest !== null && article.bodyDigest === digestAt(key, state);
  let page: FetchResult;
  try {
    const options: GetOptions = { ...validators(article, stored), knownBody: seenBefore };
    page =
      deps.renderer && (await renderModeOf(deps, article)) === 'chromium'
        ? await deps.renderer.render(article.url, options)
        : await deps.fetcher.get(article.url, options);
  } catch (err) {
    return finish(deps, article, now, failed(deps, article, now, err));
  }
  if (page.notModified && stored) return finish(deps, article, now, unchanged(deps, article, now, { notModified: true }));
  const fresh = { etag: page.etag, lastModified: page.lastModified };
  // The fetcher recognised the bytes before decompressing them; a fetcher that cannot (a rendered page) is asked here.
  const body = page.sameBody ? null : bodyKeyOf(page);
  if (body === null || seenBefore(body)) {
    return finish(deps, article, now, unchanged(deps, article, now, { patch: fresh, sameBody: true }));
  }
  // Read only now: the text of the latest version is needed to compare and diff, not for a 304 or the same bytes.
  const latest = await deps.store.getLatestVersion(article.id);
  let kept: Kept;
  const extractStarted = performance.now();
  try {
    kept = await extractPage(deps, page.text, page.url);
  } catch (err) {
    deps.metrics?.extractionDone((performance.now() - extractStarted) / 1000);
    // Forget the validators and the digest: a 304 or the same bytes next time must not stand for a page we never read.
    return finish(deps, article, now, failed(deps, article, now, err, { etag: null, lastModified: null, bodyDigest: null }));
  }
  deps.metrics?.extractionDone((performance.now() - extractStarted) / 1000);
  const { extraction } = kept;
  // rel=canonical on the first fetch: the article moves to it with the rest of the check.
  const canonical = latest ? null : await canonicalUrlOf(deps, article, extraction, page.url);
  const patch: ArticlePatch = canonical ? { ...fresh, url: canonical } : fresh;
  const comparison = await compareWithHistory(deps, article, latest, extraction.fingerprint);
  if (comparison.kind === 'same') {
    return finish(deps, article, now, unchanged(deps, article, now, { patch: { ...patch, bodyDigest: digestAt(body, state!) } }));
  }
  if (comparison.kind === 'revert') {
    const periodSec = periodAfterRevert(deps.config.schedule, article.checkPeriodSec, articleAgeSec(article, now));
    const events = [event(now, 'revert', comparison.to, null)];
    return finish(deps, article, now, {
      status: 'revert',
      periodSec,
      articleStatus: 'active',
      patch: { ...patch, bodyDigest: digestAt(body, { latest: latest!.number, seen: comparison.to }) },
      events,
      versionNumber: comparison.to,
    });
  }
  const limited = await overVersionLimit(deps, article, now);
  if (limited) return finish(deps, article, now, limited);
  if (kept.cutFrom !== null) await noteTextCut(deps, article, now, kept.cutFrom);
  const number = (latest?.number ?? 0) + 1;
  const verdict = await newVersion(deps, article, latest, extraction, page, now, {
    ...patch,
    bodyDigest: digestAt(body, { latest: number, seen: number }),
  });
  try {
    return await finish(deps, article, now, verdict);
  } catch (err) {
    if (!(err instanceof VersionConflictError)) throw err;
    // Another worker stored this version first: its record stands (nothing of ours was written), we only reschedule.
    deps.log.warn('version_conflict', { article: article.id, version: verdict.versionNumber });
    return finish(deps, article, now, {
      status: 'unchanged',
      periodSec: verdict.periodSec,
      articleStatus: 'active',
      // Our reading is not the version stored: the next check extracts.
      patch: { ...fresh, lastError: null, bodyDigest: null },
    });
  }
}

function validators(article: Article, stored: boolean): GetOptions {
  // Without a stored version a 304 would leave us with nothing, so the first fetch is unconditional.
  if (!stored) return { accept: 'html' };
  return { accept: 'html', etag: article.etag ?? undefined, lastModified: article.lastModified ?? undefined };
}

function unchanged(
  deps: TrackerDeps,
  article: Article,
  now: Millis,
  extra: { notModified?: boolean; sameBody?: boolean; patch?: ArticlePatch },
): Verdict {
  const restored = article.status === 'removed';
  const { schedule } = deps.config;
  const ageSec = articleAgeSec(article, now);
  return {
    status: restored ? 'restored' : 'unchanged',
    periodSec: restored ? periodAfterChange(schedule, ageSec) : periodAfterNoChange(schedule, article.checkPeriodSec, ageSec),
    articleStatus: 'active',
    patch: { lastError: null, ...extra.patch },
    notModified: extra.notModified,
    sameBody: extra.sameBody,
  };
}

function failed(deps: TrackerDeps, article: Article, now: Millis, err: unknown, patch: ArticlePatch = {}): Verdict {
  const error = describeFailure(err);
  const periodSec = periodAfterNoChange(deps.config.schedule, article.checkPeriodSec, articleAgeSec(article, now));
  if (error.stage === 'fetch' && error.kind === 'gone') {
    // A takedown is news: one event when it happens, then keep checking with backoff.
    // The detail is read next to the article's own URL, so the status says it all (`HTTP 410`).
    const detail = error.status ? `HTTP ${error.status}` : error.message;
    const events = article.status === 'removed' ? [] : [event(now, 'removed', null, detail)];
    return { status: 'removed', periodSec, articleStatus: 'removed', patch: { ...patch, lastError: null }, events };
  }
  const articleStatus = article.status === 'retired' ? 'active' : article.status;
  return { status: 'error', periodSec, articleStatus, patch: { ...patch, lastError: failureText(error) }, error };
}

/** The new version and the verdict that stores it (the diff against the latest gives word counts and change labels). */
async function newVersion(
  deps: TrackerDeps,
  article: Article,
  latest: Version | null,
  extraction: ExtractResult,
  page: FetchResult,
  now: Millis,
  patch: ArticlePatch,
): Promise<Verdict & { versionNumber: number }> {
  const { canonicalUrl: _canonical, ...fields } = extraction;
  const model = latest ? diffVersions(latest, extraction) : null;
  const summary = model ? model.summary : { wordsAdded: 0, wordsRemoved: 0 };
  const change = model ? versionChange(model) : null;
  const number = (latest?.number ?? 0) + 1;
  // The capture records the URL that was fetched (before a rel=canonical move).
  const capture = deps.config.worker.keepRaw ? captureOf(article.url, page) : null;
  const archive = await archives(deps, article);
  const periodSec = periodAfterChange(deps.config.schedule, articleAgeSec(article, now));
  const input: VersionInput = {
    ...fields,
    capturedAt: now,
    rawHtml: null,
    capture,
    archive,
    wordsAdded: summary.wordsAdded,
    wordsRemoved: summary.wordsRemoved,
    change,
  };
  return {
    status: 'new_version',
    periodSec,
    articleStatus: 'active',
    patch: { ...patch, lastError: null },
    version: { number, input },
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

async function finish(deps: TrackerDeps, article: Article, now: Millis, v: Verdict): Promise<CheckOutcome> {
  const next = nextCheck(deps.config.schedule, v.periodSec, now);
  const events = [...(v.events ?? [])];
  // Back after a takedown: recorded only once the page was read successfully again.
  if (article.status === 'removed' && v.articleStatus === 'active') events.push(event(now, 'restored', null, null));
  if (next.retired && article.status !== 'retired') {
    events.push(event(now, 'retired', null, `check period ${v.periodSec}s exceeds ${deps.config.schedule.retireAfterSec}s`));
  }
  const patch: ArticlePatch = {
    ...v.patch,
    status: next.retired ? 'retired' : v.articleStatus,
    checkPeriodSec: next.checkPeriodSec,
    nextCheckAt: next.nextCheckAt,
    lastCheckedAt: now,
  };
  await deps.store.applyCheck(article.id, { version: v.version ?? null, events, patch });
  const outcome: CheckOutcome = {
    articleId: article.id,
    url: v.patch.url ?? article.url,
    status: v.status,
    versionNumber: v.versionNumber ?? null,
    notModified: v.notModified ?? false,
    sameBody: v.sameBody ?? false,
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
    same_body: o.sameBody || undefined,
    stage: o.error?.stage,
    kind: o.error?.kind,
    error: o.error?.message,
    next: o.nextCheckAt === null ? 'never' : new Date(o.nextCheckAt).toISOString(),
  };
  if (o.error) deps.log.error('check', fields);
  else deps.log.info('check', fields);
}
