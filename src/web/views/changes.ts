import type { Change, Millis, Page, Source } from '../../model/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { describeEvent } from '../summary.ts';
import { badge, nextPageLink, timeAgo, words } from './components.ts';
import { articlePath, diffPath } from './paths.ts';

/** A change plus what the list needs to know about the version before it. */
export interface ChangeRow {
  change: Change;
  headlineChanged: boolean;
}

function versionRow(change: Extract<Change, { type: 'version' }>, headlineChanged: boolean, now: Millis): SafeHtml {
  const { article, version } = change;
  return html`<li class="change">
<a class="headline" href="${diffPath(article.id, version.number - 1, version.number)}">${version.title || article.url}</a>
<div class="meta"><a class="source" href="/?source=${encodeURIComponent(article.sourceKey)}">${article.sourceKey}</a>
· ${timeAgo(change.at, now)} · version ${version.number} · ${words(version.wordsAdded, version.wordsRemoved)}
· <a href="${articlePath(article.id)}">all versions</a>
${headlineChanged ? badge('headline', 'headline changed') : ''}</div>
</li>`;
}

const EVENT_BADGES = { removed: 'removed from site', restored: 'restored', revert: 'reverted', retired: 'no longer checked', error: 'error' } as const;

function eventRow(change: Extract<Change, { type: 'event' }>, now: Millis): SafeHtml {
  const { article, event } = change;
  return html`<li class="change change-event">
<a class="headline" href="/articles/${article.id}">${article.title ?? article.url}</a>
<div class="meta"><a class="source" href="/?source=${encodeURIComponent(article.sourceKey)}">${article.sourceKey}</a>
· ${timeAgo(change.at, now)} · ${badge(event.kind, EVENT_BADGES[event.kind])} <span class="detail">${describeEvent(change)}</span></div>
</li>`;
}

export function changeList(rows: ChangeRow[], now: Millis): SafeHtml {
  if (!rows.length) return html`<p class="empty">No changes yet. Articles appear here once a second version has been seen.</p>`;
  return html`<ol class="changes">${rows.map((r) =>
    r.change.type === 'version' ? versionRow(r.change, r.headlineChanged, now) : eventRow(r.change, now))}</ol>`;
}

export function changesPage(page: Page<ChangeRow>, source: Source | null, sources: Source[], now: Millis): SafeHtml {
  const options = sources.map((s) => html`<option value="${s.key}"${s.id === source?.id ? ' selected' : ''}>${s.name} (${s.key})</option>`);
  return html`<h1>${source ? `Recent changes in ${source.name}` : 'Recent changes'}</h1>
<form class="filter" method="get" action="/">
<label>Source <select name="source"><option value="">All sources</option>${options}</select></label>
<button type="submit">Filter</button>
</form>
${changeList(page.items, now)}
${nextPageLink('/', { source: source?.key }, page.nextCursor, 'Older changes')}`;
}
