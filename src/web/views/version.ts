import type { ArticleWithSource, Version } from '../../model/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatPageDate } from '../format.ts';
import { exactTime } from './components.ts';
import { articlePath, diffPath, rawPath, versionPath } from './paths.ts';

function nav(article: ArticleWithSource, n: number): SafeHtml {
  const prev = n > 1 ? html`<a rel="prev" href="${versionPath(article.id, n - 1)}">\u2190 Version ${n - 1}</a>` : '';
  const next = n < article.versionCount ? html`<a rel="next" href="${versionPath(article.id, n + 1)}">Version ${n + 1} \u2192</a>` : '';
  const diff = n > 1 ? html`<a href="${diffPath(article.id, n - 1, n)}">What changed from ${n - 1}</a>` : '';
  return html`<nav class="version-nav">${prev} ${diff} ${next}</nav>`;
}

/** What the version page shows of the version's evidence (record, capture, archive copy). */
export interface VersionEvidence {
  recordHash: string | null;
  captureDigest: string | null;
  /** false: a capture kept before exact captures (decoded text re-encoded as UTF-8). */
  exactCapture: boolean;
  sealed: boolean;
  archivedUrl: string | null;
}

function evidenceBlock(v: Version, e: VersionEvidence | undefined): SafeHtml | '' {
  if (!e || !e.recordHash) return '';
  const proof = e.sealed
    ? html`<a href="/api/v1/proofs/versions/${String(v.id)}">inclusion proof</a> (check it with docs/verify-version.mjs)`
    : html`<span class="muted">not yet sealed under a signed root</span>`;
  const archived =
    e.archivedUrl && /^https?:\/\//.test(e.archivedUrl)
      ? html` · <a href="${e.archivedUrl}" rel="nofollow noopener">Wayback Machine copy</a>`
      : '';
  return html`<p class="muted evidence">Record <code>${e.recordHash.slice(0, 16)}…</code> · ${proof}${e.captureDigest ? html` · capture sha256 <code>${e.captureDigest.slice(0, 16)}…</code>${e.exactCapture ? '' : ' (re-encoded, from before exact captures)'}` : ''}${archived}</p>`;
}

export function versionPage(article: ArticleWithSource, v: Version, evidence?: VersionEvidence): SafeHtml {
  const raw = v.hasRaw
    ? html`<a href="${rawPath(article.id, v.number)}">raw capture (as text)</a> · <a href="${rawPath(article.id, v.number)}?download=1">download</a>`
    : html`<span class="muted">no raw capture kept</span>`;
  return html`<article class="version-page">
<p class="crumbs"><a href="${articlePath(article.id)}">All versions of this article</a></p>
<p class="muted">Version ${v.number} of ${article.versionCount}, captured ${exactTime(v.capturedAt)} · ${raw}</p>
${evidenceBlock(v, evidence)}
${nav(article, v.number)}
<h1>${v.title}</h1>
${v.byline ? html`<p class="byline">${v.byline}</p>` : ''}
${v.published ? html`<p class="muted">Published: ${formatPageDate(v.published) ?? v.published}</p>` : ''}
<div class="text">${bodyText(v.paragraphs)}</div>
</article>`;
}

/**
 * Looks like a list item: short, and not ending as a sentence does. The extractor hands over
 * paragraphs without saying which were list items, so a run of two or more such lines is shown
 * as the bulleted list it almost always was ("Base rate: 3.5 per cent", "Vote: six to three").
 */
const LIST_ITEM = /^.{1,100}$/su;
const SENTENCE_END = /[.!?:;]$/u;
const listLike = (p: string): boolean => LIST_ITEM.test(p) && !SENTENCE_END.test(p.trim());

export function bodyText(paragraphs: string[]): SafeHtml[] {
  const out: SafeHtml[] = [];
  for (let i = 0; i < paragraphs.length;) {
    let j = i;
    while (j < paragraphs.length && listLike(paragraphs[j])) j++;
    if (j - i >= 2) {
      out.push(html`<ul>${paragraphs.slice(i, j).map((p) => html`<li>${p}</li>`)}</ul>`);
      i = j;
    } else {
      out.push(html`<p>${paragraphs[i]}</p>`);
      i++;
    }
  }
  return out;
}
