import { FactCollector, type ChangeFacts } from './facts.ts';
import type { ChangeClass, ChangeLabel, ChangeLevel, DiffModel, DiffRow, FieldDiff, VersionChange } from './types.ts';

export { PREVIEW_CHARS, leftIndices, rightIndices } from './facts-text.ts';
export type { ChangeFacts } from './facts.ts';
export interface LabelRule {
  label: ChangeLabel;
  level: ChangeLevel;
  /** The rule in words: this is the documentation readers and subscribers rely on. */
  means: string;
  applies: (f: ChangeFacts) => boolean;
}

/** A change is a rewrite when at least this share of the old text is gone. */
export const REWRITE_SHARE = 0.5;

const cosmeticOnly = (f: ChangeFacts) =>
  (f.cosmetic > 0 || f.headlineCosmetic) && f.real === 0 && !f.headline && !f.added && !f.removed && !f.moved;

/**
 * The labelling rules, one row per label, in the order labels are listed. A change's level is
 * the highest level among its labels (minor when it has none). "Cosmetic" means: case,
 * punctuation, accents, spacing, hyphenation or digit grouping only, a typo fix (each word within
 * one letter of the old one, two for words of six letters or more; never a number), or a
 * paragraph split or merged without other edits.
 */
export const RULES: readonly LabelRule[] = [
  { label: 'headline-changed', level: 'major', means: 'the headline changed beyond a cosmetic edit', applies: (f) => f.headline },
  {
    label: 'lede-changed',
    level: 'major',
    means: 'the first paragraph was edited beyond a cosmetic edit, removed or replaced, or another paragraph now comes first',
    applies: (f) => f.lede,
  },
  {
    label: 'typo-only',
    level: 'minor',
    means: 'every edit to the headline and text is cosmetic (typo, punctuation, whitespace, style)',
    applies: cosmeticOnly,
  },
  {
    label: 'number-changed',
    level: 'major',
    means: 'a number or date (digits, month or weekday) was replaced by a different one, in the headline or text',
    applies: (f) => f.number,
  },
  {
    label: 'name-changed',
    level: 'major',
    means:
      'a name (a capitalised word not starting a sentence, an acronym, or a capitalised word never written in lower case) was replaced by another',
    applies: (f) => f.name,
  },
  {
    label: 'quote-changed',
    level: 'major',
    means: 'words inside quotation marks were edited or removed, or a paragraph holding a quotation was removed',
    applies: (f) => f.quote,
  },
  {
    label: 'reworded',
    level: 'substantive',
    means:
      'words of existing paragraphs were added, removed or replaced (beyond the numbers and names above): a sentence added, removed or reworded',
    applies: (f) => f.reworded,
  },
  { label: 'paragraphs-added', level: 'substantive', means: 'at least one new paragraph', applies: (f) => f.added },
  { label: 'paragraphs-removed', level: 'major', means: 'at least one paragraph removed', applies: (f) => f.removed },
  { label: 'paragraphs-moved', level: 'substantive', means: 'at least one paragraph moved (edited or not)', applies: (f) => f.moved },
  { label: 'byline-changed', level: 'minor', means: 'the byline changed', applies: (f) => f.byline },
  {
    label: 'notice-added',
    level: 'major',
    means:
      'new text holds a correction or update notice ("Correction:", "Update:", "This article has been amended", and the same in German, French, Spanish, Italian, Portuguese, Dutch)',
    applies: (f) => f.notice,
  },
  {
    label: 'rewrite',
    level: 'major',
    means: `at least ${REWRITE_SHARE * 100} % of the old text was removed or replaced`,
    applies: (f) => f.removedShare >= REWRITE_SHARE,
  },
];

const RANK: Record<ChangeLevel, number> = { minor: 0, substantive: 1, major: 2 };

/** Labels and level from the facts, by RULES. */
export function labelsFor(f: ChangeFacts): { labels: ChangeLabel[]; level: ChangeLevel } {
  const labels: ChangeLabel[] = [];
  let level: ChangeLevel = 'minor';
  for (const rule of RULES) {
    if (!rule.applies(f)) continue;
    labels.push(rule.label);
    if (RANK[rule.level] > RANK[level]) level = rule.level;
  }
  return { labels, level };
}

export interface ClassifyInput {
  title: FieldDiff;
  byline: FieldDiff;
  rows: DiffRow[];
}

/**
 * Labels, level and a preview for a diff (see RULES). Pure; diffVersions calls it for every model.
 * `writtenLower` says whether the article writes a lower-case word anywhere (diffVersions passes
 * what the alignment already knows; without it the rows are read for it once, when needed).
 */
export function classifyChange(model: ClassifyInput, writtenLower?: (word: string) => boolean): ChangeClass {
  const facts = new FactCollector(model.rows, writtenLower);
  facts.title(model.title);
  facts.byline(model.byline);
  const f = facts.finish();
  return { ...labelsFor(f), preview: facts.preview(f) };
}

/** What is stored with a version about its change against the previous one (model VersionChange). */
export function versionChange(model: DiffModel): VersionChange {
  return { labels: model.labels, level: model.level, titleChanged: model.title.changed, preview: model.preview };
}
