import type { Change, Millis, Page, Source } from '../../model/index.ts';
import type { ChangeDigest, Preview } from '../digest.ts';
import { html, type SafeHtml } from '../html.ts';
import { describeEvent } from '../summary.ts';
import { badge, nextPageLink, timeAgo, words } from './components.ts';
import { ALL_CHANGES, describeSignificance, significanceParams, type Significance } from '../significance.ts';
import { articlePath, diffPath } from './paths.ts';
import { changeLabels, significanceNav } from './significance.ts';

/** A change plus what the list needs to know about it (null for events). */
export interface ChangeRow {
  change: Change;
  digest: ChangeDigest | null;
}

type VersionChange = Extract<Change, { type: 'version' }>;

/** The preview line: `old → new`, the changed sentence, `2 paragraphs removed: "first words…"`. */
export function previewLine(p: Preview): SafeHtml {
  const marks = (segs: { op: string; text: string }[], keep: 'del' | 'ins' | 'both') =>
    segs
      .filter((x) => keep === 'both' || x.op === 'same' || x.op === keep)
      .map((x) => (x.op === 'del' ? html`<del>${x.text}</del>` : x.op === 'ins' ? html`<ins>${x.text}</ins>` : html`${x.text}`));
  switch (p.kind) {
    case 'headline':
      return html`<span class="preview">${marks(p.before, 'del')} \u2192 ${marks(p.after, 'ins')}</span>`;
    case 'sentence':
      return html`<span class="preview">${marks(p.segments, 'both')}</span>`;
    case 'paragraphs': {
      const n = `${p.count} paragraph${p.count === 1 ? '' : 's'} ${p.what}`;
      const quote =
        p.what === 'removed'
          ? html`<del>${p.firstWords}</del>`
          : p.what === 'added'
            ? html`<ins>${p.firstWords}</ins>`
            : html`${p.firstWords}`;
      return html`<span class="preview">${n}: \u201c${quote}\u201d</span>`;
    }
    case 'other':
      return html`<span class="preview">${p.text}</span>`;
  }
}

/** "+3 −1 words", or what happened when no word changed (a move, a byline): never "+0 −0 words". */
function wordsOrWhat(change: VersionChange, digest: ChangeDigest | null): SafeHtml {
  const { wordsAdded, wordsRemoved } = change.version;
  if (wordsAdded || wordsRemoved || !digest) return words(wordsAdded, wordsRemoved);
  return html`<span class="words">${digest.summary.replace(/: \+0 \/ \u22120 words$/, '')}</span>`;
}

/** Repeated edits of one article on this page, shown once: "5 edits today". */
interface Group {
  first: ChangeRow;
  count: number;
  oldest: VersionChange;
  /** Version numbers in the group, newest first (not consecutive on a filtered list). */
  numbers: number[];
}

function group(rows: ChangeRow[]): (ChangeRow | Group)[] {
  const out: (ChangeRow | Group)[] = [];
  const byArticle = new Map<number, Group>();
  for (const row of rows) {
    if (row.change.type !== 'version') {
      out.push(row);
      continue;
    }
    const g = byArticle.get(row.change.article.id);
    if (g) {
      g.count++;
      g.oldest = row.change;
      g.numbers.push(row.change.version.number);
      continue;
    }
    const fresh: Group = { first: row, count: 1, oldest: row.change, numbers: [row.change.version.number] };
    byArticle.set(row.change.article.id, fresh);
    out.push(fresh);
  }
  return out;
}

const DAY = 86_400_000;

function editsLabel(g: Group, now: Millis): string {
  const today = Math.floor(g.oldest.at / DAY) === Math.floor(now / DAY);
  return `${g.count} edits ${today ? 'today' : 'since ' + new Date(g.oldest.at).toISOString().slice(0, 10)}`;
}

function versionRow(g: Group, now: Millis): SafeHtml {
  const change = g.first.change as VersionChange;
  const { digest } = g.first;
  const { article, version } = change;
  const from = g.oldest.version.number - 1;
  // A filtered list groups only the matching versions: then each gets its own link.
  const consecutive = g.count === version.number - from;
  const each = [...g.numbers].reverse().map((n) => html`<a class="version" href="${diffPath(article.id, n - 1, n)}">${n}</a>`);
  const grouped =
    g.count === 1
      ? html` · version ${version.number}`
      : consecutive
        ? html` · <a class="edits" href="${diffPath(article.id, from, version.number)}">${editsLabel(g, now)}</a> (versions ${from} to ${version.number})`
        : html` · <a class="edits" href="${diffPath(article.id, from, version.number)}">${editsLabel(g, now)}</a> (versions ${each.map((l, i) => (i ? html`, ${l}` : l))})`;
  return html`<li class="change">
<a class="headline" href="${diffPath(article.id, version.number - 1, version.number)}">${version.title || article.url}</a>
${digest ? html`<div class="preview-line">${previewLine(digest.preview)}</div>` : ''}
<div class="meta"><a class="source" href="/?source=${encodeURIComponent(article.sourceKey)}">${article.sourceName}</a>
· ${timeAgo(change.at, now)}${grouped} · ${wordsOrWhat(change, digest)}
· <a href="${articlePath(article.id)}">all versions</a>
${version.change ? changeLabels(version.change) : digest?.headlineChanged ? badge('headline', 'headline changed') : ''}</div>
</li>`;
}

const EVENT_BADGES = {
  removed: 'removed from site',
  restored: 'restored',
  revert: 'reverted',
  retired: 'no longer checked',
  error: 'error',
} as const;

function eventRow(change: Extract<Change, { type: 'event' }>, now: Millis): SafeHtml {
  const { article, event } = change;
  return html`<li class="change change-event">
<a class="headline" href="/articles/${article.id}">${article.title ?? article.url}</a>
<div class="meta"><a class="source" href="/?source=${encodeURIComponent(article.sourceKey)}">${article.sourceName}</a>
· ${timeAgo(change.at, now)} · ${badge(event.kind, EVENT_BADGES[event.kind])} <span class="detail">${describeEvent(change)}</span></div>
</li>`;
}

/**
 * Why the list is empty, in words that help: on a first start without internet every source
 * fails, and "No changes yet" alone would hide that.
 */
export function emptyChanges(sources: Source[]): SafeHtml {
  const feeds = sources.filter((s) => s.feedUrl);
  const failing = feeds.filter((s) => s.lastStatus === 'error');
  if (feeds.length && failing.length === feeds.length) {
    return html`<div class="notice"><p><strong>Every source is failing</strong>: the last poll of ${failing.length === 1 ? 'the one source' : `all ${failing.length} sources`} ended in an error
(${failing[0].name}: ${failing[0].lastError ?? 'unknown error'}). Is this machine offline?</p>
<p>See the <a href="/sources">Sources page</a> for each source's error. Redline keeps retrying; changes appear here once articles have been read twice.</p></div>`;
  }
  if (failing.length) {
    return html`<p class="empty">No changes yet. ${failing.length} of ${feeds.length} sources are failing: see <a href="/sources">Sources</a>.</p>`;
  }
  if (feeds.length && feeds.every((s) => s.lastPollAt === null)) {
    return html`<p class="empty">No changes yet: the sources have not been polled yet. See <a href="/sources">Sources</a>.</p>`;
  }
  return html`<p class="empty">No changes yet. Articles appear here once a second version has been seen.</p>`;
}

export function changeList(rows: ChangeRow[], now: Millis, sources: Source[] = [], significance: Significance = ALL_CHANGES): SafeHtml {
  if (!rows.length) {
    const what = describeSignificance(significance);
    return what ? html`<p class="empty">No ${what} yet. <a href="/">See all changes</a>.</p>` : emptyChanges(sources);
  }
  return html`<ol class="changes">${group(rows).map((r) => ('count' in r ? versionRow(r, now) : eventRow(r.change as Extract<Change, { type: 'event' }>, now)))}</ol>`;
}

/** "Recent changes", "Recent headline changes in BBC News", ... */
export function changesTitle(source: Source | null, significance: Significance): string {
  const what = describeSignificance(significance) ?? 'changes';
  return `Recent ${what}${source ? ` in ${source.name}` : ''}`;
}

export function changesPage(
  page: Page<ChangeRow>,
  source: Source | null,
  sources: Source[],
  now: Millis,
  significance: Significance = ALL_CHANGES,
): SafeHtml {
  const options = sources.map((s) => html`<option value="${s.key}"${s.id === source?.id ? ' selected' : ''}>${s.name}</option>`);
  const params = significanceParams(significance);
  // The source form keeps the chosen kind of change; the kind links keep the source.
  const hidden = Object.entries(params).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`);
  return html`<h1>${changesTitle(source, significance)}</h1>
<form class="filter" method="get" action="/">
<label>Source <select name="source"><option value="">All sources</option>${options}</select></label>
${hidden}<button type="submit">Filter</button>
</form>
${significanceNav('/', { source: source?.key }, significance)}
${changeList(page.items, now, source ? sources.filter((s) => s.id === source.id) : sources, significance)}
${nextPageLink('/', { source: source?.key, ...params }, page.nextCursor, 'Older changes')}`;
}
