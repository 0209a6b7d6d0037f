import { heaviestChain, type ChainItem } from './chain.ts';
import { lcsMatches } from './myers.ts';
import { sortedDice } from './similarity.ts';
import type { DiffRow, Segment, SentenceEdit, SentenceOp, SentenceRef } from './types.ts';

/**
 * A sentence ends at . ! ? … (or the CJK full stops), possibly followed by closing quotes or
 * brackets, before a space and a capital, digit or opening quote; or at a CJK full stop.
 */
const BOUNDARY = /(?<=[.!?…]["'”’»)\]]*)\s+(?=["'“‘«„([¿¡]*[\p{Lu}\p{N}])|(?<=[。！？])/u;
/** Abbreviations that end in a full stop without ending the sentence ("Mr. Smith", "U.S. officials"). */
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|Hon|No|Nos|vs|etc|approx|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])\.$/;

export function splitSentences(text: string): string[] {
  const parts = text.split(BOUNDARY).filter((s) => s.trim() !== '');
  const out: string[] = [];
  for (const p of parts) {
    if (out.length && ABBREVIATION.test(out[out.length - 1])) out[out.length - 1] += ' ' + p;
    else out.push(p);
  }
  return out;
}

/** Sentences this alike (word Dice) are one sentence, edited. */
const EDITED_MIN = 0.5;
/** One sentence against two joined ones: a split or merge when this alike, and clearly more than either alone. */
const SPLIT_MIN = 0.75;
const GROUP_GAIN = 0.1;
/** Past this many old × new sentences in one row, only identical sentences are matched. */
const MAX_CELLS = 10_000;

interface Sentence {
  ref: SentenceRef;
  key: string;
  /** Sorted, case-folded words; filled in only for sentences that need comparing. */
  sorted?: string[];
}

const WORDS = /[\p{L}\p{N}]+/gu;

function words(s: Sentence): string[] {
  return (s.sorted ??= (s.key.toLowerCase().match(WORDS) ?? []).sort());
}

function sentencesOf(paragraph: number, text: string): Sentence[] {
  const out: Sentence[] = [];
  const list = splitSentences(text);
  for (let sentence = 0; sentence < list.length; sentence++)
    out.push({ ref: { paragraph, sentence, text: list[sentence] }, key: list[sentence].trim() });
  return out;
}

interface Link extends ChainItem {
  i: number;
  j: number;
  sim: number;
}

/** Alignment state of one row: which edit each old and new sentence (by list position) is in. */
class RowAlignment {
  readonly edits: SentenceEdit[] = [];
  readonly oldEdit: (SentenceEdit | null)[];
  readonly newEdit: (SentenceEdit | null)[];
  private readonly places = new Map<SentenceEdit, { olds: number[]; news: number[] }>();

  constructor(
    private readonly row: number,
    readonly olds: Sentence[],
    readonly news: Sentence[],
  ) {
    this.oldEdit = new Array(olds.length).fill(null);
    this.newEdit = new Array(news.length).fill(null);
  }

  add(op: SentenceOp, olds: number[], news: number[]): void {
    const e: SentenceEdit = { op, row: this.row, old: olds.map((i) => this.olds[i].ref), new: news.map((j) => this.news[j].ref) };
    for (const i of olds) this.oldEdit[i] = e;
    for (const j of news) this.newEdit[j] = e;
    this.places.set(e, { olds, news });
    this.edits.push(e);
  }

  remove(e: SentenceEdit): void {
    const place = this.places.get(e)!;
    for (const i of place.olds) this.oldEdit[i] = null;
    for (const j of place.news) this.newEdit[j] = null;
    this.places.delete(e);
    this.edits.splice(this.edits.indexOf(e), 1);
  }

  place(e: SentenceEdit): { olds: number[]; news: number[] } {
    return this.places.get(e)!;
  }

  free(side: 'old' | 'new'): number[] {
    const list = side === 'old' ? this.oldEdit : this.newEdit;
    return list.map((e, k) => (e ? -1 : k)).filter((k) => k >= 0);
  }
}

/**
 * Aligns the sentences of one row's old and new text: identical sentences in order are `same`
 * (`moved` when the whole paragraph moved), identical ones out of order `moved`; similar ones in
 * order `edited`, out of order `moved`; one against two neighbours `split` or `merged`; the rest
 * `deleted` / `added`. Ordered by the new side, deleted sentences where they stood.
 */
export function alignSentences(row: number, olds: Sentence[], news: Sentence[], paragraphMoved: boolean): SentenceEdit[] {
  const al = new RowAlignment(row, olds, news);
  const same =
    lcsMatches(
      olds.map((s) => s.key),
      news.map((s) => s.key),
    ) ?? [];
  for (const [i, j] of same) al.add(paragraphMoved ? 'moved' : 'same', [i], [j]);
  const byKey = new Map<string, number[]>();
  for (const i of al.free('old')) byKey.set(olds[i].key, [...(byKey.get(olds[i].key) ?? []), i]);
  for (const j of al.free('new')) {
    const i = byKey.get(news[j].key)?.shift();
    if (i !== undefined) al.add('moved', [i], [j]);
  }
  const freeOld = al.free('old');
  const freeNew = al.free('new');
  if (freeOld.length && freeNew.length && freeOld.length * freeNew.length <= MAX_CELLS) {
    pairSimilar(al, freeOld, freeNew);
    regroup(al, 'split');
    regroup(al, 'merged');
  }
  for (const i of al.free('old')) al.add('deleted', [i], []);
  for (const j of al.free('new')) al.add('added', [], [j]);
  return ordered(al);
}

function pairSimilar(al: RowAlignment, freeOld: number[], freeNew: number[]): void {
  const links: Link[] = [];
  for (const i of freeOld) {
    for (const j of freeNew) {
      const sim = sortedDice(words(al.olds[i]), words(al.news[j]));
      if (sim >= EDITED_MIN) links.push({ i, j, sim, oldStart: i, oldEnd: i, newStart: j, newEnd: j, weight: sim });
    }
  }
  for (const l of heaviestChain(links, al.news.length)) al.add('edited', [l.i], [l.j]);
  links.sort((x, y) => y.sim - x.sim);
  for (const l of links) if (!al.oldEdit[l.i] && !al.newEdit[l.j]) al.add('moved', [l.i], [l.j]);
}

/**
 * A sentence (free, or edited into one neighbour) whose two consecutive counterparts together
 * read as it: one split (old → two new) or merged (two old → one new) sentence.
 */
function regroup(al: RowAlignment, kind: 'split' | 'merged'): void {
  const split = kind === 'split';
  const wholes = split ? al.olds : al.news;
  const parts = split ? al.news : al.olds;
  const wholeEdit = split ? al.oldEdit : al.newEdit;
  const partEdit = split ? al.newEdit : al.oldEdit;
  wholes.forEach((whole, w) => {
    const e = wholeEdit[w];
    if (e && e.op !== 'edited') return;
    const partner = e ? (split ? al.place(e).news[0] : al.place(e).olds[0]) : -1;
    const alone = partner >= 0 ? sortedDice(words(whole), words(parts[partner])) : 0;
    if (alone > 1 - GROUP_GAIN) return;
    const starts = partner >= 0 ? [partner - 1, partner] : parts.map((_, k) => k);
    for (const k of starts) {
      if (k < 0 || k + 1 >= parts.length) continue;
      const usable = (p: number) => !partEdit[p] || partEdit[p] === e;
      if (!usable(k) || !usable(k + 1)) continue;
      const d = sortedDice(words(whole), [...words(parts[k]), ...words(parts[k + 1])].sort());
      if (d < SPLIT_MIN || d <= alone + GROUP_GAIN) continue;
      if (e) al.remove(e);
      if (split) al.add('split', [w], [k, k + 1]);
      else al.add('merged', [k, k + 1], [w]);
      return;
    }
  });
}

/** New-side order; a deleted sentence goes right after the old sentence before it (before what was added there). */
function ordered(al: RowAlignment): SentenceEdit[] {
  const key = new Map<SentenceEdit, number>();
  for (const e of al.edits) {
    const { news } = al.place(e);
    if (news.length) key.set(e, news[0]);
  }
  for (const e of al.edits) {
    const { olds, news } = al.place(e);
    if (news.length) continue;
    let at = -1;
    for (let i = olds[0] - 1; i >= 0; i--) {
      const before = al.oldEdit[i];
      if (before && al.place(before).news.length) {
        at = al.place(before).news[al.place(before).news.length - 1];
        break;
      }
    }
    key.set(e, at + 0.5);
  }
  return al.edits
    .map((e, k) => ({ e, k }))
    .sort((x, y) => key.get(x.e)! - key.get(y.e)! || x.k - y.k)
    .map((x) => x.e);
}

/** The text of one side of a row, from its segments (the other side's op skipped). */
function sideText(segments: Segment[], skip: Segment['op']): string {
  let text = '';
  for (const s of segments) if (s.op !== skip) text += s.text;
  return text;
}

/**
 * Sentence edits of every row that is not `same`. Rows without a counterpart give all their
 * sentences as added / deleted; a moved paragraph's sentences are `moved` (or edited); a
 * sentence deleted in one row and added word for word in another has moved.
 */
export function sentenceEdits(model: { rows: DiffRow[] }): SentenceEdit[] {
  const rows = model.rows;
  const out: SentenceEdit[] = [];
  rows.forEach((row, k) => {
    switch (row.kind) {
      case 'same':
      case 'moved-from':
        return;
      case 'removed':
        for (const s of sentencesOf(row.leftIndex, row.text)) out.push({ op: 'deleted', row: k, old: [s.ref], new: [] });
        return;
      case 'added':
        for (const s of sentencesOf(row.rightIndex, row.text)) out.push({ op: 'added', row: k, old: [], new: [s.ref] });
        return;
      case 'changed':
        out.push(
          ...alignSentences(
            k,
            sentencesOf(row.leftIndex, sideText(row.left, 'ins')),
            sentencesOf(row.rightIndex, sideText(row.right, 'del')),
            false,
          ),
        );
        return;
      case 'moved-to': {
        const oldText = row.edit ? sideText(row.edit.left, 'ins') : row.text;
        out.push(...alignSentences(k, sentencesOf(row.leftIndex, oldText), sentencesOf(row.rightIndex, row.text), true));
        return;
      }
      case 'split': {
        const news = row.rightIndices.flatMap((j, p) => sentencesOf(j, sideText(row.right[p], 'del')));
        out.push(...alignSentences(k, sentencesOf(row.leftIndex, sideText(row.left, 'ins')), news, false));
        return;
      }
      case 'merged': {
        const olds = row.leftIndices.flatMap((i, p) => sentencesOf(i, sideText(row.left[p], 'ins')));
        out.push(...alignSentences(k, olds, sentencesOf(row.rightIndex, sideText(row.right, 'del')), false));
        return;
      }
    }
  });
  return crossRowMoves(out);
}

/** Deleted in one row, added word for word in another: one moved sentence. */
function crossRowMoves(edits: SentenceEdit[]): SentenceEdit[] {
  const deleted = new Map<string, SentenceEdit[]>();
  for (const e of edits) if (e.op === 'deleted') deleted.set(e.old[0].text, [...(deleted.get(e.old[0].text) ?? []), e]);
  if (deleted.size === 0) return edits;
  const gone = new Set<SentenceEdit>();
  for (const e of edits) {
    if (e.op !== 'added') continue;
    const candidates = deleted.get(e.new[0].text);
    const at = candidates?.findIndex((d) => d.row !== e.row) ?? -1;
    if (at < 0) continue;
    const [from] = candidates!.splice(at, 1);
    e.op = 'moved';
    e.old = from.old;
    gone.add(from);
  }
  return gone.size ? edits.filter((e) => !gone.has(e)) : edits;
}
