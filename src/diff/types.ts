/** The diff model: two versions in, this out. Pure data, rendered by web/ (HTML), cli/ (terminal) and the JSON API. */
import type { ChangeLabel, ChangeLevel, ChangePreview } from '../model/types.ts';

/** The label types live in model/ because versions store them; diff/ is where they are computed. */
export type { ChangeLabel, ChangeLevel, ChangePreview, VersionChange } from '../model/types.ts';

/** What the diff engine needs of a version. */
export interface DiffInput {
  title: string;
  byline: string | null;
  published: string | null;
  paragraphs: string[];
}

/** A run of text inside a changed paragraph or field. */
export interface Segment {
  op: 'same' | 'del' | 'ins';
  text: string;
}

/**
 * The word-level story of one edited paragraph: `left` is the old text as same + del segments,
 * `right` the new text as same + ins segments. Both sides carry the same 'same' segments in the
 * same order, so between two of them there is at most one del (left) and one ins (right).
 */
export interface WordEdit {
  left: Segment[];
  right: Segment[];
  wordsAdded: number;
  wordsRemoved: number;
}

/** A field that is equal on both sides has changed=false and a single 'same' segment per side. */
export interface FieldDiff {
  changed: boolean;
  old: string | null;
  new: string | null;
  /** Word-level segments for the left (same + del) and right (same + ins) side. */
  left: Segment[];
  right: Segment[];
}

/**
 * One row of the paragraph diff. Indices are 0-based positions in the old (left) and new (right)
 * paragraph lists.
 * - same / removed / added / changed: a paragraph kept, dropped, new, or edited in place.
 * - moved-from / moved-to: one paragraph that stands elsewhere in the new version, shown once on
 *   each side where it stands. `edit` is null when its text is identical, else the word marks of
 *   the edit (the same object on both rows): "moved + changed".
 * - split: one old paragraph became two or more consecutive new ones (`right` has one segment
 *   list per new paragraph). merged: the reverse. Both are one row spanning several paragraphs,
 *   with word marks when the text also changed.
 */
export type DiffRow =
  | { kind: 'same'; leftIndex: number; rightIndex: number; text: string }
  | { kind: 'removed'; leftIndex: number; text: string }
  | { kind: 'added'; rightIndex: number; text: string }
  | ({ kind: 'changed'; leftIndex: number; rightIndex: number } & WordEdit)
  | { kind: 'moved-from'; leftIndex: number; rightIndex: number; text: string; edit: WordEdit | null }
  | { kind: 'moved-to'; leftIndex: number; rightIndex: number; text: string; edit: WordEdit | null }
  | {
      kind: 'split';
      leftIndex: number;
      rightIndices: number[];
      left: Segment[];
      right: Segment[][];
      wordsAdded: number;
      wordsRemoved: number;
    }
  | {
      kind: 'merged';
      leftIndices: number[];
      rightIndex: number;
      left: Segment[][];
      right: Segment[];
      wordsAdded: number;
      wordsRemoved: number;
    };

export type DiffRowKind = DiffRow['kind'];

export interface DiffSummary {
  wordsAdded: number;
  wordsRemoved: number;
  paragraphsAdded: number;
  paragraphsRemoved: number;
  /** Paragraphs whose text changed: edited in place, or moved and edited. */
  paragraphsChanged: number;
  /** Moved paragraphs, edited or not (one per moved-to row). */
  paragraphsMoved: number;
  /** Old paragraphs split into several, and new paragraphs merged from several. */
  paragraphsSplit: number;
  paragraphsMerged: number;
  titleChanged: boolean;
  bylineChanged: boolean;
  publishedChanged: boolean;
}

/**
 * What happened to one sentence, NewsEdits-style (Spangher et al., 2022): kept, added, deleted,
 * edited (reworded in place), moved (the same sentence elsewhere; "refactor"), split (one old
 * sentence became several) or merged (several became one).
 */
export type SentenceOp = 'same' | 'added' | 'deleted' | 'edited' | 'moved' | 'split' | 'merged';

/** A sentence of one version: its paragraph (index in that version's list), position in it, and text. */
export interface SentenceRef {
  paragraph: number;
  sentence: number;
  text: string;
}

/**
 * One sentence-level edit. `old` and `new` hold the sentences on each side: none for added /
 * deleted on that side, several for split (new) and merged (old). `row` is the index in
 * `DiffModel.rows` of the row the sentence belongs to (for a moved sentence, its new side's row).
 * Only rows that are not `same` contribute; their unchanged sentences are listed as `same`.
 * Computed by `sentenceEdits(model)` (diff/sentences.ts), not by diffVersions: most readers of a
 * diff never need them.
 */
export interface SentenceEdit {
  op: SentenceOp;
  row: number;
  old: SentenceRef[];
  new: SentenceRef[];
}

/** The classification of a change, as stored with a version (see classifyChange in diff/labels.ts). */
export interface ChangeClass {
  /** In the order of the ChangeLabel type; empty when nothing visible changed. */
  labels: ChangeLabel[];
  level: ChangeLevel;
  preview: ChangePreview | null;
}

export interface DiffModel {
  title: FieldDiff;
  byline: FieldDiff;
  published: FieldDiff;
  /** In reading order: rows follow the new version's order, removed rows placed where they stood. */
  rows: DiffRow[];
  summary: DiffSummary;
  /** See ChangeClass. Sentence-level edits are not part of the model: `sentenceEdits(model)` computes them on demand. */
  labels: ChangeLabel[];
  level: ChangeLevel;
  preview: ChangePreview | null;
}
