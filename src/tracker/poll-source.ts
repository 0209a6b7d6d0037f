import { canonicalizeUrl, sourceAccepts, type FeedItem } from '../feeds/index.ts';
import type { Millis, PollStatus, Source } from '../model/index.ts';
import type { TrackerDeps } from './deps.ts';
import { discover, type Discovered } from './discover.ts';
import { describeFailure, failureText, type FailureInfo } from './failure.ts';
import { DAY_MS } from './limits.ts';
import { articleAgeSec, periodAfterChange } from './schedule.ts';
import { isPushed, maintainWebSub } from './websub.ts';

export interface PollOutcome {
  sourceId: number;
  key: string;
  status: PollStatus;
  /** Feed entries seen, accepted by the source's filters, and new to the database. */
  items: number;
  accepted: number;
  created: number;
  error: FailureInfo | null;
  /** What a reader should know about an ok poll, e.g. "recovered 12 items after an XML error at line 40". */
  note: string | null;
  nextPollAt: Millis;
}

/** A feed's own caching hint is honoured up to this long; beyond it a typo would silence a source. */
const MAX_HINT_MS = 24 * 3600 * 1000;
/** The built-in `manual` source has no feed; it is parked this far ahead. */
const PARKED_MS = 365 * 24 * 3600 * 1000;

/**
 * Polls one source: conditional GET, parse (a feed, a sitemap index and its newest children, or a
 * front page's matching links), canonicalise and filter entry URLs, add new articles
 * (deduplicated across feeds by canonical URL), keep a WebSub subscription up, record the outcome
 * and the next poll time (longer while a hub pushes updates).
 */
export async function pollSource(deps: TrackerDeps, source: Source): Promise<PollOutcome> {
  const now = deps.now();
  const counts = { items: 0, accepted: 0, created: 0 };
  if (!source.feedUrl) return record(deps, source, now, { status: 'ok', ...counts, nextPollAt: now + PARKED_MS });
  let found: Discovered;
  try {
    found = await discover(deps, source);
  } catch (err) {
    const error = describeFailure(err);
    const fetchFailed = error.stage === 'fetch';
    const nextPollAt = now + errorDelayMs(deps, source, error.retryAfterMs, fetchFailed ? error.status : null);
    // After a parse error drop the validators, so that a fixed feed is read again rather than answered with a 304.
    const validators = fetchFailed ? { etag: source.etag, lastModified: source.lastModified } : {};
    return record(deps, source, now, { status: 'error', ...counts, error, nextPollAt, ...validators });
  }
  const { page } = found;
  const validators = { etag: page.etag ?? source.etag, lastModified: page.lastModified ?? source.lastModified };
  const sub = await maintainWebSub(deps, source, found.doc, now).catch((err) => {
    deps.log.warn('websub_failed', { source: source.key, error: failureText(describeFailure(err)) });
    return null;
  });
  const nextPollAt = now + delayMs(deps, source, page.maxAgeMs, null, isPushed(sub, now));
  if (page.notModified) return record(deps, source, now, { status: 'not_modified', ...counts, nextPollAt, ...validators });
  Object.assign(counts, await addArticles(deps, source, found.items, page.url, now));
  return record(deps, source, now, { status: 'ok', ...counts, nextPollAt, note: found.note, ...validators });
}

/** Articles are added in chunks; between chunks the event loop serves the website. */
const CHUNK = 200;
/** Longest stretch of feed filtering between two pauses for the event loop (a loaded machine runs slow). */
const SLICE_MS = 10;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Adds the feed's new articles, within the source's limits (config `limits`): at most
 * newArticlesPerPoll per poll and newArticlesPerDay per 24 hours. What is over is counted, logged
 * and noted on the source; the feed still lists those entries, so a later poll picks them up.
 */
async function addArticles(deps: TrackerDeps, source: Source, items: FeedItem[], base: string, now: Millis) {
  const counts = { items: items.length, accepted: 0, created: 0 };
  const urls = await acceptedUrls(source, items, base);
  counts.accepted = urls.length;
  const { limits } = deps.config;
  const today = await deps.store.countNewArticles(source.id, now - DAY_MS);
  const perDayLeft = Math.max(0, limits.newArticlesPerDay - today);
  const budget = Math.min(limits.newArticlesPerPoll, perDayLeft);
  let over = 0;
  for (let i = 0; i < urls.length; i += CHUNK) {
    const chunk = urls.slice(i, i + CHUNK);
    const known = await deps.store.knownArticleUrls(chunk.map((c) => c.url));
    for (const { url, item } of chunk) {
      if (known.has(url)) continue;
      if (counts.created >= budget) {
        over++;
        continue;
      }
      const published = validTime(item.publishedAt, now);
      const { created } = await deps.store.upsertArticle({
        sourceId: source.id,
        url,
        host: new URL(url).host,
        feedTitle: item.title,
        feedPublishedAt: published,
        now,
        checkPeriodSec: periodAfterChange(deps.config.schedule, articleAgeSec({ firstSeenAt: now, feedPublishedAt: published }, now)),
      });
      if (created) counts.created++;
    }
    await yieldToLoop();
  }
  if (over > 0) await noteOverLimit(deps, source, now, over, budget === perDayLeft && perDayLeft < limits.newArticlesPerPoll);
  return counts;
}

/** Canonical, filtered, deduplicated entry URLs; a pause for the event loop every SLICE_MS. */
async function acceptedUrls(source: Source, items: FeedItem[], base: string): Promise<{ url: string; item: FeedItem }[]> {
  const seen = new Set<string>();
  const out: { url: string; item: FeedItem }[] = [];
  let sliceStart = performance.now();
  for (const [i, item] of items.entries()) {
    if (i % 50 === 0 && performance.now() - sliceStart > SLICE_MS) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
    let url: string;
    try {
      url = canonicalizeUrl(item.url, base);
    } catch {
      continue;
    }
    if (seen.has(url) || !/^https?:\/\//.test(url) || !sourceAccepts(source, url)) continue;
    seen.add(url);
    out.push({ url, item });
  }
  return out;
}

async function noteOverLimit(deps: TrackerDeps, source: Source, now: Millis, over: number, daily: boolean): Promise<void> {
  const { limits } = deps.config;
  const limit = daily ? `${limits.newArticlesPerDay} per day` : `${limits.newArticlesPerPoll} per poll`;
  const note = `${over} new article${over === 1 ? '' : 's'} over the limit of ${limit}; left for a later poll`;
  deps.log.warn('source_limited', { source: source.key, held_back: over, limit: daily ? 'newArticlesPerDay' : 'newArticlesPerPoll' });
  await deps.store.recordSourceLimit(source.id, { at: now, count: over, note });
}

/** A feed date is kept only when it is a real time, not absurdly far in the future. */
function validTime(at: Millis | null, now: Millis): Millis | null {
  if (at === null || !Number.isFinite(at)) return null;
  return at > now + DAY_MS || at < Date.UTC(1990, 0, 1) ? null : at;
}

/**
 * Time to the next poll: the source's period (never below feedMinPeriodSec, and at least
 * websub.fallbackPollSec while a hub pushes), longer when the server asks for it
 * (Cache-Control/Expires, Retry-After) and doubled after a 429 or 503.
 */
export function delayMs(deps: TrackerDeps, source: Source, hintMs: number | null, status: number | null, pushed = false): number {
  const periodSec = Math.max(source.pollPeriodSec, deps.config.schedule.feedMinPeriodSec, pushed ? deps.config.websub.fallbackPollSec : 0);
  const base = periodSec * 1000;
  const throttled = status === 429 || status === 503 ? base * 2 : base;
  return Math.max(throttled, Math.min(hintMs ?? 0, MAX_HINT_MS));
}

/** A feed that keeps failing is retried at most this far apart (a dead DNS name, a moved feed). */
export const MAX_ERROR_BACKOFF_MS = 3600 * 1000;

/**
 * Time to the next poll after a failure. The first failure waits the usual delay; each further one
 * in a row doubles the previous wait (read from the stored last poll and next poll times, so no
 * extra state), up to MAX_ERROR_BACKOFF_MS unless the server itself asked for longer. Without
 * this, a dozen unreachable feeds would log a dozen errors every five minutes forever.
 */
export function errorDelayMs(deps: TrackerDeps, source: Source, hintMs: number | null, status: number | null): number {
  const usual = delayMs(deps, source, hintMs, status);
  if (source.lastStatus !== 'error' || source.lastPollAt === null) return usual;
  const previous = source.nextPollAt - source.lastPollAt;
  const doubled = Math.min(previous * 2, MAX_ERROR_BACKOFF_MS);
  return Math.max(usual, doubled);
}

interface PollRecord {
  status: PollStatus;
  items: number;
  accepted: number;
  created: number;
  nextPollAt: Millis;
  error?: FailureInfo;
  note?: string | null;
  etag?: string | null;
  lastModified?: string | null;
}

async function record(deps: TrackerDeps, source: Source, now: Millis, r: PollRecord): Promise<PollOutcome> {
  await deps.store.recordSourcePoll(source.id, {
    at: now,
    status: r.status,
    error: r.error ? failureText(r.error) : null,
    etag: r.etag ?? null,
    lastModified: r.lastModified ?? null,
    nextPollAt: r.nextPollAt,
    note: r.note ?? null,
  });
  const fields = {
    source: source.key,
    status: r.status,
    items: r.error ? undefined : r.items,
    new: r.error ? undefined : r.created,
    note: r.note ?? undefined,
    stage: r.error?.stage,
    kind: r.error?.kind,
    error: r.error?.message,
    next: new Date(r.nextPollAt).toISOString(),
  };
  if (r.error) deps.log.error('poll', fields);
  else if (source.feedUrl) deps.log.info('poll', fields);
  return { sourceId: source.id, key: source.key, ...r, error: r.error ?? null, note: r.note ?? null };
}
