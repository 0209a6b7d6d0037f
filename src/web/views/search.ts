import type { Page, SearchHit, Source } from '../../model/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { exactTime, nextPageLink } from './components.ts';
import { highlight } from './highlight.ts';
import { articlePath, versionPath } from './paths.ts';

function hit(h: SearchHit, q: string): SafeHtml {
  const a = h.article;
  return html`<li class="hit">
<a class="headline" href="${articlePath(a.id)}">${a.title ?? a.url}</a> <span class="source">${a.sourceKey}</span>
<ul class="hit-versions">${h.versions.map((v) => html`<li>
<a href="${versionPath(a.id, v.number)}">version ${v.number}</a>, ${exactTime(v.capturedAt)}${v.title !== a.title ? html`: <em>${v.title}</em>` : ''}
<blockquote class="snippet">${highlight(v.snippet, q)}</blockquote></li>`)}</ul>
</li>`;
}

export function searchPage(q: string, page: Page<SearchHit> | null, source: Source | null, sources: Source[]): SafeHtml {
  const options = sources.map((s) => html`<option value="${s.key}"${s.id === source?.id ? ' selected' : ''}>${s.name} (${s.key})</option>`);
  const form = html`<form class="filter" method="get" action="/search">
<label>Words or "a phrase" <input type="search" name="q" value="${q}"></label>
<label>Source <select name="source"><option value="">All sources</option>${options}</select></label>
<button type="submit">Search</button>
</form>`;
  if (!page) return html`<h1>Search</h1>${form}<p class="muted">Searches the headline and text of every version, including text that was later removed. Put "quotes" around a phrase.</p>`;
  const results = page.items.length
    ? html`<ol class="hits">${page.items.map((h) => hit(h, q))}</ol>`
    : html`<p class="empty">Nothing found for ${q}.</p>`;
  return html`<h1>Search: ${q}</h1>${form}${results}${nextPageLink('/search', { q, source: source?.key }, page.nextCursor, 'More results')}`;
}
