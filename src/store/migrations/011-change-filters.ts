import type { ChangeLabel } from '../../model/index.ts';
import { labelCondition, levelCondition } from '../sql/change-filter.ts';
import type { Migration } from './list.ts';

// Change lists filtered by kind ("corrections", "headline changes") or level ("substantive"), newest
// first, for the website, feeds, API and CLI. One partial index per label and per level filter, in the
// keyset order of the change list (captured_at, id): a rare label reads only its own rows instead of
// scanning every version. The conditions are the very ones the queries use (sql/change-filter.ts).
// The labels as of this migration; a label added later needs a migration of its own.
const LABELS: ChangeLabel[] = [
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

const statements = [
  ...LABELS.map(
    (label) => `CREATE INDEX versions_label_${label.replace(/-/g, '_')} ON versions (captured_at, id) WHERE ${labelCondition(label)}`,
  ),
  `CREATE INDEX versions_level_substantive ON versions (captured_at, id) WHERE ${levelCondition('substantive')}`,
  `CREATE INDEX versions_level_major ON versions (captured_at, id) WHERE ${levelCondition('major')}`,
];

export const changeFilters: Migration = {
  version: 11,
  name: 'partial indexes for change lists filtered by label and level',
  sqlite: statements,
  postgres: statements,
};
