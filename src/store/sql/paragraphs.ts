import { createHash } from 'node:crypto';
import type { Version } from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import { placeholders, type Db, type Row } from './db.ts';
import { toVersion } from './rows.ts';

const CHUNK = 300;

/** 128 bits of sha256: unique enough within one article's paragraphs, half the index of a full digest. */
const digestOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * Stores the paragraphs of a new version, each text once per article, and returns the id list the
 * version keeps (inside the version's transaction). An edit that changes one paragraph adds one row.
 */
export async function storeParagraphs(tx: Db, articleId: number, paragraphs: string[]): Promise<number[]> {
  const digests = paragraphs.map(digestOf);
  const unique = [...new Map(paragraphs.map((p, i) => [digests[i], p])).entries()];
  const ids = new Map<string, number>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const insert = `INSERT INTO paragraph_texts (article_id, digest, text) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
       ON CONFLICT (article_id, digest) DO NOTHING`;
    const values = chunk.flatMap(([digest, text]) => [articleId, digest, text]);
    const select = `SELECT id, digest FROM paragraph_texts WHERE article_id = ? AND digest IN (${placeholders(chunk.length)})`;
    const selectValues = [articleId, ...chunk.map(([d]) => d)];
    if (tx.dialect === 'postgres') {
      // One round trip: the texts inserted now come from RETURNING, the ones stored before from the SELECT,
      // which reads the statement's snapshot (taken before the INSERT), so no row comes twice.
      const rows = await tx.all<{ id: number; digest: string }>(
        `WITH inserted AS (${insert} RETURNING id, digest) SELECT id, digest FROM inserted UNION ALL ${select}`,
        [...values, ...selectValues],
      );
      for (const r of rows) ids.set(String(r.digest), Number(r.id));
      // A row another transaction committed after our snapshot is in neither half: read it now.
      const missing = chunk.map(([d]) => d).filter((d) => !ids.has(d));
      if (missing.length === 0) continue;
      await readIds(tx, articleId, missing, ids);
    } else {
      // SQLite runs in this process: two statements cost no round trip (and it has no INSERT inside WITH).
      await tx.run(insert, values);
      await readIds(
        tx,
        articleId,
        chunk.map(([d]) => d),
        ids,
      );
    }
  }
  return digests.map((d) => {
    const id = ids.get(d);
    if (id === undefined) throw new StoreError(`article ${articleId}: paragraph ${d} was neither stored nor found`);
    return id;
  });
}

async function readIds(tx: Db, articleId: number, digests: string[], into: Map<string, number>): Promise<void> {
  const rows = await tx.all<{ id: number; digest: string }>(
    `SELECT id, digest FROM paragraph_texts WHERE article_id = ? AND digest IN (${placeholders(digests.length)})`,
    [articleId, ...digests],
  );
  for (const r of rows) into.set(String(r.digest), Number(r.id));
}

/** Version rows to versions, with the texts of id-list paragraphs loaded in one query per chunk. */
export async function readVersions(db: Db, rows: Row[]): Promise<Version[]> {
  const wanted = new Set<number>();
  const lists = rows.map((r) => (r.paragraph_ids ? (JSON.parse(String(r.paragraph_ids)) as number[]) : null));
  for (const list of lists) for (const id of list ?? []) wanted.add(id);
  const texts = new Map<number, string>();
  const ids = [...wanted];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const found = await db.all<{ id: number; text: string }>(
      `SELECT id, text FROM paragraph_texts WHERE id IN (${placeholders(chunk.length)})`,
      chunk,
    );
    for (const r of found) texts.set(Number(r.id), String(r.text));
  }
  return rows.map((r, i) => {
    const v = toVersion(r);
    const list = lists[i];
    if (list) {
      v.paragraphs = list.map((id) => {
        const text = texts.get(id);
        // A deleted paragraph row must not silently shorten a version: say so (verify names it too).
        if (text === undefined) throw new StoreError(`version ${v.id}: paragraph ${id} is missing from paragraph_texts`);
        return text;
      });
    }
    return v;
  });
}

/**
 * A select-list column with a version row's paragraph texts as one JSON array, in id-list order (NULL for
 * a version that keeps its texts in paragraphs_json): with it, a version is read in one query
 * (readVersionWithTexts).
 */
export function paragraphTextsColumn(dialect: Db['dialect']): string {
  const texts =
    dialect === 'postgres'
      ? `(SELECT json_agg(p.text ORDER BY j.ord) FROM jsonb_array_elements_text(v.paragraph_ids::jsonb) WITH ORDINALITY AS j(id, ord)
          JOIN paragraph_texts p ON p.id = j.id::bigint)`
      : `(SELECT json_group_array(p.text ORDER BY j.key) FROM json_each(v.paragraph_ids) j JOIN paragraph_texts p ON p.id = j.value)`;
  return `CASE WHEN v.paragraph_ids IS NULL OR v.paragraph_ids = '' THEN NULL ELSE ${texts} END AS paragraph_texts`;
}

/** A row read with paragraphTextsColumn to a version; when a text is missing, readVersions says which. */
export async function readVersionWithTexts(db: Db, row: Row | undefined): Promise<Version | null> {
  if (!row) return null;
  const v = toVersion(row);
  if (!row.paragraph_ids) return v;
  const raw = row.paragraph_texts;
  const texts = (raw === null || raw === undefined ? [] : typeof raw === 'string' ? JSON.parse(raw) : raw) as string[];
  const ids = JSON.parse(String(row.paragraph_ids)) as number[];
  if (texts.length !== ids.length) return readVersion(db, row);
  v.paragraphs = texts;
  return v;
}

export async function readVersion(db: Db, row: Row | undefined): Promise<Version | null> {
  return row ? (await readVersions(db, [row]))[0] : null;
}
