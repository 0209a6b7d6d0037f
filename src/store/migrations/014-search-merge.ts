import type { Migration } from './list.ts';

// Search probes each candidate version against the full-text index (sql/search.ts), and an FTS5
// probe seeks in every segment of the index: a database grown one version at a time holds dozens of
// segments (FTS5 merges four of a level into one of the next), so a probe cost 0.2 ms at 10^6
// versions. 'optimize' merges them into one (0.02 ms a probe); segments written after it are small,
// and cheap to seek. PostgreSQL probes by version id and tests the row's tsvector: nothing to merge.

export const searchMerge: Migration = {
  version: 14,
  name: 'full-text index merged into one segment (FTS5 optimize)',
  sqlite: [`INSERT INTO version_fts (version_fts) VALUES ('optimize')`],
  postgres: [],
};
