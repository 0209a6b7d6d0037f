import type { ArticleEvent, Millis, Version } from '../../model/index.ts';
import { formatDate } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';
import { diffPath, versionPath } from './paths.ts';

const WIDTH = 1000;
const HEIGHT = 40;
const PAD = 12;

/**
 * The edits on a time axis, as inline SVG: positions are attributes, not inline styles, so the
 * strict Content-Security-Policy holds. The axis stretches to any width; marks are zero-length
 * lines with round caps and non-scaling strokes, so they stay round dots however it stretches. Each mark links to the diff that produced that version.
 */
export function timeline(articleId: number, versions: Version[], events: ArticleEvent[], end: Millis): SafeHtml {
  if (!versions.length) return html``;
  const start = versions[0].capturedAt;
  const span = Math.max(end - start, 1);
  const x = (at: Millis): string => (PAD + ((at - start) / span) * (WIDTH - 2 * PAD)).toFixed(1);
  // The previous listed version, not number - 1: a hidden version is not listed (its diff would be 410).
  const marks = versions.map((v, i) => {
    const prev = versions[i - 1];
    const href = prev ? diffPath(articleId, prev.number, v.number) : versionPath(articleId, v.number);
    return html`<a href="${href}"><line x1="${x(v.capturedAt)}" y1="20" x2="${x(v.capturedAt)}" y2="20" class="tl-version" vector-effect="non-scaling-stroke"><title>Version ${v.number}, ${formatDate(v.capturedAt)}</title></line></a>`;
  });
  const eventMarks = events
    .filter((e) => e.at >= start)
    .map(
      (e) =>
        html`<a href="${eventHref(articleId, e)}"><line x1="${x(e.at)}" y1="6" x2="${x(e.at)}" y2="34" class="tl-event tl-${e.kind}" vector-effect="non-scaling-stroke"><title>${eventText(e)}, ${formatDate(e.at)}</title></line></a>`,
    );
  return html`<figure class="timeline">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" role="img" aria-label="Timeline of ${versions.length} versions from ${formatDate(start)} to ${formatDate(end)}">
<line x1="${PAD}" y1="20" x2="${WIDTH - PAD}" y2="20" class="tl-axis" vector-effect="non-scaling-stroke"></line>
${eventMarks}${marks}
</svg>
<figcaption><span>${formatDate(start)}</span><span>${formatDate(end)}</span></figcaption>
</figure>`;
}

/** A revert goes to the version the page returned to; other events to their line in the event list. */
export function eventHref(articleId: number, e: ArticleEvent): string {
  return e.versionNumber ? versionPath(articleId, e.versionNumber) : `#event-${e.id}`;
}

const EVENT_WORDS = {
  removed: 'Removed from the site',
  restored: 'Back on the site',
  revert: 'Returned to an earlier version',
  retired: 'No longer checked',
  error: 'Check failed',
} as const;

export function eventText(e: ArticleEvent): string {
  return e.kind === 'revert' && e.versionNumber ? `Returned to the text of version ${e.versionNumber}` : EVENT_WORDS[e.kind];
}
