import { normalizeText as normal } from '../text/normalize.ts';
import { classifyChange } from './labels.ts';
import { align } from './paragraphs.ts';
import { countWords } from './tokens.ts';
import type { DiffInput, DiffModel, DiffRow, DiffSummary, FieldDiff, Segment } from './types.ts';
import { diffText } from './words.ts';

/** Compares two versions of an article: headline, byline, published time and paragraphs, and labels the change. Pure. */
export function diffVersions(a: DiffInput, b: DiffInput): DiffModel {
  const title = diffField(a.title, b.title);
  const byline = diffField(a.byline, b.byline);
  const published = diffField(a.published, b.published);
  const { rows, writtenLower } = align(a.paragraphs, b.paragraphs);
  const { labels, level, preview } = classifyChange({ title, byline, rows }, writtenLower);
  return { title, byline, published, rows, summary: summarize(rows, title, byline, published), labels, level, preview };
}

/** Word-level diff of one field; whitespace and Unicode normalisation differences are not changes. */
export function diffField(oldValue: string | null, newValue: string | null): FieldDiff {
  const oldText = oldValue === null ? null : normal(oldValue);
  const newText = newValue === null ? null : normal(newValue);
  if (oldText === newText || (!oldText && !newText)) {
    const side = oldText ? [{ op: 'same' as const, text: oldText }] : [];
    return { changed: false, old: oldText, new: newText, left: side, right: [...side] };
  }
  const { left, right } = diffText(oldText ?? '', newText ?? '');
  return { changed: true, old: oldText, new: newText, left, right };
}

function wordsIn(segments: Segment[], op: Segment['op']): number {
  let n = 0;
  for (const s of segments) if (s.op === op) n += countWords(s.text);
  return n;
}

/** Words are counted over paragraphs and the headline (a byline or date edit is not prose). */
function summarize(rows: DiffRow[], title: FieldDiff, byline: FieldDiff, published: FieldDiff): DiffSummary {
  const s: DiffSummary = {
    wordsAdded: wordsIn(title.right, 'ins'),
    wordsRemoved: wordsIn(title.left, 'del'),
    paragraphsAdded: 0,
    paragraphsRemoved: 0,
    paragraphsChanged: 0,
    paragraphsMoved: 0,
    paragraphsSplit: 0,
    paragraphsMerged: 0,
    titleChanged: title.changed,
    bylineChanged: byline.changed,
    publishedChanged: published.changed,
  };
  for (const row of rows) {
    if (row.kind === 'added') {
      s.paragraphsAdded++;
      s.wordsAdded += countWords(row.text);
    } else if (row.kind === 'removed') {
      s.paragraphsRemoved++;
      s.wordsRemoved += countWords(row.text);
    } else if (row.kind === 'changed') {
      s.paragraphsChanged++;
      s.wordsAdded += row.wordsAdded;
      s.wordsRemoved += row.wordsRemoved;
    } else if (row.kind === 'moved-to') {
      s.paragraphsMoved++;
      if (row.edit) {
        s.paragraphsChanged++;
        s.wordsAdded += row.edit.wordsAdded;
        s.wordsRemoved += row.edit.wordsRemoved;
      }
    } else if (row.kind === 'split' || row.kind === 'merged') {
      if (row.kind === 'split') s.paragraphsSplit++;
      else s.paragraphsMerged++;
      s.wordsAdded += row.wordsAdded;
      s.wordsRemoved += row.wordsRemoved;
    }
  }
  return s;
}
