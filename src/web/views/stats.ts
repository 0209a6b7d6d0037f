import type { Millis, Source } from '../../model/index.ts';
import type { MostEdited, SourceStatistics } from '../../store/store.ts';
import { formatSpan } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { barChart, histogram } from './charts.ts';
import { timeAgo } from './components.ts';
import { articlePath } from './paths.ts';

export type Period = 'day' | 'week' | 'month';
export const PERIODS: Record<Period, { ms: number; label: string }> = {
  day: { ms: 86_400_000, label: 'last 24 hours' },
  week: { ms: 7 * 86_400_000, label: 'last 7 days' },
  month: { ms: 30 * 86_400_000, label: 'last 30 days' },
};

const pct = (part: number, whole: number): string => (whole ? `${Math.round((100 * part) / whole)}%` : '\u2013');
const ratio = (a: number, b: number): string => (b ? (a / b).toFixed(1) : '\u2013');

function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const span = (ms: number | null): string => (ms === null ? '\u2013' : formatSpan(ms));

export interface SourceStats {
  source: Source;
  stats: SourceStatistics;
}

function periodNav(current: Period | null): SafeHtml {
  return html`<nav class="period-nav" aria-label="Most edited">Most edited in the ${(Object.keys(PERIODS) as Period[]).map(
    (p, i) =>
      html`${i ? ' · ' : ''}${p === current ? html`<strong aria-current="page">${PERIODS[p].label}</strong>` : html`<a href="/stats/most-edited?period=${p}">${PERIODS[p].label}</a>`}`,
  )}</nav>`;
}

export function mostEditedList(items: MostEdited[], now: Millis): SafeHtml {
  if (!items.length) return html`<p class="empty">No article was edited in this period.</p>`;
  return html`<ol class="most-edited">${items.map(
    (m) => html`<li>
<a class="headline" href="${articlePath(m.article.id)}">${m.article.title ?? m.article.url}</a>
<div class="meta">${m.article.sourceName} · <strong>${m.edits} edit${m.edits === 1 ? '' : 's'}</strong> · last edit ${timeAgo(m.lastEditAt, now)} · ${m.article.versionCount} versions in all</div>
</li>`,
  )}</ol>`;
}

export function statsPage(rows: SourceStats[], week: MostEdited[], now: Millis, computedAt: Millis): SafeHtml {
  const withArticles = rows.filter((r) => r.stats.articles > 0);
  const table = html`<table class="stats">
<thead><tr><th>Source</th><th>Articles</th><th>Edited</th><th>Versions per article</th><th>Median time to first edit</th><th>Headline changed</th></tr></thead>
<tbody>${rows.map(
    ({ source, stats: s }) => html`<tr>
<td class="name" data-label="Source"><a href="/stats/sources/${encodeURIComponent(source.key)}">${source.name}</a></td>
<td class="num" data-label="Articles">${s.articles}</td>
<td class="num" data-label="Edited">${pct(s.editedArticles, s.articles)}</td>
<td class="num" data-label="Versions per article">${ratio(s.versions, s.articles)}</td>
<td data-label="Median time to first edit">${span(median(s.firstEditDelays))}</td>
<td class="num" data-label="Headline changed">${pct(s.headlineEdits, s.edits)} of edits</td>
</tr>`,
  )}</tbody></table>`;
  return html`<h1>Statistics</h1>
<p class="muted">How often, how soon and how much the watched sources edit their articles. What counts as an edit: see <a href="/about">About</a>. Computed ${timeAgo(computedAt, now)}.</p>
${periodNav(null)}
<h2>Sources</h2>
${rows.length ? table : html`<p class="empty">No sources yet.</p>`}
${
  withArticles.length
    ? barChart(
        'Share of articles edited at least once',
        withArticles.map(({ source, stats: s }) => ({
          label: source.name,
          value: s.editedArticles / s.articles,
          text: pct(s.editedArticles, s.articles),
        })),
        1,
      )
    : ''
}
${
  withArticles.length
    ? barChart(
        'Versions per article',
        withArticles.map(({ source, stats: s }) => ({
          label: source.name,
          value: s.versions / s.articles,
          text: ratio(s.versions, s.articles),
        })),
      )
    : ''
}
<h2>Most edited in the last 7 days</h2>
${mostEditedList(week, now)}`;
}

export function sourceStatsPage(r: SourceStats, top: MostEdited[], now: Millis): SafeHtml {
  const s = r.stats;
  const d = s.firstEditDelays;
  const q = (f: number) => (d.length ? d[Math.min(d.length - 1, Math.floor(f * d.length))] : null);
  const hours = s.editsByHour.length;
  return html`<p class="crumbs"><a href="/stats">Statistics</a> · <a href="/?source=${encodeURIComponent(r.source.key)}">recent changes in ${r.source.name}</a></p>
<h1>Statistics: ${r.source.name}</h1>
<dl class="figures">
<div><dt>Articles tracked</dt><dd>${s.articles}</dd></div>
<div><dt>Edited at least once</dt><dd>${s.editedArticles} (${pct(s.editedArticles, s.articles)})</dd></div>
<div><dt>Versions per article</dt><dd>${ratio(s.versions, s.articles)}</dd></div>
<div><dt>Time to first edit</dt><dd>median ${span(median(d))}; a quarter within ${span(q(0.25))}, three quarters within ${span(q(0.75))}</dd></div>
<div><dt>Edits that changed the headline</dt><dd>${s.headlineEdits} of ${s.edits} (${pct(s.headlineEdits, s.edits)})</dd></div>
</dl>
${histogram(`Edits by hour since publication (the last bar: ${hours - 1} hours or later)`, s.editsByHour, (i) => (i === hours - 1 ? `${i}+` : String(i)), 'hours after publication')}
<h2>Most edited articles of this source, last 30 days</h2>
${mostEditedList(top, now)}`;
}

export function mostEditedPage(period: Period, items: MostEdited[], now: Millis): SafeHtml {
  return html`<p class="crumbs"><a href="/stats">Statistics</a></p>
<h1>Most edited: ${PERIODS[period].label}</h1>
${periodNav(period)}
${mostEditedList(items, now)}`;
}
