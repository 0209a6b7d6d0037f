import type { Db, Param } from '../sql/db.ts';
import { placeholders } from '../sql/db.ts';
import { SNIPPET_TERMS, type SearchHooks } from '../sql/search.ts';

/**
 * to_tsquery text: words of a phrase joined by <->, terms by &; terms hold only letters and digits
 * (and a trailing `*`, which becomes a `:*` prefix match).
 */
export function tsQuery(terms: string[][]): string {
  const word = (w: string) => (w.endsWith('*') ? `'${w.slice(0, -1)}':*` : `'${w}'`);
  return terms.map((words) => `(${words.map(word).join(' <-> ')})`).join(' & ');
}

/** The text search configuration (migration 8): English stemming, as SQLite's porter tokenizer. */
const CONFIG = 'english';
/** ts_headline reads the whole text it is given: a snippet is taken from the start of long bodies. */
const SNIPPET_CHARS = 20_000;

export const postgresSearch: SearchHooks = {
  matching(terms) {
    return {
      sql: `SELECT version_id FROM version_search WHERE tsv @@ to_tsquery('${CONFIG}', ?)`,
      params: [tsQuery(terms)],
    };
  },
  matches(terms, alias) {
    return {
      sql: `EXISTS (SELECT 1 FROM version_search s WHERE s.version_id = ${alias}.id AND s.tsv @@ to_tsquery('${CONFIG}', ?))`,
      params: [tsQuery(terms)],
    };
  },
  async snippets(db: Db, terms, versionIds) {
    if (versionIds.length === 0) return new Map();
    const rows = await db.all<{ id: number; snippet: string }>(
      `SELECT version_id AS id,
         ts_headline('${CONFIG}', left(title || ' ' || body, ${SNIPPET_CHARS}), to_tsquery('${CONFIG}', ?),
           'StartSel="", StopSel="", MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "') AS snippet
       FROM version_search WHERE version_id IN (${placeholders(versionIds.length)})`,
      [tsQuery(terms.slice(0, SNIPPET_TERMS)), ...(versionIds as Param[])],
    );
    return new Map(rows.map((r) => [Number(r.id), r.snippet]));
  },
};

/** A tsvector holds at most 1 MB; no article body comes near, but a pathological page must not fail the version. */
const MAX_INDEXED_CHARS = 250_000;

export async function indexVersion(tx: Db, versionId: number, title: string, body: string): Promise<void> {
  await tx.run('INSERT INTO version_search (version_id, title, body) VALUES (?, ?, ?)', [
    versionId,
    title.slice(0, 10_000),
    body.slice(0, MAX_INDEXED_CHARS),
  ]);
}
