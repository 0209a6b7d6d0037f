import type { Migration } from './list.ts';

// Each version keeps how it changed against the previous one (diff/labels.ts): labels, level, a
// headline flag and a short preview. NULL until computed: the tracker fills them when it stores a
// version, and relabels older versions (tracker/relabel.ts) after this migration, because a
// migration runs SQL only. Labels are stored comma-separated ("lede-changed,number-changed"), so
// both databases filter on them with LIKE '%,label,%' against ',' || change_labels || ','.
const columns = [
  'ALTER TABLE versions ADD COLUMN change_labels TEXT',
  'ALTER TABLE versions ADD COLUMN change_level TEXT',
  'ALTER TABLE versions ADD COLUMN change_title_changed INTEGER',
  'ALTER TABLE versions ADD COLUMN change_preview TEXT',
  // Change lists filtered by level ("major changes only"), newest first.
  'CREATE INDEX versions_change_level ON versions (change_level, captured_at)',
];

export const versionChange: Migration = {
  version: 3,
  name: 'version change labels',
  sqlite: columns,
  postgres: columns,
};
