/**
 * The right answer of one known-answer edit, read off the generator's record alone: which old
 * paragraphs became which new ones, which words went and came, which labels apply.
 */
import type { ChangeLabel } from '../../src/diff/types.ts';
import type { BenchArticle } from './diff-corpus.ts';
import type { EditCase, EditKind, TrueUnit } from './diff-edits.ts';
import type { Draft } from './edit-words.ts';

/** What an edit run did, beyond the paragraphs it built. */
export interface EditStory {
  removedQuote: boolean;
  notice: boolean;
  headline: boolean;
  numberChanged: boolean;
  reworded: boolean;
  quoteChanged: boolean;
}

/** The run's result as an EditCase, or null when its answer would not be sharp. */
export function answer(kind: EditKind, article: BenchArticle, title: string, drafts: Draft[], story: EditStory): EditCase | null {
  const old = article.paragraphs;
  const after = drafts.map((d) => d.words.map((w) => w.text).join(' '));
  if (after.some((p) => p === '') || new Set(after).size !== after.length) return null;
  // A new paragraph that reads exactly like another old one than its own is two right answers.
  if (drafts.some((d, j) => old.some((p, k) => p === after[j] && !d.origin.includes(k)))) return null;
  if (after.join('\n') === old.join('\n') && title === article.title) return null;
  const units = units_(drafts);
  const removedWords = new Map<number, Set<number>>();
  const kept = new Set<string>();
  for (const d of drafts) for (const w of d.words) if (w.from) kept.add(`${w.from[0]}:${w.from[1]}`);
  old.forEach((p, k) => {
    const gone = new Set<number>();
    p.split(' ').forEach((_, w) => {
      if (!kept.has(`${k}:${w}`)) gone.add(w);
    });
    if (gone.size) removedWords.set(k, gone);
  });
  const insertedWords = new Map<number, Set<number>>();
  drafts.forEach((d, j) => {
    const fresh = new Set(d.words.map((w, k) => (w.from ? -1 : k)).filter((k) => k >= 0));
    if (fresh.size) insertedWords.set(j, fresh);
  });
  const markedPairs: [number, number][] = [];
  const heavy: [number, number][] = [];
  drafts.forEach((d, j) => {
    if (d.origin.length === 1 && (d.edited || d.typo) && !d.fuzzy && units.find((u) => u.new.includes(j))!.new.length === 1)
      markedPairs.push([d.origin[0], j]);
    if (d.heavy) heavy.push([d.origin[0], j]);
  });
  // The rewrite label has a threshold: keep clear of it, where rounding decides.
  const oldChars = old.reduce((n, p) => n + p.length, 0);
  let goneChars = 0;
  old.forEach((p, k) => {
    const words = p.split(' ');
    for (const w of removedWords.get(k) ?? []) goneChars += words[w].length + 1;
  });
  const share = goneChars / Math.max(1, oldChars);
  if (share > 0.35 && share < 0.65) return null;
  return {
    kind,
    article: article.id,
    before: { title: article.title, paragraphs: old },
    after: { title: title, paragraphs: after },
    units,
    removedWords,
    insertedWords,
    markedPairs,
    heavy,
    labels: labels(article, drafts, story, units, share),
  };
}

function units_(drafts: Draft[]): TrueUnit[] {
  const byOrigin = new Map<number, number[]>();
  const units: TrueUnit[] = [];
  drafts.forEach((d, j) => {
    if (d.origin.length === 0) return;
    if (d.origin.length === 2) {
      units.push({ old: d.origin, new: [j], edited: d.edited || d.typo });
      return;
    }
    const list = byOrigin.get(d.origin[0]);
    if (list) list.push(j);
    else byOrigin.set(d.origin[0], [j]);
  });
  for (const [k, news] of byOrigin) {
    const edited = news.some((j) => drafts[j].edited || drafts[j].typo);
    units.push({ old: [k], new: news, edited });
  }
  return units.sort((a, b) => a.old[0] - b.old[0]);
}

function labels(article: BenchArticle, drafts: Draft[], story: EditStory, units: TrueUnit[], share: number): ChangeLabel[] {
  const set = new Set<ChangeLabel>();
  const added = drafts.some((d) => d.origin.length === 0);
  const removed = article.paragraphs.some((_, k) => !units.some((u) => u.old.includes(k)));
  const moved = minimalMoves(units) > 0;
  const real = story.reworded || story.numberChanged || added || removed || moved || story.headline;
  const cosmetic = drafts.some((d) => d.typo) || units.some((u) => u.old.length !== u.new.length);
  if (story.headline) set.add('headline-changed');
  const first = drafts[0];
  const ledeKept = first && first.origin[0] === 0 && !first.edited && (first.origin.length === 1 || first.origin[1] === 1);
  if (!ledeKept) set.add('lede-changed');
  if (cosmetic && !real) set.add('typo-only');
  if (story.numberChanged) set.add('number-changed');
  if (story.quoteChanged || story.removedQuote) set.add('quote-changed');
  if (story.reworded) set.add('reworded');
  if (added) set.add('paragraphs-added');
  if (removed) set.add('paragraphs-removed');
  if (moved) set.add('paragraphs-moved');
  if (story.notice) set.add('notice-added');
  if (share >= 0.65) set.add('rewrite');
  return [...set];
}

/** Pairs in place = the longest chain increasing on both sides; the rest had to move. */
export function minimalMoves(units: { old: number[]; new: number[] }[]): number {
  const sorted = [...units].sort((a, b) => a.old[0] - b.old[0]);
  const tails: number[] = [];
  for (const u of sorted) {
    const y = u.new[0];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < y) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = y;
  }
  return units.length - tails.length;
}
