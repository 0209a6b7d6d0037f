import type { Millis } from '../model/index.ts';
import type { CheckOutcome, CheckStatus } from './check-article.ts';
import type { PassCounts } from './run-once.ts';

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
    new_version: o.versionNumber === 1 ? 'first version stored' : `new version ${o.versionNumber} stored (+${o.wordsAdded} -${o.wordsRemoved} words)`,
    unchanged: o.notModified ? 'unchanged (304 Not Modified)' : 'unchanged',
    removed: 'removed from the site (HTTP 404/410)',
    restored: 'back on the site, text unchanged',
    revert: `back to the text of version ${o.versionNumber}`,
    error: `error: ${o.error ? `${o.error.stage} ${o.error.kind}: ${o.error.message}` : 'unknown'}`,
  };
  const next = o.nextCheckAt === null ? 'it will not be checked again' : `next check ${formatDelay(o.nextCheckAt - now)} (${formatTime(o.nextCheckAt)})`;
  return `article ${o.articleId} ${o.url}\n  ${what[o.status]}; ${next}`;
}

/** `2026-11-26 13:57:21 UTC`: readable, sortable and the same on every machine. */
export function formatTime(at: Millis, opts: { seconds?: boolean } = {}): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, opts.seconds === false ? 16 : 19)} UTC`;
}

/** A period in the largest unit that keeps it exact enough: `45s`, `5m`, `1h30m`, `2d`. */
export function formatPeriod(sec: number): string {
  if (sec < 60) return `${Math.round(sec)}s`;
  if (sec < 3600) return sec % 60 === 0 ? `${sec / 60}m` : `${Math.floor(sec / 60)}m${Math.round(sec % 60)}s`;
  if (sec < 86400) return sec % 3600 === 0 ? `${sec / 3600}h` : `${Math.floor(sec / 3600)}h${Math.round((sec % 3600) / 60)}m`;
  return sec % 86400 === 0 ? `${sec / 86400}d` : `${Math.floor(sec / 86400)}d${Math.round((sec % 86400) / 3600)}h`;
}

/** `in 30 min`, `in 4 h`, `now`: how far ahead something is. */
export function formatDelay(ms: number): string {
  const sec = Math.round(ms / 1000);
  if (sec <= 0) return 'now';
  if (sec < 90) return `in ${sec} s`;
  if (sec < 90 * 60) return `in ${Math.round(sec / 60)} min`;
  if (sec < 36 * 3600) return `in ${Math.round(sec / 3600)} h`;
  return `in ${Math.round(sec / 86400)} days`;
}

/** `3 min ago`, `2 h ago`, `just now`. */
export function formatAgo(ms: number): string {
  return formatDelay(ms).replace(/^in (.*)$/, '$1 ago').replace(/^now$/, 'just now');
}
