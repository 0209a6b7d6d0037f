import type { ArticleWithSource } from '../../model/index.ts';
import type { VersionPair } from '../diff-cache.ts';
import { diffField, type FieldDiff } from '../../diff/index.ts';
import { formatPageDate, laterOrEarlier } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { describeDiff } from '../summary.ts';
import { exactTime, externalLink } from './components.ts';
import { renderInline, renderSideBySide } from './diff-view.ts';
import { articlePath, diffPath, versionPath } from './paths.ts';
import { changeLabels } from './significance.ts';

export interface DiffViewOptions {
  inline: boolean;
  changesOnly: boolean;
}

function query(o: DiffViewOptions): string {
  const q = new URLSearchParams();
  if (o.inline) q.set('view', 'inline');
  if (o.changesOnly) q.set('changes', 'only');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Step both ends by one version, keeping the view settings: "the change before / after this one". */
function stepNav(article: ArticleWithSource, a: number, b: number, o: DiffViewOptions): SafeHtml {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const prev =
    lo > 1
      ? html`<a rel="prev" href="${diffPath(article.id, lo - 1, hi - 1)}${query(o)}">\u2190 Previous change</a>`
      : html`<span class="muted">\u2190 Previous change</span>`;
  const next =
    hi < article.versionCount
      ? html`<a rel="next" href="${diffPath(article.id, lo + 1, hi + 1)}${query(o)}">Next change \u2192</a>`
      : html`<span class="muted">Next change \u2192</span>`;
  const latest =
    hi < article.versionCount
      ? html` · <a href="${diffPath(article.id, lo, article.versionCount)}${query(o)}">Compare with latest</a>`
      : '';
  return html`<nav class="diff-nav">${prev} · <a href="${articlePath(article.id)}">All versions</a>${latest} · ${next}</nav>`;
}

function switches(path: string, o: DiffViewOptions): SafeHtml {
  const link = (label: string, next: DiffViewOptions, current: boolean): SafeHtml =>
    current ? html`<strong aria-current="true">${label}</strong>` : html`<a href="${path}${query(next)}">${label}</a>`;
  return html`<p class="switches">View: ${link('side by side', { ...o, inline: false }, !o.inline)} | ${link('inline', { ...o, inline: true }, o.inline)}
· Show: ${link('everything', { ...o, changesOnly: false }, !o.changesOnly)} | ${link('changes only', { ...o, changesOnly: true }, o.changesOnly)}</p>`;
}

/** Published times as the rest of the site writes dates ("1 December 2026, 06:53 UTC"), diffed as such. */
function readablePublished(field: FieldDiff): FieldDiff {
  const read = (t: string | null) => (t === null ? null : (formatPageDate(t) ?? t));
  const left = read(field.old);
  const right = read(field.new);
  return left === field.old && right === field.new ? field : diffField(left, right);
}

export function diffPage(article: ArticleWithSource, pair: VersionPair, o: DiffViewOptions): SafeHtml {
  const { from, to, model } = pair;
  const path = diffPath(article.id, from.number, to.number);
  // As the seed page has it: the relative time in the column header, "Version 3 (31 minutes later)".
  const opts = {
    leftLabel: `Version ${from.number}`,
    rightLabel: `Version ${to.number} (${laterOrEarlier(from.capturedAt, to.capturedAt)})`,
    timeNote: null,
    changesOnly: o.changesOnly,
  };
  const shown = { ...model, published: readablePublished(model.published) };
  const body = o.inline ? renderInline(shown, opts) : renderSideBySide(shown, opts);
  return html`<article class="diff-page">
<p class="crumbs"><a href="${articlePath(article.id)}">${article.sourceName}: all versions of this article</a> · ${externalLink(article.url, 'original')}</p>
<h1>${to.title}</h1>
<p class="diff-intro"><a href="${versionPath(article.id, from.number)}">Version ${from.number}</a> (${exactTime(from.capturedAt)}) compared with
<a href="${versionPath(article.id, to.number)}">version ${to.number}</a> (${exactTime(to.capturedAt)}, ${laterOrEarlier(from.capturedAt, to.capturedAt)}).</p>
<p class="diff-summary">${describeDiff(model.summary)} ${changeLabels(model)}</p>
${stepNav(article, from.number, to.number, o)}
${switches(path, o)}
${body}
${stepNav(article, from.number, to.number, o)}
</article>`;
}
