import type { WaybackConfig } from '../../config/index.ts';
import type { Logger } from '../../log/index.ts';
import type { ArchiveJob, Millis } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import type { SpnAnswer, SpnClient } from './spn.ts';

export interface ArchiveDeps {
  store: Store;
  client: SpnClient;
  config: WaybackConfig;
  log: Logger;
  now: () => Millis;
  workerId: string;
}

/**
 * One pass over the Save Page Now queue: claims as many due jobs as the shared rate allows (the
 * store counts every worker's requests), makes one request for each (submit, or check a submitted
 * capture), records the outcome. A 429 pauses the whole queue for as long as the archive says.
 * Returns the number of requests made.
 */
export async function runArchivePass(deps: ArchiveDeps): Promise<number> {
  const { store, config } = deps;
  const now = deps.now();
  const rate = { max: config.maxRequests, windowMs: config.windowSec * 1000 };
  const jobs = await store.evidence.claimArchiveJobs(now, config.maxRequests, { workerId: deps.workerId, until: now + 120_000 }, rate);
  let made = 0;
  for (const [i, job] of jobs.entries()) {
    const answer = job.state === 'submitted' && job.jobId ? await deps.client.status(job.jobId) : await deps.client.submit(job.url);
    made++;
    if (answer.kind === 'rate-limited') {
      const until = deps.now() + answer.retryAfterMs;
      await store.evidence.pauseArchiving(until);
      deps.log.warn('archive_rate_limited', { retry_after_ms: answer.retryAfterMs });
      // This job and the claimed ones not tried yet wait out the pause, keeping their state.
      for (const rest of jobs.slice(i))
        await store.evidence.updateArchiveJob(rest.id, {
          state: rest.state,
          nextAttemptAt: until,
          lastError: rest === job ? 'HTTP 429' : undefined,
        });
      break;
    }
    await record(deps, job, answer);
  }
  return made;
}

async function record(deps: ArchiveDeps, job: ArchiveJob, answer: Exclude<SpnAnswer, { kind: 'rate-limited' }>): Promise<void> {
  const { store, config } = deps;
  const now = deps.now();
  const poll = now + config.statusPollSec * 1000;
  switch (answer.kind) {
    case 'submitted':
      return store.evidence.updateArchiveJob(job.id, { state: 'submitted', jobId: answer.jobId, nextAttemptAt: poll, lastError: null });
    case 'pending':
      return store.evidence.updateArchiveJob(job.id, { state: 'submitted', nextAttemptAt: poll });
    case 'done':
      deps.log.info('archived', { version: job.versionId, url: answer.archivedUrl });
      return store.evidence.updateArchiveJob(job.id, { state: 'done', archivedUrl: answer.archivedUrl, lastError: null });
    case 'error': {
      const failed = job.attempts >= config.maxAttempts;
      deps.log.warn('archive_failed', {
        version: job.versionId,
        attempts: job.attempts,
        error: answer.message,
        gave_up: failed || undefined,
      });
      // Back off doubling from the poll period; a failed status check starts over with a new submission.
      const backoff = config.statusPollSec * 1000 * 2 ** Math.min(job.attempts, 10);
      return store.evidence.updateArchiveJob(job.id, {
        state: failed ? 'failed' : 'pending',
        jobId: null,
        nextAttemptAt: now + backoff,
        lastError: answer.message,
      });
    }
  }
}
