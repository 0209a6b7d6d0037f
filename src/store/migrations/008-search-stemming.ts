import type { Migration } from './list.ts';

// Search with stemming: "resigned" finds "resigns" and "resignation". SQLite rebuilds its FTS5 index
// with the porter tokenizer (over unicode61, still folding case and accents); PostgreSQL's
// generated tsvector switches from 'simple' to 'english'. Both re-index every stored version.

export const searchStemming: Migration = {
  version: 8,
  name: 'search with stemming (FTS5 porter, PostgreSQL english)',
  sqlite: [
    `DROP TABLE version_fts`,
    `CREATE VIRTUAL TABLE version_fts USING fts5 (title, body, tokenize = 'porter unicode61 remove_diacritics 2')`,
    `INSERT INTO version_fts (rowid, title, body)
       SELECT v.id, v.title, COALESCE((SELECT group_concat(j.value, char(10)) FROM json_each(v.paragraphs_json) j), '') FROM versions v`,
  ],
  postgres: [
    `DROP INDEX IF EXISTS version_search_tsv`,
    `ALTER TABLE version_search DROP COLUMN tsv`,
    `ALTER TABLE version_search ADD COLUMN tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || body)) STORED`,
    `CREATE INDEX version_search_tsv ON version_search USING GIN (tsv)`,
  ],
};
