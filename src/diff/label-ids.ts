import type { ChangeLabel, ChangeLevel } from './types.ts';

/** Every change label, in display order (the order of RULES). */
export const CHANGE_LABELS: readonly ChangeLabel[] = [
  'headline-changed',
  'lede-changed',
  'typo-only',
  'number-changed',
  'name-changed',
  'quote-changed',
  'reworded',
  'paragraphs-added',
  'paragraphs-removed',
  'paragraphs-moved',
  'byline-changed',
  'notice-added',
  'rewrite',
];

export const CHANGE_LEVELS: readonly ChangeLevel[] = ['minor', 'substantive', 'major'];

export function isChangeLabel(s: string): s is ChangeLabel {
  return (CHANGE_LABELS as readonly string[]).includes(s);
}

export function isChangeLevel(s: string): s is ChangeLevel {
  return (CHANGE_LEVELS as readonly string[]).includes(s);
}
