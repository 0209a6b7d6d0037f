import { chunksOf, isCosmetic, isName, textBefore, wordsWithContext, type Chunk, type ContextWord } from './chunks.ts';
import { overlaps, quoteSpans } from './quotes.ts';
import { mayHoldNotice, noticeRanges } from './notices.ts';
import type { ChangePreview, DiffRow, FieldDiff } from './types.ts';
import { diffText } from './words.ts';
import {
  LOWER_WORD,
  cut,
  leftIndices,
  namesIn,
  numbersIn,
  numbersOf,
  rightIndices,
  rowTexts,
  sameBag,
  sentenceAt,
  sideText,
  wordCount,
} from './facts-text.ts';

// The facts the label rules (labels.ts) read, collected from one diff's rows and fields, and the
// change's one-line preview.

/** What the rules look at, gathered from the rows and fields of one diff. */
export interface ChangeFacts {
  /** Non-cosmetic edits of the headline, and cosmetic-only ones. */
  headline: boolean;
  headlineCosmetic: boolean;
  lede: boolean;
  /** Edits inside paragraphs: cosmetic ones (incl. splits and merges with no other edit) and the rest. */
  cosmetic: number;
  real: number;
  number: boolean;
  name: boolean;
  quote: boolean;
  reworded: boolean;
  added: boolean;
  removed: boolean;
  moved: boolean;
  byline: boolean;
  notice: boolean;
  /** Share of the old paragraphs' text that is gone (deleted words and removed paragraphs), 0..1. */
  removedShare: number;
}

export class FactCollector {
  private readonly f: ChangeFacts = {
    headline: false,
    headlineCosmetic: false,
    lede: false,
    cosmetic: 0,
    real: 0,
    number: false,
    name: false,
    quote: false,
    reworded: false,
    added: false,
    removed: false,
    moved: false,
    byline: false,
    notice: false,
    removedShare: 0,
  };
  private lowerSet: Set<string> | null = null;
  private readonly realByRow = new Map<number, Chunk>();
  private titleField: FieldDiff | null = null;
  private oldChars = 0;
  private goneChars = 0;

  constructor(
    private readonly rows: DiffRow[],
    private readonly knownLower?: (word: string) => boolean,
  ) {}

  /** Words the article writes in lower case (built on first need: only capitalised words at sentence starts ask). */
  private get lowerWords(): Set<string> {
    if (this.lowerSet) return this.lowerSet;
    const set = new Set<string>();
    const texts = this.rows.flatMap(rowTexts);
    if (this.titleField) texts.push(this.titleField.old ?? '', this.titleField.new ?? '');
    for (const text of texts) for (const w of text.match(LOWER_WORD) ?? []) set.add(w);
    this.lowerSet = set;
    return set;
  }

  /** A notice in the new text whose key word was inserted and that the old text did not have. */
  private newNotice(c: Chunk, insEnd: number): boolean {
    if (!mayHoldNotice(c.ins)) return false;
    const ranges = (c.texts.notices ??= noticeRanges(c.newText));
    if (!ranges.length) return false;
    const oldLower = c.oldText.toLowerCase();
    return ranges.some(([a, b]) => a < insEnd && b > c.insAt && !oldLower.includes(c.newText.slice(a, b).toLowerCase()));
  }

  title(field: FieldDiff): void {
    this.titleField = field;
    if (!field.changed) return;
    for (const c of chunksOf(field.left, field.right)) {
      const dels = wordsWithContext(c.del, c.delAt, c.oldText);
      const inss = wordsWithContext(c.ins, c.insAt, c.newText);
      if (isCosmetic(c, dels, inss)) this.f.headlineCosmetic = true;
      else {
        this.f.headline = true;
        this.content(c, dels, inss, false);
      }
    }
  }

  byline(field: FieldDiff): void {
    this.f.byline = field.changed;
  }

  finish(): ChangeFacts {
    this.rows.forEach((row, k) => this.row(row, k));
    this.f.lede = this.ledeChanged();
    this.f.removedShare = this.oldChars === 0 ? 0 : this.goneChars / this.oldChars;
    return this.f;
  }

  private row(row: DiffRow, k: number): void {
    switch (row.kind) {
      case 'same':
        this.oldChars += row.text.length;
        return;
      case 'removed':
        this.f.removed = true;
        this.oldChars += row.text.length;
        this.goneChars += row.text.length;
        if (quoteSpans(row.text).length) this.f.quote = true;
        return;
      case 'added':
        this.f.added = true;
        if (mayHoldNotice(row.text) && noticeRanges(row.text).length) this.f.notice = true;
        return;
      case 'moved-from':
        this.oldChars += row.text.length;
        return;
      case 'moved-to':
        this.f.moved = true;
        if (row.edit) this.edit(k, chunksOf(row.edit.left, row.edit.right));
        return;
      case 'changed':
        this.oldChars += sideText(row.left, 'ins').length;
        this.edit(k, chunksOf(row.left, row.right));
        return;
      case 'split':
      case 'merged': {
        const [left, right] = row.kind === 'split' ? [[row.left], row.right] : [row.left, [row.right]];
        const oldText = left.map((s) => sideText(s, 'ins')).join(' ');
        this.oldChars += oldText.length;
        const d = diffText(oldText, right.map((s) => sideText(s, 'del')).join(' '));
        const chunks = chunksOf(d.left, d.right);
        if (chunks.length === 0) this.f.cosmetic++;
        this.edit(k, chunks);
        return;
      }
    }
  }

  private edit(k: number, chunks: Chunk[]): void {
    for (const c of chunks) {
      this.goneChars += c.del.length;
      const dels = wordsWithContext(c.del, c.delAt, c.oldText);
      const inss = wordsWithContext(c.ins, c.insAt, c.newText);
      if (isCosmetic(c, dels, inss)) {
        this.f.cosmetic++;
        continue;
      }
      this.f.real++;
      if (!this.realByRow.has(k)) this.realByRow.set(k, c);
      this.content(c, dels, inss, true);
    }
  }

  private readonly lower = (w: string): boolean => (this.knownLower ? this.knownLower(w) : this.lowerWords.has(w));

  /** Numbers, names, quotes, notices and other words of one non-cosmetic chunk. */
  private content(c: Chunk, dels: ContextWord[], inss: ContextWord[], inText: boolean): void {
    // Only what really left the text and what really came in: a sentence that moved within the
    // paragraph brings its numbers and names along.
    let numD = numbersIn(dels);
    let numI = numbersIn(inss);
    if (numD.length && numI.length) {
      const oldNumbers = (c.texts.oldNumbers ??= numbersOf(c.oldText));
      const newNumbers = (c.texts.newNumbers ??= numbersOf(c.newText));
      numD = numD.filter((n) => (newNumbers.get(n) ?? 0) < (oldNumbers.get(n) ?? 0));
      numI = numI.filter((n) => (oldNumbers.get(n) ?? 0) < (newNumbers.get(n) ?? 0));
    }
    let nameD = namesIn(dels, this.lower);
    let nameI = namesIn(inss, this.lower);
    if (nameD.length && nameI.length) {
      nameD = nameD.filter((w) => wordCount(c.newText, w) < wordCount(c.oldText, w));
      nameI = nameI.filter((w) => wordCount(c.oldText, w) < wordCount(c.newText, w));
    }
    const numberChanged = numD.length > 0 && numI.length > 0 && !sameBag(numD, numI);
    const nameChanged = nameD.length > 0 && nameI.length > 0 && !sameBag(nameD, nameI);
    if (numberChanged) this.f.number = true;
    if (nameChanged) this.f.name = true;
    if (inText && !this.f.reworded) {
      const explained = (w: ContextWord) => (numberChanged && w.number) || (nameChanged && isName(w.word, () => textBefore(w), this.lower));
      if (!dels.every(explained) || !inss.every(explained)) this.f.reworded = true;
    }
    if (c.del && overlaps((c.texts.oldQuotes ??= quoteSpans(c.oldText)), c.delAt, c.delAt + c.del.length)) this.f.quote = true;
    const insEnd = c.insAt + c.ins.length;
    if (c.ins && (c.texts.newQuotes ??= quoteSpans(c.newText)).some(([a, b]) => a < insEnd && b > c.insAt && (a < c.insAt || b > insEnd)))
      this.f.quote = true;
    if (c.ins && !this.f.notice && this.newNotice(c, insEnd)) this.f.notice = true;
  }

  /** The row holding the new first paragraph decides, against the old first paragraph. */
  private ledeChanged(): boolean {
    let old0 = Infinity;
    let new0 = Infinity;
    for (const row of this.rows) {
      const l = leftIndices(row);
      const r = rightIndices(row);
      if (l.length && row.kind !== 'moved-to') old0 = Math.min(old0, l[0]);
      if (r.length && row.kind !== 'moved-from') new0 = Math.min(new0, r[0]);
    }
    if (old0 === Infinity && new0 === Infinity) return false;
    if (old0 === Infinity || new0 === Infinity) return true;
    const k = this.rows.findIndex((row) => row.kind !== 'moved-from' && rightIndices(row)[0] === new0);
    const row = this.rows[k];
    if (row.kind === 'added' || row.kind === 'moved-to') return true;
    if (leftIndices(row)[0] !== old0) return true;
    return this.realByRow.has(k);
  }

  preview(f: ChangeFacts): ChangePreview | null {
    const title = this.titleField;
    if (title?.changed && (f.headline || (!f.real && !f.added && !f.removed))) {
      return { where: 'headline', paragraph: null, before: cut(title.old ?? ''), after: cut(title.new ?? '') };
    }
    for (const [k, c] of this.realByRow) {
      return {
        where: 'paragraph',
        paragraph: rightIndices(this.rows[k])[0] ?? null,
        before: cut(sentenceAt(c.oldText, c.delAt)),
        after: cut(sentenceAt(c.newText, c.insAt)),
      };
    }
    for (const row of this.rows) {
      if (row.kind === 'removed') return { where: 'paragraph', paragraph: row.leftIndex, before: cut(row.text), after: '' };
      if (row.kind === 'added') return { where: 'paragraph', paragraph: row.rightIndex, before: '', after: cut(row.text) };
    }
    for (const row of this.rows) {
      if (row.kind === 'changed' || row.kind === 'moved-to' || row.kind === 'split' || row.kind === 'merged') {
        const [before, after] = rowTexts(row);
        return { where: 'paragraph', paragraph: rightIndices(row)[0] ?? null, before: cut(before), after: cut(after ?? before) };
      }
    }
    return null;
  }
}
