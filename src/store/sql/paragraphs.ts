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
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    await tx.run(
      `INSERT INTO paragraph_texts (article_id, digest, text) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
       ON CONFLICT (article_id, digest) DO NOTHING`,
      chunk.flatMap(([digest, text]) => [articleId, digest, text]),
    );
  }
  const ids = new Map<string, number>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK).map(([d]) => d);
    const rows = await tx.all<{ id: number; digest: string }>(
      `SELECT id, digest FROM paragraph_texts WHERE article_id = ? AND digest IN (${placeholders(chunk.length)})`,
      [articleId, ...chunk],
    );
    for (const r of rows) ids.set(String(r.digest), Number(r.id));
  }
  return digests.map((d) => ids.get(d)!);
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

export async function readVersion(db: Db, row: Row | undefined): Promise<Version | null> {
  return row ? (await readVersions(db, [row]))[0] : null;
}
