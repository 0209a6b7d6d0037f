import type { ChangeContext } from './change.ts';

// The text of a social post about a change, fitted to the network's limit. Quoted texts are cut
// (with …) as evenly as needed; the link to the diff is never cut.

export interface PostLimit {
  max: number;
  /** Length as the network counts it. */
  count(text: string): number;
  /** What the link costs (Mastodon counts every URL as 23 characters); its real length when absent. */
  linkCost?: number;
}

export interface PostText {
  text: string;
  /** Where the diff link sits in `text` (UTF-16 offsets), for rich-text facets. */
  link: { uri: string; start: number; end: number };
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

export const MASTODON_LIMIT: PostLimit = { max: 500, count: (t) => [...t].length, linkCost: 23 };
export const BLUESKY_LIMIT: PostLimit = { max: 300, count: (t) => graphemes(t).length };

function cut(text: string, n: number): string {
  const g = graphemes(text);
  return g.length <= n
    ? text
    : `${g
        .slice(0, Math.max(0, n - 1))
        .join('')
        .trimEnd()}…`;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** "2 paragraphs changed, 1 added" from the diff summary. */
function whatChanged(c: ChangeContext): string {
  const s = c.diff.summary;
  const parts = [
    s.paragraphsChanged && `${plural(s.paragraphsChanged, 'paragraph')} changed`,
    s.paragraphsAdded && `${plural(s.paragraphsAdded, 'paragraph')} added`,
    s.paragraphsRemoved && `${plural(s.paragraphsRemoved, 'paragraph')} removed`,
    s.paragraphsMoved && `${plural(s.paragraphsMoved, 'paragraph')} moved`,
    s.paragraphsSplit && `${plural(s.paragraphsSplit, 'paragraph')} split`,
    s.paragraphsMerged && `${plural(s.paragraphsMerged, 'paragraph')} merged`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'edited';
}

/** The pieces of the post; quoted pieces may be cut to `n` graphemes. */
function build(c: ChangeContext, n: number): { before: string; uri: string } {
  const source = c.article.sourceName;
  const { title } = c.diff;
  if (title.changed) {
    return { before: `Headline changed (${source}):\n“${cut(title.old ?? '', n)}”\n→ “${cut(title.new ?? '', n)}”\n\n`, uri: c.links.diff };
  }
  return { before: `Edited (${source}): “${cut(c.to.title, n)}” — ${whatChanged(c)}.\n\n`, uri: c.links.diff };
}

export function composePost(c: ChangeContext, limit: PostLimit): PostText {
  const length = (p: { before: string; uri: string }) => limit.count(p.before) + (limit.linkCost ?? limit.count(p.uri));
  let lo = 0;
  let hi = Math.max(graphemes(c.diff.title.old ?? '').length, graphemes(c.diff.title.new ?? '').length, graphemes(c.to.title).length);
  if (length(build(c, hi)) > limit.max) {
    // The longest cut that fits.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (length(build(c, mid)) <= limit.max) lo = mid;
      else hi = mid - 1;
    }
  } else lo = hi;
  const p = build(c, lo);
  return { text: p.before + p.uri, link: { uri: p.uri, start: p.before.length, end: p.before.length + p.uri.length } };
}
