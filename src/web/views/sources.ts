import type { Millis, SourceWithStats } from '../../model/index.ts';
import type { SourceAlert } from '../../tracker/quiet.ts';
import { html, type SafeHtml } from '../html.ts';
import { externalLink, timeAgo } from './components.ts';
import { sourceFeedBase } from './paths.ts';

function status(s: SourceWithStats, now: Millis): SafeHtml {
  if (!s.lastPollAt) return html`<span class="muted">not polled yet</span>`;
  const label = s.lastStatus === 'not_modified' ? 'not modified' : (s.lastStatus ?? 'unknown');
  // A poll that succeeded with something to say: "ok, recovered 12 items after an XML error at line 40".
  const note = s.lastStatus === 'ok' && s.lastNote ? html`<span class="muted">, ${s.lastNote}</span>` : '';
  return html`<span class="status status-${s.lastStatus ?? 'unknown'}">${label}</span>${note} ${timeAgo(s.lastPollAt, now)}
${s.lastError ? html`<div class="error-text">${s.lastError}</div>` : ''}`;
}

function alertNote(s: SourceWithStats, alert: SourceAlert | undefined): SafeHtml | string {
  if (s.pausedAt !== null) return html`<div class="notice">Paused by an admin.</div>`;
  return alert ? html`<div class="notice">${alert.kind === 'quiet' ? 'Quiet' : 'Failing'}: ${alert.message}</div>` : '';
}

function row(s: SourceWithStats, now: Millis, alert?: SourceAlert): SafeHtml {
  return html`<tr id="${s.key}">
<td><a href="/?source=${encodeURIComponent(s.key)}"><strong>${s.name}</strong></a><br><span class="muted">${s.key}</span>${s.enabled ? '' : ' (disabled)'}</td>
<td class="num">${s.articleCount}</td>
<td class="num">${s.versionCount}</td>
<td>${status(s, now)}${alertNote(s, alert)}</td>
<td>${s.feedUrl ? externalLink(s.feedUrl, s.type === 'page' ? 'front page' : 'feed') : html`<span class="muted">manual</span>`} ·
<a href="${sourceFeedBase(s.key)}.rss">changes RSS</a> · <a href="/articles?source=${encodeURIComponent(s.key)}">articles</a></td>
</tr>`;
}

export function sourcesPage(sources: SourceWithStats[], now: Millis, alerts: SourceAlert[] = []): SafeHtml {
  const alertOf = new Map(alerts.map((a) => [a.source, a]));
  if (!sources.length) return html`<h1>Sources</h1><p class="empty">No sources configured.</p>`;
  return html`<h1>Sources</h1>
<div class="table-scroll"><table class="sources">
<thead><tr><th>Source</th><th>Articles</th><th>Versions</th><th>Last poll</th><th>Links</th></tr></thead>
<tbody>${sources.map((s) => row(s, now, alertOf.get(s.key)))}</tbody>
</table></div>`;
}
