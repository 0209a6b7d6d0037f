import type { Millis } from '../model/index.ts';
import { describeEvent } from '../text/events.ts';
import { formatTime, relativeTime } from '../text/time.ts';
import type { CheckOutcome, CheckStatus, PassCounts } from '../tracker/index.ts';

const LABELS: Record<CheckStatus, [string, string]> = {
  new_version: ['new version', 'new versions'],
  unchanged: ['unchanged', 'unchanged'],
  removed: ['removed', 'removed'],
  restored: ['restored', 'restored'],
  revert: ['revert', 'reverts'],
  error: ['error', 'errors'],
};

/** One human line for a pass, e.g. `polled 3 feeds (1 error), 12 new articles; checked 40: 5 new versions, 33 unchanged, 2 errors`. */
export function formatCounts(c: PassCounts): string {
  const feeds = `polled ${c.sourcesPolled} feed${c.sourcesPolled === 1 ? '' : 's'}${c.sourceErrors ? ` (${c.sourceErrors} with errors)` : ''}`;
  const parts = (Object.entries(c.byStatus) as [CheckStatus, number][])
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${LABELS[status][n === 1 ? 0 : 1]}`);
  const waiting = c.waitingOnLeases
    ? `; ${c.waitingOnLeases} due article${c.waitingOnLeases === 1 ? '' : 's'} wait on leases of other workers (${c.leasesHeld} held; they return when released or expired)`
    : '';
  return `${feeds}, ${c.articlesFound} new article${c.articlesFound === 1 ? '' : 's'}; checked ${c.checked}${parts.length ? ': ' + parts.join(', ') : ''}${waiting}`;
}

/** What `redline check URL` prints. */
export function formatOutcome(o: CheckOutcome, now: Millis = Date.now()): string {
  const what: Record<CheckOutcome['status'], string> = {
    new_version:
      o.versionNumber === 1 ? 'first version stored' : `new version ${o.versionNumber} stored (+${o.wordsAdded} -${o.wordsRemoved} words)`,
    unchanged: o.notModified ? 'unchanged (304 Not Modified)' : 'unchanged',
    removed: describeEvent({ kind: 'removed', versionNumber: null, detail: 'HTTP 404/410' }),
    restored: `${describeEvent({ kind: 'restored', versionNumber: null, detail: null })}, text unchanged`,
    revert: describeEvent({ kind: 'revert', versionNumber: o.versionNumber, detail: null }),
    error: `error: ${o.error ? `${o.error.stage} ${o.error.kind}: ${o.error.message}` : 'unknown'}`,
  };
  const next =
    o.nextCheckAt === null
      ? 'it will not be checked again'
      : `next check ${formatDelay(o.nextCheckAt - now)} (${formatTime(o.nextCheckAt)})`;
  return `article ${o.articleId} ${o.url}\n  ${what[o.status]}; ${next}`;
}

/** `in 30 minutes`, `in 2 seconds`, `now`: how far ahead something due is. */
export function formatDelay(ms: number): string {
  return ms <= 0 ? 'now' : relativeTime(ms, 0, { seconds: true });
}

/** `3 minutes ago`, `just now`. */
export function formatAgo(ms: number): string {
  return relativeTime(0, ms, { seconds: true });
}
