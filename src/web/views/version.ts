import type { ArticleWithSource, Version } from '../../model/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { exactTime } from './components.ts';
import { articlePath, diffPath, rawPath, versionPath } from './paths.ts';

function nav(article: ArticleWithSource, n: number): SafeHtml {
  const prev = n > 1 ? html`<a rel="prev" href="${versionPath(article.id, n - 1)}">\u2190 Version ${n - 1}</a>` : '';
  const next = n < article.versionCount ? html`<a rel="next" href="${versionPath(article.id, n + 1)}">Version ${n + 1} \u2192</a>` : '';
  const diff = n > 1 ? html`<a href="${diffPath(article.id, n - 1, n)}">What changed from ${n - 1}</a>` : '';
  return html`<nav class="version-nav">${prev} ${diff} ${next}</nav>`;
}

export function versionPage(article: ArticleWithSource, v: Version): SafeHtml {
  const raw = v.hasRaw
    ? html`<a href="${rawPath(article.id, v.number)}">raw capture (as text)</a> · <a href="${rawPath(article.id, v.number)}?download=1">download</a>`
    : html`<span class="muted">no raw capture kept</span>`;
  return html`<article class="version-page">
<p class="crumbs"><a href="${articlePath(article.id)}">All versions of this article</a></p>
<p class="muted">Version ${v.number} of ${article.versionCount}, captured ${exactTime(v.capturedAt)} · ${raw}</p>
${nav(article, v.number)}
<h1>${v.title}</h1>
${v.byline ? html`<p class="byline">${v.byline}</p>` : ''}
${v.published ? html`<p class="muted">Published: ${v.published}</p>` : ''}
<div class="text">${v.paragraphs.map((p) => html`<p>${p}</p>`)}</div>
</article>`;
}
