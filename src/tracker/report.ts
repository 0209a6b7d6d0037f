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
  return `${feeds}, ${c.articlesFound} new article${c.articlesFound === 1 ? '' : 's'}; checked ${c.checked}${parts.length ? ': ' + parts.join(', ') : ''}`;
}

/** What `redline check URL` prints. */
export function formatOutcome(o: CheckOutcome): string {
  const what: Record<CheckOutcome['status'], string> = {
    new_version: o.versionNumber === 1 ? 'first version stored' : `new version ${o.versionNumber} stored (+${o.wordsAdded} -${o.wordsRemoved} words)`,
    unchanged: o.notModified ? 'unchanged (304 Not Modified)' : 'unchanged',
    removed: 'removed from the site (HTTP 404/410)',
    restored: 'back on the site, text unchanged',
    revert: `back to the text of version ${o.versionNumber}`,
    error: `error: ${o.error ? `${o.error.stage} ${o.error.kind}: ${o.error.message}` : 'unknown'}`,
  };
  const next = o.nextCheckAt === null ? 'it will not be checked again' : `next check ${new Date(o.nextCheckAt).toISOString()}`;
  return `article ${o.articleId} ${o.url}\n  ${what[o.status]}; ${next}`;
}
