import type { ChainRecord, NewRoot, SignedRoot } from '../../model/index.ts';
import { RootConflictError } from '../errors.ts';
import type { RootQuery } from '../evidence.ts';
import { placeholders, type Db, type Row } from './db.ts';
import { RECORD_COLUMNS, toRecord } from './records.ts';

const ROOT_COLUMNS = 'id, seq, sealed_at, tree_size, root_hash, prev_root_hash, statement, signature, public_key';
/** Serialises sealers on PostgreSQL; SQLite's write lock does it there. */
const SEAL_LOCK = 0x7265_6473; // "reds"

function toRoot(r: Row): SignedRoot {
  return {
    id: Number(r.id),
    seq: Number(r.seq),
    sealedAt: Number(r.sealed_at),
    treeSize: Number(r.tree_size),
    rootHash: String(r.root_hash),
    prevRootHash: String(r.prev_root_hash),
    statement: String(r.statement),
    signature: String(r.signature),
    publicKey: String(r.public_key),
  };
}

export async function listUnsealedRecords(db: Db, limit: number): Promise<ChainRecord[]> {
  const rows = await db.all(`SELECT ${RECORD_COLUMNS} FROM records r WHERE r.root_id IS NULL ORDER BY r.id LIMIT ?`, [limit]);
  return rows.map(toRecord);
}

export async function addRoot(db: Db, root: NewRoot, recordIds: number[]): Promise<SignedRoot> {
  const ids = [...recordIds].sort((a, b) => a - b);
  return db.tx(async (tx) => {
    if (tx.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(?)', [SEAL_LOCK]);
    const last = await tx.get<{ seq: number; root_hash: string }>('SELECT seq, root_hash FROM roots ORDER BY seq DESC LIMIT 1');
    const expectedSeq = last ? Number(last.seq) + 1 : 1;
    if (root.seq !== expectedSeq || root.prevRootHash !== (last ? String(last.root_hash) : '')) {
      throw new RootConflictError(`root ${root.seq} does not follow the latest root (${last ? last.seq : 'none'})`);
    }
    const row = await tx.get(
      `INSERT INTO roots (seq, sealed_at, tree_size, root_hash, prev_root_hash, statement, signature, public_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${ROOT_COLUMNS}`,
      [root.seq, root.sealedAt, root.treeSize, root.rootHash, root.prevRootHash, root.statement, root.signature, root.publicKey],
    );
    const stored = toRoot(row!);
    let sealed = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      sealed += await tx.run(`UPDATE records SET root_id = ? WHERE root_id IS NULL AND id IN (${placeholders(chunk.length)})`, [
        stored.id,
        ...chunk,
      ]);
    }
    if (sealed !== ids.length || ids.length !== root.treeSize) {
      throw new RootConflictError(`root ${root.seq}: ${ids.length - sealed} of its ${ids.length} records were sealed by another root`);
    }
    return stored;
  });
}

export async function listRoots(db: Db, q: RootQuery): Promise<SignedRoot[]> {
  const where: string[] = [];
  const params: number[] = [];
  if (q.afterSeq !== undefined) (where.push('seq > ?'), params.push(q.afterSeq));
  if (q.beforeSeq !== undefined) (where.push('seq < ?'), params.push(q.beforeSeq));
  const rows = await db.all(
    `SELECT ${ROOT_COLUMNS} FROM roots ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY seq ${q.newestFirst ? 'DESC' : 'ASC'} LIMIT ?`,
    [...params, q.limit],
  );
  return rows.map(toRoot);
}

export async function getRoot(db: Db, by: 'seq' | 'id', value: number): Promise<SignedRoot | null> {
  const row = await db.get(`SELECT ${ROOT_COLUMNS} FROM roots WHERE ${by} = ?`, [value]);
  return row ? toRoot(row) : null;
}

export async function listRootLeaves(db: Db, rootId: number): Promise<{ recordId: number; recordHash: string }[]> {
  const rows = await db.all<{ id: number; record_hash: string }>('SELECT id, record_hash FROM records WHERE root_id = ? ORDER BY id', [
    rootId,
  ]);
  return rows.map((r) => ({ recordId: Number(r.id), recordHash: String(r.record_hash) }));
}
