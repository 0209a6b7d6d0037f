/**
 * What a change is about, computed once per version from its diff and kept: the title a feed item
 * or list row gives it, a one-line preview with marks, and the HTML of the changed paragraphs (one
 * paragraph of context around each) that feed items carry. Versions never change, so neither do
 * their digests: they are cached and never re-diffed per request.
 */
import { diffVersions, foldUnchanged, inlineSegments, type DiffModel, type DiffRow, type Segment } from '../diff/index.ts';
import type { Version, VersionHead } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import { html, type SafeHtml } from './html.ts';
import { describeDiff } from './summary.ts';

export type Preview =
  | { kind: 'headline'; before: Segment[]; after: Segment[] }
  | { kind: 'sentence'; segments: Segment[] }
  | { kind: 'paragraphs'; what: 'removed' | 'added' | 'moved'; count: number; firstWords: string }
  | { kind: 'other'; text: string };

export interface ChangeDigest {
  headlineChanged: boolean;
  /** `Headline changed: "X" → "Y"`, `2 paragraphs removed from "Headline"`, ... */
  title: string;
  /** describeDiff: "Headline changed; 1 paragraph added: +12 / −0 words". */
  summary: string;
  preview: Preview;
  /** Feed item content: the changed paragraphs with one paragraph of context, <del>/<ins> marked. */
  html: string;
}

const q = (s: string) => `\u201c${s}\u201d`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The first words of a paragraph, cut at a word: "first words…". */
export function firstWords(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}\u2026`;
}

export function digestOf(model: DiffModel, to: Pick<Version, 'title'>): ChangeDigest {
  const s = model.summary;
  const headline = to.title;
  const title = titleOf(model, headline);
  return {
    headlineChanged: model.title.changed,
    title,
    summary: describeDiff(s),
    preview: previewOf(model),
    html: feedHtml(model).toString(),
  };
}

function titleOf(model: DiffModel, headline: string): string {
  const s = model.summary;
  if (model.title.changed) return `Headline changed: ${q(model.title.old ?? '')} \u2192 ${q(model.title.new ?? '')}`;
  const parts: string[] = [];
  if (s.paragraphsRemoved) parts.push(`${plural(s.paragraphsRemoved, 'paragraph')} removed`);
  if (s.paragraphsAdded) parts.push(`${parts.length ? s.paragraphsAdded : plural(s.paragraphsAdded, 'paragraph')} added`);
  if (s.paragraphsChanged) parts.push(`${parts.length ? s.paragraphsChanged : plural(s.paragraphsChanged, 'paragraph')} changed`);
  if (s.paragraphsMoved && !parts.length) parts.push(`${plural(s.paragraphsMoved, 'paragraph')} moved`);
  if (!parts.length) parts.push(model.byline.changed ? 'Byline changed' : model.published.changed ? 'Published time changed' : 'Edited');
  const text = parts.join(', ');
  return `${text[0].toUpperCase()}${text.slice(1)} ${parts.length === 1 && /removed$/.test(text) ? 'from' : 'in'} ${q(headline)}`;
}

/** The preview tells the biggest story: the headline, else removed paragraphs, the changed sentence, added, moved. */
function previewOf(model: DiffModel): Preview {
  if (model.title.changed) return { kind: 'headline', before: model.title.left, after: model.title.right };
  const of = <K extends DiffRow['kind']>(kind: K) => model.rows.filter((r): r is Extract<DiffRow, { kind: K }> => r.kind === kind);
  const removed = of('removed');
  const changed = of('changed');
  const added = of('added');
  const moved = of('moved-to');
  if (removed.length && !changed.length)
    return { kind: 'paragraphs', what: 'removed', count: removed.length, firstWords: firstWords(removed[0].text) };
  if (changed.length) {
    const biggest = changed.reduce((a, b) => (b.wordsAdded + b.wordsRemoved > a.wordsAdded + a.wordsRemoved ? b : a));
    return { kind: 'sentence', segments: changedSentence(inlineSegments(biggest.left, biggest.right)) };
  }
  if (added.length) return { kind: 'paragraphs', what: 'added', count: added.length, firstWords: firstWords(added[0].text) };
  if (moved.length) return { kind: 'paragraphs', what: 'moved', count: moved.length, firstWords: firstWords(moved[0].text) };
  return { kind: 'other', text: describeDiff(model.summary) };
}

/** The sentence(s) around the marks of a changed paragraph, with "…" where the paragraph is cut. */
export function changedSentence(segs: Segment[], maxChars = 220): Segment[] {
  const first = segs.findIndex((x) => x.op !== 'same');
  let last = -1;
  segs.forEach((x, i) => x.op !== 'same' && (last = i));
  if (first < 0) return segs;
  const out = segs.slice(first, last + 1).map((x) => ({ ...x }));
  const before = segs
    .slice(0, first)
    .map((x) => x.text)
    .join('');
  const after = segs
    .slice(last + 1)
    .map((x) => x.text)
    .join('');
  // Back to the start of the sentence, forward to its end.
  const start = Math.max(before.search(/[^.!?]*$/), 0);
  let lead = before.slice(start).replace(/^\s+/, '');
  const end = after.search(/[.!?](\s|$)/);
  let tail = end < 0 ? after : after.slice(0, end + 1);
  const room = Math.max(maxChars - out.reduce((n, x) => n + x.text.length, 0), 40);
  if (lead.length > room / 2) lead = `\u2026${lead.slice(lead.length - Math.floor(room / 2)).replace(/^\S*\s/, ' ')}`;
  else if (start > 0) lead = `\u2026 ${lead}`;
  if (tail.length > room / 2) tail = `${tail.slice(0, Math.floor(room / 2)).replace(/\s\S*$/, '')}\u2026`;
  else if (end >= 0 && end + 1 < after.trimEnd().length) tail = `${tail} \u2026`;
  const whole: Segment[] = [{ op: 'same', text: lead }, ...out, { op: 'same', text: tail }];
  return whole.filter((x) => x.text !== '');
}

function marked(segs: Segment[]): SafeHtml[] {
  return segs.map((x) => (x.op === 'del' ? html`<del>${x.text}</del>` : x.op === 'ins' ? html`<ins>${x.text}</ins>` : html`${x.text}`));
}

/** Changed paragraphs with one paragraph of context, as feed readers show HTML. */
export function feedHtml(model: DiffModel): SafeHtml {
  const out: SafeHtml[] = [];
  if (model.title.changed) out.push(html`<p><strong>Headline:</strong> ${marked(inlineSegments(model.title.left, model.title.right))}</p>`);
  if (model.byline.changed)
    out.push(html`<p><strong>Byline:</strong> ${marked(inlineSegments(model.byline.left, model.byline.right))}</p>`);
  for (const item of foldUnchanged(model.rows, 1)) {
    if (item.kind === 'fold') {
      out.push(html`<p>[\u2026 ${plural(item.hidden, 'unchanged paragraph')} \u2026]</p>`);
      continue;
    }
    const r = item.row;
    if (r.kind === 'same') out.push(html`<p>${r.text}</p>`);
    else if (r.kind === 'removed') out.push(html`<p><del>${r.text}</del></p>`);
    else if (r.kind === 'added') out.push(html`<p><ins>${r.text}</ins></p>`);
    else if (r.kind === 'changed') out.push(html`<p>${marked(inlineSegments(r.left, r.right))}</p>`);
    else if (r.kind === 'moved-to') out.push(html`<p><em>[moved from paragraph ${r.leftIndex + 1}]</em> ${r.text}</p>`);
  }
  return html`${out}`;
}

export interface DigestCache {
  /** Digests of these versions (each against the version before it), computed on first use. */
  forVersions(versions: Pick<VersionHead, 'id' | 'articleId' | 'number'>[]): Promise<Map<number, ChangeDigest>>;
}

/** Keyed by version id; a version's digest never changes. Misses are computed together: their texts and the versions before them read in one query. */
export function createDigestCache(store: Store, maxEntries: number): DigestCache {
  const entries = new Map<number, ChangeDigest>();
  const remember = (id: number, d: ChangeDigest) => {
    if (maxEntries <= 0) return;
    entries.set(id, d);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as number);
  };
  return {
    async forVersions(versions) {
      const out = new Map<number, ChangeDigest>();
      const misses = versions.filter((v) => {
        const hit = entries.get(v.id);
        if (hit) out.set(v.id, hit);
        return !hit && v.number > 1;
      });
      if (misses.length === 0) return out;
      // Change lists carry no text: both versions of each miss are read here, in one query, once per version ever (then cached).
      const texts = await store.getVersions(
        misses.flatMap((v) => [
          { articleId: v.articleId, number: v.number - 1 },
          { articleId: v.articleId, number: v.number },
        ]),
      );
      const byKey = new Map(texts.map((p) => [`${p.articleId}:${p.number}`, p]));
      for (const v of misses) {
        const prev = byKey.get(`${v.articleId}:${v.number - 1}`);
        const cur = byKey.get(`${v.articleId}:${v.number}`);
        // A hidden version's text must not reach readers through the diff of the version after it.
        if (!prev || !cur || prev.hiddenAt !== null || cur.hiddenAt !== null) continue;
        const d = digestOf(diffVersions(prev, cur), cur);
        remember(v.id, d);
        out.set(v.id, d);
      }
      return out;
    },
  };
}
