/** The diff model: two versions in, this out. Pure data, rendered by web/ (HTML), cli/ (terminal) and the JSON API. */

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

/** A field that is equal on both sides has changed=false and a single 'same' segment per side. */
export interface FieldDiff {
  changed: boolean;
  old: string | null;
  new: string | null;
  /** Word-level segments for the left (same + del) and right (same + ins) side. */
  left: Segment[];
  right: Segment[];
}

/** Indices are 0-based positions in the old (left) and new (right) paragraph lists. */
export type DiffRow =
  | { kind: 'same'; leftIndex: number; rightIndex: number; text: string }
  | { kind: 'removed'; leftIndex: number; text: string }
  | { kind: 'added'; rightIndex: number; text: string }
  | { kind: 'changed'; leftIndex: number; rightIndex: number; left: Segment[]; right: Segment[]; wordsAdded: number; wordsRemoved: number }
  /** The same paragraph at another position: shown once on each side where it stands. */
  | { kind: 'moved-from'; leftIndex: number; rightIndex: number; text: string }
  | { kind: 'moved-to'; leftIndex: number; rightIndex: number; text: string };

export interface DiffSummary {
  wordsAdded: number;
  wordsRemoved: number;
  paragraphsAdded: number;
  paragraphsRemoved: number;
  paragraphsChanged: number;
  paragraphsMoved: number;
  titleChanged: boolean;
  bylineChanged: boolean;
  publishedChanged: boolean;
}

export interface DiffModel {
  title: FieldDiff;
  byline: FieldDiff;
  published: FieldDiff;
  /** In reading order: rows follow the new version's order, removed rows placed where they stood. */
  rows: DiffRow[];
  summary: DiffSummary;
}
