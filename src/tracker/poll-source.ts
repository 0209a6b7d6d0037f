import { canonicalizeUrl, parseFeed, sourceAccepts } from '../feeds/index.ts';
import type { Millis, PollStatus, Source } from '../model/index.ts';
import type { FetchedPage, TrackerDeps } from './deps.ts';
import { describeFailure, failureText, type FailureInfo } from './errors.ts';
import { articleAgeSec, periodAfterChange } from './schedule.ts';

export interface PollOutcome {
  sourceId: number;
  key: string;
  status: PollStatus;
  /** Feed entries seen, accepted by the source's filters, and new to the database. */
  items: number;
  accepted: number;
  created: number;
  error: FailureInfo | null;
  nextPollAt: Millis;
}

/** A feed's own caching hint is honoured up to this long; beyond it a typo would silence a source. */
const MAX_HINT_MS = 24 * 3600 * 1000;
/** The built-in `manual` source has no feed; it is parked this far ahead. */
const PARKED_MS = 365 * 24 * 3600 * 1000;

/**
 * Polls one feed: conditional GET, parse, canonicalise and filter entry URLs, add new articles
 * (deduplicated across feeds by canonical URL), record the outcome and the next poll time.
 */
export async function pollSource(deps: TrackerDeps, source: Source): Promise<PollOutcome> {
  const now = deps.now();
  const counts = { items: 0, accepted: 0, created: 0 };
  if (!source.feedUrl) return record(deps, source, now, { status: 'ok', ...counts, nextPollAt: now + PARKED_MS });
  let page: FetchedPage;
  try {
    page = await deps.fetcher.get(source.feedUrl, {
      accept: 'feed',
      etag: source.etag ?? undefined,
      lastModified: source.lastModified ?? undefined,
    });
  } catch (err) {
    const error = describeFailure(err);
    const nextPollAt = now + errorDelayMs(deps, source, error.retryAfterMs, error.status);
    return record(deps, source, now, { status: 'error', ...counts, error, nextPollAt, etag: source.etag, lastModified: source.lastModified });
  }
  const validators = { etag: page.etag ?? source.etag, lastModified: page.lastModified ?? source.lastModified };
  const nextPollAt = now + delayMs(deps, source, page.maxAgeMs, null);
  if (page.notModified) return record(deps, source, now, { status: 'not_modified', ...counts, nextPollAt, ...validators });
  try {
    const items = parseFeed(page.text, page.url);
    Object.assign(counts, await addArticles(deps, source, items, page.url, now));
  } catch (err) {
    // Drop the validators so that a fixed feed is read again rather than answered with a 304.
    const retryAt = now + errorDelayMs(deps, source, page.maxAgeMs, null);
    return record(deps, source, now, { status: 'error', ...counts, error: describeFailure(err), nextPollAt: retryAt });
  }
  return record(deps, source, now, { status: 'ok', ...counts, nextPollAt, ...validators });
}

async function addArticles(deps: TrackerDeps, source: Source, items: ReturnType<typeof parseFeed>, base: string, now: Millis) {
  const counts = { items: items.length, accepted: 0, created: 0 };
  for (const item of items) {
    let url: string;
    try {
      url = canonicalizeUrl(item.url, base);
    } catch {
      continue;
    }
    if (!/^https?:\/\//.test(url) || !sourceAccepts(source, url)) continue;
    counts.accepted++;
    const { created } = await deps.store.upsertArticle({
      sourceId: source.id,
      url,
      host: new URL(url).host,
      feedTitle: item.title,
      feedPublishedAt: item.publishedAt,
      now,
      checkPeriodSec: periodAfterChange(deps.config.schedule, articleAgeSec({ firstSeenAt: now, feedPublishedAt: item.publishedAt }, now)),
    });
    if (created) counts.created++;
  }
  return counts;
}

/**
 * Time to the next poll: the source's period (never below feedMinPeriodSec), longer when the
 * server asks for it (Cache-Control/Expires, Retry-After) and doubled after a 429 or 503.
 */
export function delayMs(deps: TrackerDeps, source: Source, hintMs: number | null, status: number | null): number {
  const base = Math.max(source.pollPeriodSec, deps.config.schedule.feedMinPeriodSec) * 1000;
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
  });
  const fields = {
    source: source.key,
    status: r.status,
    items: r.error ? undefined : r.items,
    new: r.error ? undefined : r.created,
    stage: r.error?.stage,
    kind: r.error?.kind,
    error: r.error?.message,
    next: new Date(r.nextPollAt).toISOString(),
  };
  if (r.error) deps.log.error('poll', fields);
  else if (source.feedUrl) deps.log.info('poll', fields);
  return { sourceId: source.id, key: source.key, ...r, error: r.error ?? null };
}
