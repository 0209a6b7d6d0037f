import type { Page, SearchHit, Source } from '../../model/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { exactTime, nextPageLink } from './components.ts';
import { highlight } from './highlight.ts';
import { ALL_CHANGES, describeSignificance, significanceParams, type Significance } from '../significance.ts';
import { articlePath, versionPath } from './paths.ts';
import { significanceNav } from './significance.ts';

export interface DateRange {
  /** As typed (YYYY-MM-DD), for the form. */
  from: string;
  to: string;
}

/** "versions 1, 2 and 4". */
function numbers(ns: number[]): string {
  return ns.length < 2 ? String(ns[0]) : `${ns.slice(0, -1).join(', ')} and ${ns.at(-1)}`;
}

/**
 * One hit per article: the newest version that matches, its snippet, and the other matching
 * versions. When the current version no longer matches, the text was removed later: the snippet
 * is struck through and says since when.
 */
function hit(h: SearchHit, q: string): SafeHtml {
  const a = h.article;
  const [v, ...older] = h.versions;
  if (!v) return html``;
  const removed = v.number < a.versionCount;
  const note = removed
    ? html`<p class="removed-note"><span class="badge badge-removed">removed later</span> not in the current version (${a.versionCount}); last seen in version ${v.number}</p>`
    : '';
  const also = older.length
    ? html` · also in version${older.length === 1 ? '' : 's'} ${numbers(older.map((o) => o.number).reverse())}`
    : '';
  return html`<li class="hit${removed ? ' hit-removed' : ''}">
<a class="headline" href="${articlePath(a.id)}">${a.title ?? a.url}</a> <span class="source">${a.sourceName}</span>
<div class="meta"><a href="${versionPath(a.id, v.number)}">version ${v.number}</a>, ${exactTime(v.capturedAt)}${also}${v.title !== a.title ? html` · headline then: <em>${v.title}</em>` : ''}</div>
${note}<blockquote class="snippet">${removed ? html`<del>${highlight(v.snippet, q)}</del>` : highlight(v.snippet, q)}</blockquote>
</li>`;
}

export function searchPage(
  q: string,
  page: Page<SearchHit> | null,
  source: Source | null,
  sources: Source[],
  range: DateRange = { from: '', to: '' },
  significance: Significance = ALL_CHANGES,
): SafeHtml {
  const options = sources.map((s) => html`<option value="${s.key}"${s.id === source?.id ? ' selected' : ''}>${s.name}</option>`);
  const params = significanceParams(significance);
  const hidden = Object.entries(params).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  const form = html`<form class="filter" method="get" action="/search">
<label>Words or "a phrase" <input type="search" name="q" value="${q}"></label>
<label>Source <select name="source"><option value="">All sources</option>${options}</select></label>
<label>From <input type="date" name="from" value="${range.from}"></label>
<label>To <input type="date" name="to" value="${range.to}"></label>
${hidden}<button type="submit">Search</button>
</form>`;
  const kinds = significanceNav('/search', { q, source: source?.key, from: range.from, to: range.to }, significance);
  if (!page) {
    return html`<h1>Search</h1>${form}${kinds}<p class="muted">Searches the headline and text of every version, including text that was later removed.
Words match their other forms ("resign" finds "resigned"); put "quotes" around a phrase and a * after the start of a word (<code>parliam*</code>).</p>`;
  }
  const results = page.items.length
    ? html`<ol class="hits">${page.items.map((h) => hit(h, q))}</ol>`
    : html`<p class="empty">Nothing found for ${q}${describeSignificance(significance) ? ` in ${describeSignificance(significance)}` : ''}.</p>`;
  return html`<h1>Search: ${q}</h1>${form}${kinds}${results}${nextPageLink('/search', { q, source: source?.key, from: range.from, to: range.to, ...params }, page.nextCursor, 'More results')}`;
}
