import { ARTICLE_STATUSES, type ArticleStatus, type ArticleWithSource, type Millis, type Page, type Source } from '../../model/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { nextPageLink, timeAgo } from './components.ts';
import { articlePath } from './paths.ts';

export interface ArticleFilters {
  source: Source | null;
  status: ArticleStatus | undefined;
  changedOnly: boolean;
}

function row(a: ArticleWithSource, now: Millis): SafeHtml {
  const changes = a.versionCount - 1;
  return html`<li class="article-row">
<a class="headline" href="${articlePath(a.id)}">${a.title ?? a.url}</a>
<div class="meta"><span class="source">${a.sourceName}</span> · first seen ${timeAgo(a.firstSeenAt, now)}
· ${changes > 0 ? `${changes} change${changes === 1 ? '' : 's'}` : 'unchanged'}${a.status !== 'active' ? ` · ${a.status}` : ''}</div>
</li>`;
}

function filterForm(f: ArticleFilters, sources: Source[]): SafeHtml {
  const sourceOptions = sources.map((s) => html`<option value="${s.key}"${s.id === f.source?.id ? ' selected' : ''}>${s.name}</option>`);
  const statusOptions = ARTICLE_STATUSES.map((s) => html`<option value="${s}"${s === f.status ? ' selected' : ''}>${s}</option>`);
  return html`<form class="filter" method="get" action="/articles">
<label>Source <select name="source"><option value="">All sources</option>${sourceOptions}</select></label>
<label>Status <select name="status"><option value="">Any</option>${statusOptions}</select></label>
<label><input type="checkbox" name="changed" value="1"${f.changedOnly ? ' checked' : ''}> Changed only</label>
<button type="submit">Filter</button>
</form>`;
}

export function articlesPage(page: Page<ArticleWithSource>, f: ArticleFilters, sources: Source[], now: Millis): SafeHtml {
  const list = page.items.length
    ? html`<ol class="articles">${page.items.map((a) => row(a, now))}</ol>`
    : html`<p class="empty">No articles match.</p>`;
  const params = { source: f.source?.key, status: f.status, changed: f.changedOnly ? '1' : undefined };
  return html`<h1>Articles</h1>${filterForm(f, sources)}${list}${nextPageLink('/articles', params, page.nextCursor, 'More articles')}`;
}
