/**
 * Known-answer edits for the diff benchmark. Each edit is applied to a real article by this
 * generator, which keeps track of where every word came from; the correct answer (which old
 * paragraphs became which new ones, which words were removed or inserted, which labels apply)
 * follows from that record alone. Nothing here calls the diff engine or its helpers: words are
 * whitespace-separated pieces, sentences and quotes are found by this file's own simple rules,
 * and the generator avoids edits whose answer those simple rules could get wrong.
 */
import type { ChangeLabel } from '../../src/diff/types.ts';
import type { Random } from '../../src/demo/random.ts';
import type { BenchArticle } from './diff-corpus.ts';

export const EDIT_KINDS = [
  'reword',
  'number fix',
  'quote removed',
  'paragraphs added',
  'paragraphs removed',
  'move ±1..10',
  'move + edit',
  'split',
  'merge',
  'heavy rewrite',
  'paragraph replaced',
  'sentences reordered',
  'typo',
  'notice added',
  'headline',
  'mixed',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** A word of the new version: its text and where it came from (old paragraph and word position), or null when inserted. */
interface Word {
  text: string;
  from: [number, number] | null;
}

/** A paragraph of the new version being built. */
interface Draft {
  /** Old paragraphs it comes from: one (kept, edited, or one part of a split), two (merged), none (added). */
  origin: number[];
  words: Word[];
  /** Words were replaced, inserted or deleted (beyond a typo). */
  edited: boolean;
  /** A typo was fixed (a cosmetic edit). */
  typo: boolean;
  /** The answer for word marks is not sharp (sentences reordered): left out of word-mark scores. */
  fuzzy: boolean;
  heavy: boolean;
}

/** One known-answer case: the two versions and what the correct diff says. */
export interface EditCase {
  kind: EditKind;
  article: string;
  before: { title: string; paragraphs: string[] };
  after: { title: string; paragraphs: string[] };
  /** old indices → new indices, and whether the text changed; old paragraphs in none are removed, new ones added. */
  units: TrueUnit[];
  /** Per old paragraph: word positions (whitespace pieces) removed; per new paragraph: word positions inserted. */
  removedWords: Map<number, Set<number>>;
  insertedWords: Map<number, Set<number>>;
  /** Paragraph pairs whose word marks are scored (edited, sharp answer). */
  markedPairs: [number, number][];
  /** Old paragraphs heavily rewritten (≥ 50 % of their words), with their new position. */
  heavy: [number, number][];
  labels: ChangeLabel[];
}

export interface TrueUnit {
  old: number[];
  new: number[];
  edited: boolean;
}

const LOWER_WORD = /^\p{Ll}{3,}[,.;:]?$/u;
const POOL_WORD = /^\p{Ll}{4,12}$/u;
const NUMBER = /^[($£€]?\d[\d,.]*%?[,.;:)]?$/;
const QUOTE_CHARS = /["“”„«»‹›「」『』‘’']/;
const SENTENCE_END = /[.!?]["”’)]*$/;
const SENTENCE_START = /^["“‘(]*[\p{Lu}\d]/u;
const ABBREVIATION = /^(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Jr|Sr|No|vs|[A-Z])\.$/;
/** Month and weekday names: inserting one would be a date change, not a reword. */
const DATE_NAMES = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

export class EditGenerator {
  private readonly pool: string[];

  constructor(
    readonly rand: Random,
    articles: BenchArticle[],
  ) {
    const words = new Set<string>();
    for (const a of articles)
      for (const p of a.paragraphs) for (const w of p.split(' ')) if (POOL_WORD.test(w) && !DATE_NAMES.has(w)) words.add(w);
    this.pool = [...words].sort();
  }

  /** An edit of the given kind on this article, or null when the article does not allow it (no number, no quote…). */
  make(kind: EditKind, article: BenchArticle, others: BenchArticle[]): EditCase | null {
    const run = new Run(this, article, others);
    const ok = run.apply(kind);
    return ok ? run.finish(kind) : null;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)];
  }

  int(from: number, to: number): number {
    return from + Math.floor(this.rand() * (to - from + 1));
  }

  chance(p: number): boolean {
    return this.rand() < p;
  }

  /** A replacement word: not in the paragraph, and no near-spelling of the word it replaces. */
  replacement(old: string, present: Set<string>): string {
    for (let tries = 0; tries < 50; tries++) {
      const w = this.pick(this.pool);
      if (!present.has(w) && distance(w, old.toLowerCase()) > 2) return w;
    }
    return 'zyzzogeton';
  }
}

class Run {
  readonly drafts: Draft[];
  private title: string;
  private readonly touched = new Set<Draft>();
  private removedQuote = false;
  private notice = false;
  private headline = false;
  private numberChanged = false;
  private reworded = false;
  private quoteChanged = false;

  constructor(
    private readonly g: EditGenerator,
    private readonly article: BenchArticle,
    private readonly others: BenchArticle[],
  ) {
    this.title = article.title;
    this.drafts = article.paragraphs.map((p, k) => ({
      origin: [k],
      words: p.split(' ').map((text, w) => ({ text, from: [k, w] as [number, number] })),
      edited: false,
      typo: false,
      fuzzy: false,
      heavy: false,
    }));
  }

  apply(kind: EditKind): boolean {
    switch (kind) {
      case 'reword':
        return this.reword(this.g.int(1, 4));
      case 'number fix':
        return this.numberFix();
      case 'quote removed':
        return this.quoteRemoved();
      case 'paragraphs added':
        return this.repeat(this.g.int(1, 3), () => this.add());
      case 'paragraphs removed':
        return this.repeat(this.g.int(1, 2), () => this.remove());
      case 'move ±1..10':
        return this.move(false);
      case 'move + edit':
        return this.move(true);
      case 'split':
        return this.split();
      case 'merge':
        return this.merge();
      case 'heavy rewrite':
        return this.heavyRewrite();
      case 'paragraph replaced':
        return this.replace();
      case 'sentences reordered':
        return this.reorder();
      case 'typo':
        return this.typo();
      case 'notice added':
        return this.addNotice();
      case 'headline':
        return this.rewordHeadline();
      case 'mixed':
        return this.mixed();
    }
  }

  private repeat(n: number, f: () => boolean): boolean {
    let ok = false;
    for (let k = 0; k < n; k++) ok = f() || ok;
    return ok;
  }

  private mixed(): boolean {
    const ops: (() => boolean)[] = [
      () => this.reword(this.g.int(1, 3)),
      () => this.numberFix(),
      () => this.add(),
      () => this.remove(),
      () => this.move(false),
      () => this.move(true),
      () => this.split(),
      () => this.merge(),
    ];
    let done = 0;
    const wanted = this.g.int(3, 5);
    for (let tries = 0; tries < 20 && done < wanted; tries++) if (this.g.pick(ops)()) done++;
    return done >= 2;
  }

  /** A draft nobody has edited yet, optionally with a condition. */
  private fresh(ok: (d: Draft) => boolean = () => true): Draft | null {
    const list = this.drafts.filter((d) => !this.touched.has(d) && d.origin.length === 1 && ok(d));
    return list.length ? this.g.pick(list) : null;
  }

  private eligible(d: Draft): number[] {
    const inQuote = quoted(d.words.map((w) => w.text));
    return d.words.map((w, k) => k).filter((k) => LOWER_WORD.test(d.words[k].text) && !inQuote[k]);
  }

  private rewordDraft(d: Draft, count: number): boolean {
    const spots = shuffle(this.eligible(d), this.g).slice(0, count);
    if (spots.length === 0) return false;
    const present = new Set(d.words.map((w) => w.text.toLowerCase().replace(/\p{P}+$/u, '')));
    for (const k of spots) {
      const old = d.words[k].text;
      const tail = old.match(/\p{P}*$/u)![0];
      const word = this.g.replacement(old.slice(0, old.length - tail.length), present);
      present.add(word);
      d.words[k] = { text: word + tail, from: null };
    }
    d.edited = true;
    this.reworded = true;
    this.touched.add(d);
    return true;
  }

  private reword(count: number): boolean {
    const d = this.fresh((x) => this.eligible(x).length >= count + 2);
    return d ? this.rewordDraft(d, count) : false;
  }

  private numberFix(): boolean {
    const d = this.fresh((x) => x.words.some((w) => NUMBER.test(w.text)));
    return d ? this.numberFixOn(d) : false;
  }

  private numberFixOn(d: Draft): boolean {
    const spots = d.words.map((_, k) => k).filter((k) => NUMBER.test(d.words[k].text));
    if (!spots.length) return false;
    const k = this.g.pick(spots);
    const old = d.words[k].text;
    const digits = [...old].map((c, p) => (/\d/.test(c) ? p : -1)).filter((p) => p >= 0);
    const p = this.g.pick(digits);
    const present = new Set(d.words.map((w) => w.text));
    let text = old;
    for (let tries = 0; tries < 20 && (text === old || present.has(text)); tries++) {
      let digit = String(this.g.int(0, 9));
      if (p === digits[0] && digit === '0' && digits.length > 1) digit = '9';
      text = old.slice(0, p) + digit + old.slice(p + 1);
    }
    if (text === old || present.has(text)) return false;
    d.words[k] = { text, from: null };
    d.edited = true;
    this.numberChanged = true;
    if (quoted(d.words.map((w) => w.text))[k]) this.quoteChanged = true;
    this.touched.add(d);
    return true;
  }

  private quoteRemoved(): boolean {
    const candidates = this.drafts.filter(
      (d) => !this.touched.has(d) && sentences(d.words.map((w) => w.text)).length >= 2 && quotedSentence(d) >= 0,
    );
    if (!candidates.length) return false;
    const d = this.g.pick(candidates);
    const spans = sentences(d.words.map((w) => w.text));
    const [from, to] = spans[quotedSentence(d)];
    d.words.splice(from, to - from);
    d.edited = true;
    this.reworded = true;
    this.quoteChanged = true;
    this.touched.add(d);
    return true;
  }

  private add(where?: number): boolean {
    const source = this.g.pick(this.others);
    const paragraph = this.g.pick(source.paragraphs);
    if (paragraph.split(' ').length < 8 || this.article.paragraphs.includes(paragraph)) return false;
    if (this.drafts.some((d) => d.words.map((w) => w.text).join(' ') === paragraph)) return false;
    const at = where ?? this.g.int(0, this.drafts.length);
    const draft: Draft = {
      origin: [],
      words: paragraph.split(' ').map((text) => ({ text, from: null })),
      edited: true,
      typo: false,
      fuzzy: false,
      heavy: false,
    };
    this.drafts.splice(at, 0, draft);
    this.touched.add(draft);
    return true;
  }

  private remove(which?: Draft): boolean {
    if (this.drafts.length <= 3) return false;
    const d = which ?? this.fresh((x) => !x.words.some((w) => QUOTE_CHARS.test(w.text)));
    if (!d) return false;
    this.drafts.splice(this.drafts.indexOf(d), 1);
    return true;
  }

  private move(edit: boolean): boolean {
    const d = this.fresh((x) => !edit || this.eligible(x).length >= 3);
    if (!d) return false;
    const from = this.drafts.indexOf(d);
    const steps = this.g.int(1, 10) * (this.g.chance(0.5) ? 1 : -1);
    const to = Math.max(0, Math.min(this.drafts.length - 1, from + steps));
    if (to === from) return false;
    if (edit) {
      const number = this.g.chance(0.3) && d.words.some((w) => NUMBER.test(w.text));
      if (!(number ? this.numberFixOn(d) : this.rewordDraft(d, this.g.int(1, 3)))) return false;
    }
    this.drafts.splice(from, 1);
    this.drafts.splice(to, 0, d);
    this.touched.add(d);
    return true;
  }

  private split(): boolean {
    const d = this.fresh((x) => sentences(x.words.map((w) => w.text)).length >= 2);
    if (!d) return false;
    const spans = sentences(d.words.map((w) => w.text));
    const cut = spans[this.g.int(1, spans.length - 1)][0];
    const second: Draft = { ...d, words: d.words.slice(cut) };
    d.words = d.words.slice(0, cut);
    this.drafts.splice(this.drafts.indexOf(d) + 1, 0, second);
    this.touched.add(d);
    this.touched.add(second);
    return true;
  }

  private merge(): boolean {
    const k = this.drafts.findIndex(
      (d, i) =>
        i + 1 < this.drafts.length &&
        !this.touched.has(d) &&
        !this.touched.has(this.drafts[i + 1]) &&
        d.origin.length === 1 &&
        this.drafts[i + 1].origin.length === 1 &&
        this.drafts[i + 1].origin[0] === d.origin[0] + 1 &&
        this.g.chance(0.3),
    );
    if (k < 0) return false;
    const [a, b] = [this.drafts[k], this.drafts[k + 1]];
    if (!SENTENCE_END.test(a.words[a.words.length - 1].text)) return false;
    const merged: Draft = {
      origin: [a.origin[0], b.origin[0]],
      words: [...a.words, ...b.words],
      edited: false,
      typo: false,
      fuzzy: false,
      heavy: false,
    };
    this.drafts.splice(k, 2, merged);
    this.touched.add(merged);
    return true;
  }

  /** One paragraph swapped for an unrelated one (from another article) at the same place: removed + added, not an edit. */
  private replace(): boolean {
    const d = this.fresh((x) => x.words.length >= 8 && !x.words.some((w) => QUOTE_CHARS.test(w.text)));
    if (!d) return false;
    const at = this.drafts.indexOf(d);
    if (!this.remove(d)) return false;
    return this.add(at);
  }

  private heavyRewrite(): boolean {
    const d = this.fresh((x) => x.words.length >= 8 && this.eligible(x).length >= 0.6 * x.words.length);
    if (!d) return false;
    const share = 0.5 + 0.3 * this.g.rand();
    this.rewordDraft(d, Math.ceil(share * d.words.length));
    d.heavy = true;
    return true;
  }

  private reorder(): boolean {
    const d = this.fresh((x) => sentences(x.words.map((w) => w.text)).length >= 2 && !x.words.some((w) => QUOTE_CHARS.test(w.text)));
    if (!d) return false;
    const spans = sentences(d.words.map((w) => w.text));
    const k = this.g.int(0, spans.length - 2);
    const [a, b] = [spans[k], spans[k + 1]];
    d.words = [...d.words.slice(0, a[0]), ...d.words.slice(b[0], b[1]), ...d.words.slice(a[0], a[1]), ...d.words.slice(b[1])];
    if (this.eligible(d).length) this.rewordDraft(d, 1);
    d.edited = true;
    d.fuzzy = true;
    this.reworded = true;
    this.touched.add(d);
    return true;
  }

  private typo(): boolean {
    const d = this.fresh((x) => x.words.some((w) => /^\p{Ll}{6,}$/u.test(w.text)));
    if (!d) return false;
    const spots = d.words.map((_, k) => k).filter((k) => /^\p{Ll}{6,}$/u.test(d.words[k].text));
    const k = this.g.pick(spots);
    const w = [...d.words[k].text];
    const p = this.g.int(1, w.length - 3);
    if (w[p] === w[p + 1]) return false;
    [w[p], w[p + 1]] = [w[p + 1], w[p]];
    d.words[k] = { text: w.join(''), from: null };
    d.typo = true;
    this.touched.add(d);
    return true;
  }

  private addNotice(): boolean {
    const notices = [
      'Correction: An earlier version of this article misstated the name of the organisation.',
      'Update: This story has been updated with a statement from the company.',
      'This article was amended on 14 March to correct the date of the meeting.',
      'Clarification: A previous version of this story did not make clear who made the decision.',
      "Editor's note: This article has been updated to include new figures.",
      'Korrektur: In einer früheren Version dieses Artikels hieß es fälschlich, die Sitzung sei abgesagt.',
      'Rectificatif : une précédente version de cet article indiquait un mauvais chiffre.',
      'Corrección: Una versión anterior de este artículo atribuía la cita a otra persona.',
    ];
    const text = this.g.pick(notices);
    const at = this.g.chance(0.5) ? this.drafts.length : this.g.int(1, this.drafts.length);
    const draft: Draft = {
      origin: [],
      words: text.split(' ').map((t) => ({ text: t, from: null })),
      edited: true,
      typo: false,
      fuzzy: false,
      heavy: false,
    };
    this.drafts.splice(at, 0, draft);
    this.touched.add(draft);
    this.notice = true;
    return true;
  }

  private rewordHeadline(): boolean {
    const words = this.title.split(' ');
    const spots = words.map((_, k) => k).filter((k) => LOWER_WORD.test(words[k]));
    if (!spots.length) return false;
    const k = this.g.pick(spots);
    const tail = words[k].match(/\p{P}*$/u)![0];
    words[k] = this.g.replacement(words[k].slice(0, words[k].length - tail.length), new Set(words.map((w) => w.toLowerCase()))) + tail;
    this.title = words.join(' ');
    this.headline = true;
    return true;
  }

  finish(kind: EditKind): EditCase | null {
    const old = this.article.paragraphs;
    const after = this.drafts.map((d) => d.words.map((w) => w.text).join(' '));
    if (after.some((p) => p === '') || new Set(after).size !== after.length) return null;
    // A new paragraph that reads exactly like another old one than its own is two right answers.
    if (this.drafts.some((d, j) => old.some((p, k) => p === after[j] && !d.origin.includes(k)))) return null;
    if (after.join('\n') === old.join('\n') && this.title === this.article.title) return null;
    const units = this.units();
    const removedWords = new Map<number, Set<number>>();
    const kept = new Set<string>();
    for (const d of this.drafts) for (const w of d.words) if (w.from) kept.add(`${w.from[0]}:${w.from[1]}`);
    old.forEach((p, k) => {
      const gone = new Set<number>();
      p.split(' ').forEach((_, w) => {
        if (!kept.has(`${k}:${w}`)) gone.add(w);
      });
      if (gone.size) removedWords.set(k, gone);
    });
    const insertedWords = new Map<number, Set<number>>();
    this.drafts.forEach((d, j) => {
      const fresh = new Set(d.words.map((w, k) => (w.from ? -1 : k)).filter((k) => k >= 0));
      if (fresh.size) insertedWords.set(j, fresh);
    });
    const markedPairs: [number, number][] = [];
    const heavy: [number, number][] = [];
    this.drafts.forEach((d, j) => {
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
      article: this.article.id,
      before: { title: this.article.title, paragraphs: old },
      after: { title: this.title, paragraphs: after },
      units,
      removedWords,
      insertedWords,
      markedPairs,
      heavy,
      labels: this.labels(units, share),
    };
  }

  private units(): TrueUnit[] {
    const byOrigin = new Map<number, number[]>();
    const units: TrueUnit[] = [];
    this.drafts.forEach((d, j) => {
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
      const edited = news.some((j) => this.drafts[j].edited || this.drafts[j].typo);
      units.push({ old: [k], new: news, edited });
    }
    return units.sort((a, b) => a.old[0] - b.old[0]);
  }

  private labels(units: TrueUnit[], share: number): ChangeLabel[] {
    const set = new Set<ChangeLabel>();
    const added = this.drafts.some((d) => d.origin.length === 0);
    const removed = this.article.paragraphs.some((_, k) => !units.some((u) => u.old.includes(k)));
    const moved = minimalMoves(units) > 0;
    const real = this.reworded || this.numberChanged || added || removed || moved || this.headline;
    const cosmetic = this.drafts.some((d) => d.typo) || units.some((u) => u.old.length !== u.new.length);
    if (this.headline) set.add('headline-changed');
    const first = this.drafts[0];
    const ledeKept = first && first.origin[0] === 0 && !first.edited && (first.origin.length === 1 || first.origin[1] === 1);
    if (!ledeKept) set.add('lede-changed');
    if (cosmetic && !real) set.add('typo-only');
    if (this.numberChanged) set.add('number-changed');
    if (this.quoteChanged || this.removedQuote) set.add('quote-changed');
    if (this.reworded) set.add('reworded');
    if (added) set.add('paragraphs-added');
    if (removed) set.add('paragraphs-removed');
    if (moved) set.add('paragraphs-moved');
    if (this.notice) set.add('notice-added');
    if (share >= 0.65) set.add('rewrite');
    return [...set];
  }
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

/** [start, end) word ranges of the sentences of a paragraph (this file's own rule). */
function sentences(words: string[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let k = 0; k < words.length; k++) {
    const end =
      k === words.length - 1 || (SENTENCE_END.test(words[k]) && !ABBREVIATION.test(words[k]) && SENTENCE_START.test(words[k + 1]));
    if (end) {
      out.push([start, k + 1]);
      start = k + 1;
    }
  }
  return out;
}

/** Which words stand inside quotation marks (or carry one): “…”, „…“, «…», "…", and ‘…’ (a ’ inside a word is an apostrophe). */
function quoted(words: string[]): boolean[] {
  let inside = false;
  return words.map((w) => {
    const here = inside || QUOTE_CHARS.test(w);
    for (const [k, m] of [...w].entries()) {
      if ('“„«‘'.includes(m)) inside = true;
      else if ('”»'.includes(m)) inside = false;
      else if (m === '"') inside = !inside;
      else if (m === '’' && !/\p{L}/u.test([...w][k + 1] ?? '')) inside = false;
    }
    return here;
  });
}

/** The index of a sentence holding a complete “…” or "…" quotation, or -1. */
function quotedSentence(d: Draft): number {
  const spans = sentences(d.words.map((w) => w.text));
  return spans.findIndex(([a, b]) => {
    const text = d.words
      .slice(a, b)
      .map((w) => w.text)
      .join(' ');
    return /“[^”]{3,}”/.test(text) || /"[^"]{3,}"/.test(text);
  });
}

function shuffle<T>(list: T[], g: EditGenerator): T[] {
  const out = [...list];
  for (let k = out.length - 1; k > 0; k--) {
    const r = g.int(0, k);
    [out[k], out[r]] = [out[r], out[k]];
  }
  return out;
}

/** Levenshtein distance (this file's own, for choosing replacement words that are no near-spelling). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
