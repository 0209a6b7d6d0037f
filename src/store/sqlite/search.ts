import type { Db, Param } from '../sql/db.ts';
import { SNIPPET_TERMS, type SearchHooks } from '../sql/search.ts';

/**
 * FTS5 query text: every term a quoted phrase (terms hold only letters and digits, so quoting is
 * safe); a term whose last word ends in `*` is a prefix phrase, `"prime minis"*`.
 */
export function ftsQuery(terms: string[][]): string {
  return terms
    .map((words) => {
      const prefix = words[words.length - 1].endsWith('*');
      return `"${words.join(' ').replace(/\*$/, '')}"${prefix ? '*' : ''}`;
    })
    .join(' ');
}

export const sqliteSearch: SearchHooks = {
  matching(terms) {
    return { sql: 'SELECT rowid FROM version_fts WHERE version_fts MATCH ?', params: [ftsQuery(terms)] };
  },
  matches(terms, alias) {
    return {
      sql: `EXISTS (SELECT 1 FROM version_fts f WHERE f.rowid = ${alias}.id AND version_fts MATCH ?)`,
      params: [ftsQuery(terms)],
    };
  },
  async snippets(db: Db, terms, versionIds) {
    if (versionIds.length === 0) return new Map();
    // CAST: a JavaScript number is bound as a REAL, and FTS5 ignores `rowid = 2.0` (one id makes the
    // IN an equality): it would extract a snippet from every matching row.
    const rows = await db.all<{ id: number; snippet: string }>(
      `SELECT rowid AS id, snippet(version_fts, -1, '', '', '…', 24) AS snippet FROM version_fts
       WHERE version_fts MATCH ? AND rowid IN (${versionIds.map(() => 'CAST(? AS INTEGER)').join(', ')})`,
      // snippet() cost grows with the square of the phrase count; a row matching all terms matches these.
      [ftsQuery(terms.slice(0, SNIPPET_TERMS)), ...(versionIds as Param[])],
    );
    return new Map(rows.map((r) => [Number(r.id), r.snippet]));
  },
};

export async function indexVersion(tx: Db, versionId: number, title: string, body: string): Promise<void> {
  await tx.run('INSERT INTO version_fts (rowid, title, body) VALUES (?, ?, ?)', [versionId, title, body]);
}
