import type { Article, Source } from '../model/index.ts';
import type { Lease } from '../store/store.ts';
import { checkArticle, type CheckOutcome, type CheckStatus } from './check-article.ts';
import type { TrackerDeps } from './deps.ts';
import { describeFailure, failureText } from './failure.ts';
import { newWorkerId, releaseDeadLeases, startHeartbeat } from './leases.ts';
import { pollSource } from './poll-source.ts';
import { runPool } from './pool.ts';
import { articleAgeSec, periodAfterNoChange } from './schedule.ts';

export interface PassCounts {
  sourcesPolled: number;
  sourceErrors: number;
  articlesFound: number;
  checked: number;
  byStatus: Record<CheckStatus, number>;
  /** Checks that read nothing new without extracting: the server answered 304, or sent the very bytes of the last check. */
  notModified: number;
  sameBody: number;
  /** Due articles still waiting when the pass ended: leased by other workers, or on hosts at their limit. */
  waitingOnLeases: number;
  /** Live leases of other workers at the end of the pass. */
  leasesHeld: number;
}

export interface RunOptions {
  /** Called after every poll and check, for progress displays. */
  onProgress?: (counts: PassCounts) => void;
  /** Checked before each claim: a stopping worker finishes in-flight checks and claims nothing more. */
  shouldStop?: () => boolean;
  workerId?: string;
}

/** Feeds polled at once; feeds are few and each one is a single request. */
const SOURCE_CONCURRENCY = 4;

export { newWorkerId } from './leases.ts';

export function emptyCounts(): PassCounts {
  return {
    sourcesPolled: 0,
    sourceErrors: 0,
    articlesFound: 0,
    checked: 0,
    byStatus: { new_version: 0, unchanged: 0, removed: 0, restored: 0, revert: 0, error: 0 },
    notModified: 0,
    sameBody: 0,
    waitingOnLeases: 0,
    leasesHeld: 0,
  };
}

/**
 * One pass: poll the due feeds, then check every article due at the end of polling, claiming them
 * in batches under a lease (with the per-host limit) and checking with bounded concurrency.
 * Articles rescheduled during the pass fall after the cutoff, so the pass always ends.
 */
export async function runOnce(deps: TrackerDeps, options: RunOptions = {}): Promise<PassCounts> {
  const counts = { ...emptyCounts(), cutoff: deps.now() };
  const workerId = options.workerId ?? newWorkerId();
  const stop = options.shouldStop ?? (() => false);
  const progress = () => options.onProgress?.(counts);
  const lease = (): Lease => ({ workerId, until: deps.now() + deps.config.worker.leaseSec * 1000 });
  await releaseDeadLeases(deps);
  const held = startHeartbeat(deps, lease);
  try {
    await pass(deps, counts, lease, held, stop, progress);
  } finally {
    held.stop();
  }
  if (!stop()) {
    // Whatever is still due now was kept from us by other workers' leases (directly or through host limits).
    const backlog = await deps.store.dueBacklog(deps.now(), counts.cutoff);
    counts.waitingOnLeases = backlog.due;
    counts.leasesHeld = backlog.leased;
  }
  const { cutoff: _cutoff, ...result } = counts;
  return result;
}

async function pass(
  deps: TrackerDeps,
  counts: PassCounts & { cutoff: number },
  lease: () => Lease,
  held: ReturnType<typeof startHeartbeat>,
  stop: () => boolean,
  progress: () => void,
): Promise<void> {
  await runPool<Source>(
    SOURCE_CONCURRENCY,
    (n) => deps.store.claimDueSources(deps.now(), n, lease()),
    async (source) => {
      held.sources.add(source.id);
      const outcome = await safePoll(deps, source).finally(() => held.sources.delete(source.id));
      if (!source.feedUrl) return; // the manual source, parked
      deps.metrics?.pollDone('status' in outcome ? outcome.status : 'error', outcome.error);
      counts.sourcesPolled++;
      if (outcome.error) counts.sourceErrors++;
      counts.articlesFound += outcome.created;
      progress();
    },
    stop,
  );

  const cutoff = deps.now();
  counts.cutoff = cutoff;
  const { fetch, worker } = deps.config;
  const concurrency = Math.max(1, Math.min(fetch.globalConcurrency, worker.batchSize));
  await runPool<Article>(
    concurrency,
    async (n) => {
      const claimed = await deps.store.claimDueArticles(deps.now(), n, lease(), fetch.perHostConcurrency, cutoff);
      // Leased from now on, queued or not: the heartbeat renews them all.
      for (const a of claimed) held.articles.add(a.id);
      return claimed;
    },
    async (article) => {
      const started = performance.now();
      const outcome = await safeCheck(deps, article).finally(() => held.articles.delete(article.id));
      deps.metrics?.checkDone(outcome?.status ?? 'error', (performance.now() - started) / 1000, outcome?.error);
      counts.checked++;
      if (outcome) counts.byStatus[outcome.status]++;
      else counts.byStatus.error++;
      if (outcome?.notModified) counts.notModified++;
      if (outcome?.sameBody) counts.sameBody++;
      progress();
    },
    stop,
    {
      // One claim feeds several slots: a claim is the one step serialised across workers (an advisory lock on
      // PostgreSQL, the write lock on SQLite). Queued articles hold their lease and count against their host's
      // limit, as in-flight ones do, for the moment until a slot frees; a stopping worker gives them back.
      ahead: claimAhead(concurrency),
      release: async (articles) => {
        for (const a of articles) {
          await deps.store.updateArticle(a.id, {}).catch(() => undefined);
          held.articles.delete(a.id);
        }
      },
    },
  );
}

/** Articles claimed beyond the free slots (a quarter of the slots): about one claim per five checks. */
export function claimAhead(concurrency: number): number {
  return Math.ceil(concurrency / 4);
}

async function safePoll(deps: TrackerDeps, source: Source) {
  try {
    return await pollSource(deps, source);
  } catch (err) {
    // Store trouble: log it and let the lease expire so the source comes back.
    deps.log.error('poll_failed', { source: source.key, error: failureText(describeFailure(err)) });
    return { created: 0, error: describeFailure(err) };
  }
}

/** checkArticle only throws on store trouble; then we try to reschedule so the article isn't stuck. */
async function safeCheck(deps: TrackerDeps, article: Article): Promise<CheckOutcome | null> {
  try {
    return await checkArticle(deps, article);
  } catch (err) {
    const text = failureText(describeFailure(err));
    deps.log.error('check_failed', { article: article.id, error: text });
    const periodSec = periodAfterNoChange(deps.config.schedule, article.checkPeriodSec, articleAgeSec(article, deps.now()));
    await deps.store
      .updateArticle(article.id, { lastError: text, checkPeriodSec: periodSec, nextCheckAt: deps.now() + periodSec * 1000 })
      .catch(() => undefined);
    return null;
  }
}
