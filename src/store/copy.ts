import { createHash } from 'node:crypto';
import type { Article, ArticleEvent, SourceWithStats, Version } from '../model/index.ts';
import { StoreError } from './errors.ts';
import type { Store, StoreStats } from './store.ts';

export interface CopyProgress {
  phase: 'sources' | 'articles' | 'verify';
  done: number;
  total: number;
}

export interface CopyOptions {
  onProgress?: (p: CopyProgress) => void;
  /** Articles listed per page of the source store. */
  batchSize?: number;
}

export interface Tally {
  copied: number;
  /** Already in the destination (an earlier, interrupted run copied them). */
  skipped: number;
}

export interface CopyReport {
  sources: Tally;
  articles: Tally;
  versions: Tally;
  events: Tally;
  verification: { ok: boolean; from: StoreStats; to: StoreStats; checkedVersions: number; problems: string[] };
}

const MAX_PROBLEMS = 50;
/** A copy carries hidden versions too (and their hidden marks, see copyHidden). */
const ALL = { includeHidden: true };

/**
 * Copies a whole installation (sources, articles with their schedule state, versions with raw
 * HTML, events) into another store, e.g. SQLite to PostgreSQL. Ids differ between databases, so
 * rows are matched by natural keys (source key, article URL, version number, event content):
 * re-running after an interruption copies only what is missing. Ends with a verification pass.
 */
export async function copyStore(from: Store, to: Store, opts: CopyOptions = {}): Promise<CopyReport> {
  const progress = opts.onProgress ?? (() => {});
  const report: CopyReport = {
    sources: { copied: 0, skipped: 0 },
    articles: { copied: 0, skipped: 0 },
    versions: { copied: 0, skipped: 0 },
    events: { copied: 0, skipped: 0 },
    verification: { ok: false, from: await from.stats(), to: await to.stats(), checkedVersions: 0, problems: [] },
  };
  const sourceIds = await copySources(from, to, report.sources, progress);
  // listArticles pages newest first; copying oldest first keeps the destination's id order (and so its listings) the same.
  const ids = (await allArticleIds(from, opts.batchSize ?? 500)).reverse();
  for (const [i, id] of ids.entries()) {
    const article = await from.getArticle(id);
    if (article) await copyArticle(from, to, article, sourceIds, report);
    progress({ phase: 'articles', done: i + 1, total: ids.length });
  }
  await copyHidden(from, to);
  report.verification = await verifyCopy(from, to, ids, progress);
  return report;
}

async function copySources(from: Store, to: Store, tally: Tally, progress: (p: CopyProgress) => void) {
  const map = new Map<number, number>();
  const sources = await from.listSources();
  for (const [i, s] of sources.entries()) {
    const existing = await to.getSource(s.key);
    const { key, name, feedUrl, pollPeriodSec, include, exclude, type, linkPattern, render } = s;
    const copy =
      existing ?? (await to.upsertSource({ key, name, feedUrl, pollPeriodSec, include, exclude, type, linkPattern, render }, s.createdAt));
    tally[existing ? 'skipped' : 'copied']++;
    if (s.lastPollAt !== null && s.lastStatus !== null) await copyPollState(to, copy.id, s);
    if (s.pausedAt !== null) await to.setSourcePaused(s.key, s.pausedAt);
    map.set(s.id, copy.id);
    progress({ phase: 'sources', done: i + 1, total: sources.length });
  }
  return map;
}

function copyPollState(to: Store, id: number, s: SourceWithStats): Promise<void> {
  const { lastPollAt, lastStatus, lastError, etag, lastModified, nextPollAt, lastNote } = s;
  return to.recordSourcePoll(id, {
    at: lastPollAt!,
    status: lastStatus!,
    error: lastError,
    etag,
    lastModified,
    nextPollAt,
    note: lastNote,
  });
}

async function allArticleIds(store: Store, batchSize: number): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listArticles({ limit: batchSize, cursor, includeHidden: true });
    for (const a of page.items) ids.push(a.id);
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

async function copyArticle(from: Store, to: Store, a: Article, sourceIds: Map<number, number>, report: CopyReport) {
  const sourceId = sourceIds.get(a.sourceId);
  if (sourceId === undefined) throw new StoreError(`article ${a.id} belongs to unknown source ${a.sourceId}`);
  const { article: copy, created } = await to.upsertArticle({
    sourceId,
    url: a.url,
    host: a.host,
    feedTitle: a.feedTitle,
    feedPublishedAt: a.feedPublishedAt,
    now: a.firstSeenAt,
    checkPeriodSec: a.checkPeriodSec,
  });
  report.articles[created ? 'copied' : 'skipped']++;
  await copyVersions(from, to, a.id, copy.id, report.versions);
  await copyEvents(from, to, a.id, copy.id, report.events);
  // Schedule state last: an interrupted run leaves the article due, so nothing is lost either way.
  await to.updateArticle(copy.id, {
    status: a.status,
    checkPeriodSec: a.checkPeriodSec,
    nextCheckAt: a.nextCheckAt,
    ...(a.lastCheckedAt !== null ? { lastCheckedAt: a.lastCheckedAt } : {}),
    lastError: a.lastError,
    etag: a.etag,
    lastModified: a.lastModified,
  });
}

async function copyVersions(from: Store, to: Store, fromId: number, toId: number, tally: Tally) {
  const have = new Map((await to.listVersions(toId, ALL)).map((v) => [v.number, v]));
  for (const v of await from.listVersions(fromId, ALL)) {
    let copy = have.get(v.number);
    if (copy) tally.skipped++;
    else {
      // The exact capture with its envelope (a capture whose bytes retention pruned is not copied).
      const found = v.hasRaw ? await from.evidence.getCapture(fromId, v.number) : null;
      const { title, byline, published, paragraphs, fingerprint, extractorVersion, capturedAt, wordsAdded, wordsRemoved, change } = v;
      copy = await to.addVersion(toId, v.number, {
        ...{ title, byline, published, paragraphs, fingerprint, extractorVersion },
        ...{ capturedAt, rawHtml: null, capture: found, wordsAdded, wordsRemoved, change },
      });
      if (found?.pinned) await to.evidence.setPinned(copy.id, true);
      tally.copied++;
    }
    const baselineDiffers =
      copy.baselineFingerprint !== v.baselineFingerprint || copy.baselineExtractorVersion !== v.baselineExtractorVersion;
    if (v.baselineFingerprint && v.baselineExtractorVersion && baselineDiffers) {
      await to.setBaseline(copy.id, v.baselineFingerprint, v.baselineExtractorVersion);
    }
  }
}

/** Legal hides, matched by article URL and version number. (The audit log and admin tokens stay behind.) */
async function copyHidden(from: Store, to: Store) {
  for (const h of await from.listHidden()) {
    const copy = await to.getArticleByUrl(h.url);
    if (!copy) continue;
    const hide = { at: h.hiddenAt, reason: h.reason ?? '' };
    if (h.versionNumber === null) await to.setArticleHidden(copy.id, hide);
    else await to.setVersionHidden(copy.id, h.versionNumber, hide);
  }
}

/** Events have no natural key; they are matched as a multiset of their contents. */
async function copyEvents(from: Store, to: Store, fromId: number, toId: number, tally: Tally) {
  const have = new Map<string, number>();
  for (const e of await to.listEvents(toId)) have.set(eventKey(e), (have.get(eventKey(e)) ?? 0) + 1);
  for (const e of await from.listEvents(fromId)) {
    const key = eventKey(e);
    const left = have.get(key) ?? 0;
    if (left > 0) {
      have.set(key, left - 1);
      tally.skipped++;
      continue;
    }
    await to.addEvent({ articleId: toId, at: e.at, kind: e.kind, versionNumber: e.versionNumber, detail: e.detail });
    tally.copied++;
  }
}

const eventKey = (e: ArticleEvent) => JSON.stringify([e.at, e.kind, e.versionNumber, e.detail]);

/** Compares counts, then every article's versions (number, fingerprint, baseline, raw HTML digest) and events. */
async function verifyCopy(from: Store, to: Store, ids: number[], progress: (p: CopyProgress) => void) {
  const problems: string[] = [];
  const problem = (p: string) => void (problems.length < MAX_PROBLEMS && problems.push(p));
  const [fromStats, toStats] = [await from.stats(), await to.stats()];
  for (const k of ['articles', 'versions'] as const) {
    if (fromStats[k] !== toStats[k]) problem(`${k}: ${fromStats[k]} in the source, ${toStats[k]} in the destination`);
  }
  // An empty source the destination made itself (the built-in `manual` one, at start) is not a difference.
  const theirs = new Map((await to.listSources()).map((s) => [s.key, s]));
  for (const s of await from.listSources()) {
    const t = theirs.get(s.key);
    if (!t) problem(`source ${s.key} is missing`);
    else if (t.articleCount !== s.articleCount || t.versionCount !== s.versionCount) {
      problem(`source ${s.key}: ${s.articleCount} articles/${s.versionCount} versions, copy has ${t.articleCount}/${t.versionCount}`);
    }
  }
  let checkedVersions = 0;
  for (const [i, id] of ids.entries()) {
    const a = await from.getArticle(id);
    const copy = a && (await to.getArticleByUrl(a.url));
    if (a && !copy) problem(`article ${a.url} is missing`);
    if (a && copy) checkedVersions += await verifyArticle(from, to, a, copy, problem);
    progress({ phase: 'verify', done: i + 1, total: ids.length });
  }
  return { ok: problems.length === 0, from: fromStats, to: toStats, checkedVersions, problems };
}

async function verifyArticle(from: Store, to: Store, a: Article, copy: Article, problem: (p: string) => void): Promise<number> {
  const [mine, theirs] = [await from.listVersions(a.id, ALL), await to.listVersions(copy.id, ALL)];
  if (mine.length !== theirs.length) problem(`${a.url}: ${mine.length} versions, copy has ${theirs.length}`);
  for (const v of mine) {
    const w = theirs.find((x) => x.number === v.number);
    if (!w) continue;
    if (versionDigest(v) !== versionDigest(w)) problem(`${a.url} version ${v.number}: fingerprint or content differs`);
    const [r1, r2] = [await from.getRawHtml(a.id, v.number), await to.getRawHtml(copy.id, w.number)];
    if (bytesDigest(r1) !== bytesDigest(r2)) problem(`${a.url} version ${v.number}: raw HTML differs`);
  }
  const [e1, e2] = [await from.listEvents(a.id), await to.listEvents(copy.id)];
  if (e1.map(eventKey).sort().join() !== e2.map(eventKey).sort().join()) problem(`${a.url}: events differ`);
  if (scheduleOf(a) !== scheduleOf(copy)) problem(`${a.url}: schedule state differs`);
  return Math.min(mine.length, theirs.length);
}

/** Everything a version says, apart from database ids. */
function versionDigest(v: Version): string {
  const { title, byline, published, paragraphs, fingerprint, extractorVersion, capturedAt, wordsAdded, wordsRemoved } = v;
  const fields = [fingerprint, title, byline, published, paragraphs, extractorVersion, capturedAt, wordsAdded, wordsRemoved];
  return JSON.stringify([...fields, v.hasRaw, v.baselineFingerprint, v.baselineExtractorVersion]);
}

const bytesDigest = (b: Uint8Array | null) => (b ? createHash('sha256').update(b).digest('hex') : 'none');

function scheduleOf(a: Article): string {
  return JSON.stringify([a.status, a.checkPeriodSec, a.nextCheckAt, a.lastCheckedAt, a.lastError, a.etag, a.lastModified, a.versionCount]);
}
