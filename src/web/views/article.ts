import type { ArticleEvent, ArticleWithSource, Millis, Version } from '../../model/index.ts';
import { formatDate, laterOrEarlier, plural } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { exactTime, externalLink, timeAgo, words } from './components.ts';
import { articleFeedBase, diffPath, versionPath } from './paths.ts';
import { eventText, timeline } from './timeline.ts';
import { changeLabels } from './significance.ts';

/** The sentences of the header, in the words of the system Redline is modelled on. */
function nextCheck(article: ArticleWithSource, now: Millis): SafeHtml {
  if (article.nextCheckAt === null || article.status === 'retired') return html`It will not be checked again for changes.`;
  if (article.nextCheckAt <= now) return html`The next check for changes is due now.`;
  return html`The next check for changes will be ${exactTime(article.nextCheckAt)}.`;
}

function header(article: ArticleWithSource, now: Millis): SafeHtml {
  const first = article.feedPublishedAt ?? article.firstSeenAt;
  const changes = Math.max(article.versionCount - 1, 0);
  const next = nextCheck(article, now);
  const changed =
    changes === 0 ? html`The article has not changed since it was first seen.` : html`The article has changed ${plural(changes, 'time')}.`;
  return html`<div class="article-intro">
<p>This article is from the source <a href="/sources#${article.sourceKey}">${article.sourceName}</a> and was first published or seen on ${exactTime(first)}. ${next}</p>
<p>You can find the current article at its original source at ${externalLink(article.url)}.</p>
<p>${changed} There is an <a href="${articleFeedBase(article.id)}.rss">RSS feed of changes</a> available.</p>
${article.status === 'removed' ? html`<p class="notice">The article was removed from the site at its last check.</p>` : ''}
${article.lastError ? html`<p class="notice">The last check failed: ${article.lastError}</p>` : ''}
</div>`;
}

function versionRow(articleId: number, v: Version, prev: Version | undefined, now: Millis): SafeHtml {
  const links = prev
    ? html`<a href="${diffPath(articleId, prev.number, v.number)}">diff with ${prev.number}</a>`
    : html`<span class="muted">first seen</span>`;
  return html`<tr id="v${v.number}">
<td class="num"><a href="${versionPath(articleId, v.number)}">${v.number}</a></td>
<td>${exactTime(v.capturedAt)}<br><span class="muted">${prev ? laterOrEarlier(prev.capturedAt, v.capturedAt) : timeAgo(v.capturedAt, now)}</span></td>
<td class="title">${v.title}</td>
<td>${prev ? html`${words(v.wordsAdded, v.wordsRemoved)}${v.change ? html`<br>${changeLabels(v.change)}` : ''}` : ''}</td>
<td class="links">${links}</td>
</tr>`;
}

/** Pick any two versions; the form works without JavaScript (a GET that redirects to the diff). */
function compareForm(articleId: number, versions: Version[]): SafeHtml {
  if (versions.length < 2) return html``;
  const opts = (selected: number): SafeHtml[] =>
    versions.map((v) => html`<option value="${v.number}"${v.number === selected ? ' selected' : ''}>${v.number}</option>`);
  const last = versions[versions.length - 1].number;
  return html`<form class="compare" method="get" action="/articles/${articleId}/diff">
<label>Compare version <select name="a">${opts(1)}</select></label>
<label>with <select name="b">${opts(last)}</select></label>
<button type="submit">Show diff</button>
</form>`;
}

function eventList(articleId: number, events: ArticleEvent[]): SafeHtml {
  if (!events.length) return html``;
  return html`<h2 id="events">Events</h2><ul class="events">${events.map(
    (e) =>
      html`<li id="event-${e.id}">${exactTime(e.at)}: ${e.versionNumber ? html`<a href="${versionPath(articleId, e.versionNumber)}">${eventText(e)}</a>` : eventText(e)}${e.detail ? ` (${e.detail})` : ''}</li>`,
  )}</ul>`;
}

export function articlePage(article: ArticleWithSource, versions: Version[], events: ArticleEvent[], now: Millis): SafeHtml {
  const rows = versions.map((v, i) => versionRow(article.id, v, versions[i - 1], now));
  const end = Math.max(versions.at(-1)?.capturedAt ?? now, article.lastCheckedAt ?? 0);
  return html`<article class="article-page">
<h1>${article.title ?? article.url}</h1>
${header(article, now)}
<h2>Versions</h2>
${timeline(article.id, versions, events, end)}
${compareForm(article.id, versions)}
<div class="table-scroll"><table class="versions">
<thead><tr><th>#</th><th>Captured</th><th>Headline</th><th>Change</th><th>Diff</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
${eventList(article.id, events)}
<p class="muted">Last checked: ${article.lastCheckedAt ? formatDate(article.lastCheckedAt) : 'never'}.</p>
</article>`;
}
