import type { Millis, SourceWithStats } from '../../model/index.ts';
import type { SourceAlert } from '../../tracker/quiet.ts';
import { html, type SafeHtml } from '../html.ts';
import { externalLink, timeAgo } from './components.ts';
import { sourceFeedBase } from './paths.ts';

/** The last poll in plain words: "worked", "no news since the last poll", "failed". */
function status(s: SourceWithStats, now: Millis): SafeHtml {
  if (!s.feedUrl) return html`<span class="muted">no feed: articles are added by hand with <code>redline check URL</code></span>`;
  if (!s.lastPollAt) return html`<span class="muted">not polled yet</span>`;
  const label =
    s.lastStatus === 'ok'
      ? 'feed read'
      : s.lastStatus === 'not_modified'
        ? 'feed unchanged since the last poll'
        : s.lastStatus === 'error'
          ? 'failed'
          : 'unknown';
  // A poll that succeeded with something to say: "ok, recovered 12 items after an XML error at line 40".
  const note = s.lastStatus === 'ok' && s.lastNote ? html`<span class="muted">, ${s.lastNote}</span>` : '';
  return html`<span class="status status-${s.lastStatus ?? 'unknown'}">${label}</span>${note} ${timeAgo(s.lastPollAt, now)}
${s.lastError ? html`<div class="error-text">${s.lastError}</div>` : ''}${limited(s, now)}`;
}

/** What the source's limits held back (config `limits`): nothing over a limit is dropped silently. */
function limited(s: SourceWithStats, now: Millis): SafeHtml | string {
  if (!s.limitedCount || !s.lastLimitedAt) return '';
  return html`<div class="muted limit-note">Over its limits: ${s.limitedCount} held back in all; last ${timeAgo(s.lastLimitedAt, now)}: ${s.lastLimitNote ?? ''}</div>`;
}

function alertNote(s: SourceWithStats, alert: SourceAlert | undefined): SafeHtml | string {
  if (s.pausedAt !== null) return html`<div class="notice">Paused by an admin.</div>`;
  return alert ? html`<div class="notice">${alert.kind === 'quiet' ? 'Quiet' : 'Failing'}: ${alert.message}</div>` : '';
}

function row(s: SourceWithStats, now: Millis, alert?: SourceAlert): SafeHtml {
  return html`<tr id="${s.key}">
<td class="name" data-label="Source"><a href="/?source=${encodeURIComponent(s.key)}"><strong>${s.name}</strong></a></td>
<td class="num" data-label="Articles">${s.articleCount}</td>
<td class="num" data-label="Versions">${s.versionCount}</td>
<td data-label="Last poll">${status(s, now)}${alertNote(s, alert)}</td>
<td class="links" data-label="Links">${s.feedUrl ? html`${externalLink(s.feedUrl, s.type === 'page' ? 'front page' : 'feed')} · ` : ''}<a href="${sourceFeedBase(s.key)}.rss">changes RSS</a> · <a href="/articles?source=${encodeURIComponent(s.key)}">articles</a> · <a href="/stats/sources/${encodeURIComponent(s.key)}">statistics</a></td>
</tr>`;
}

export function sourcesPage(sources: SourceWithStats[], now: Millis, alerts: SourceAlert[] = []): SafeHtml {
  const alertOf = new Map(alerts.map((a) => [a.source, a]));
  if (!sources.length) return html`<h1>Sources</h1><p class="empty">No sources configured.</p>`;
  return html`<h1>Sources</h1>
<table class="sources">
<thead><tr><th>Source</th><th>Articles</th><th>Versions</th><th>Last poll</th><th>Links</th></tr></thead>
<tbody>${sources.map((s) => row(s, now, alertOf.get(s.key)))}</tbody>
</table>`;
}
