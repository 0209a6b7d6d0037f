import type { Millis } from '../../model/index.ts';
import { formatDate, isoDate, relativeTime, wordDelta } from '../format.ts';
import { html, type SafeHtml } from '../html.ts';

/** Relative time for reading, the exact time on hover and for machines. */
export function timeAgo(at: Millis, now: Millis): SafeHtml {
  return html`<time datetime="${isoDate(at)}" title="${formatDate(at)}">${relativeTime(at, now)}</time>`;
}

export function exactTime(at: Millis): SafeHtml {
  return html`<time datetime="${isoDate(at)}">${formatDate(at)}</time>`;
}

/** Word counts; the signs and words carry the meaning, colour only helps. */
export function words(added: number, removed: number): SafeHtml {
  return html`<span class="words" title="${wordDelta(added, removed)}"><span class="plus">+${added}</span> <span class="minus">\u2212${removed}</span> <span class="unit">words</span></span>`;
}

export type BadgeKind = 'headline' | 'removed' | 'restored' | 'revert' | 'retired' | 'error';

export function badge(kind: BadgeKind, text: string): SafeHtml {
  return html`<span class="badge badge-${kind}">${text}</span>`;
}

/** Link to the news site itself: marked external, never sends our page as referrer. */
export function externalLink(url: string, text?: string): SafeHtml {
  return html`<a href="${safeUrl(url)}" rel="external noopener noreferrer" class="external">${text ?? url}</a>`;
}

/** Only http(s) URLs become links: a `javascript:` URL from a feed must never be clickable. */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

/** "Older →" link for cursor pagination, keeping the other query parameters. */
export function nextPageLink(path: string, params: Record<string, string | undefined>, cursor: string | null, label = 'Older'): SafeHtml {
  if (!cursor) return html``;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
  query.set('cursor', cursor);
  return html`<nav class="pager"><a rel="next" href="${path}?${query.toString()}">${label} \u2192</a></nav>`;
}
