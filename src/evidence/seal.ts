import type { Millis, SignedRoot } from '../model/index.ts';
import { RootConflictError } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import { signStatement, type SigningKey } from './keys.ts';
import { merkleRoot } from './merkle.ts';

/** At most this many records under one root; a backlog is sealed over several roots. */
const MAX_LEAVES = 50_000;

export interface RootStatement {
  type: 'redline-root-v1';
  seq: number;
  sealedAt: Millis;
  treeSize: number;
  root: string;
  prevRoot: string;
}

/** The signed text: canonical JSON, keys in this order. */
export function rootStatement(s: Omit<RootStatement, 'type'>): string {
  const statement: RootStatement = {
    type: 'redline-root-v1',
    seq: s.seq,
    sealedAt: s.sealedAt,
    treeSize: s.treeSize,
    root: s.root,
    prevRoot: s.prevRoot,
  };
  return JSON.stringify(statement);
}

/**
 * Seals every record no root covers yet under one new signed root (up to MAX_LEAVES). Returns null
 * when there is nothing to seal or another worker sealed first. Safe to run from many workers.
 */
export async function sealPending(store: Store, key: SigningKey, now: Millis): Promise<SignedRoot | null> {
  const records = await store.evidence.listUnsealedRecords(MAX_LEAVES);
  if (records.length === 0) return null;
  const [latest] = await store.evidence.listRoots({ newestFirst: true, limit: 1 });
  const seq = (latest?.seq ?? 0) + 1;
  const prevRoot = latest?.rootHash ?? '';
  const root = merkleRoot(records.map((r) => r.recordHash));
  const statement = rootStatement({ seq, sealedAt: now, treeSize: records.length, root, prevRoot });
  try {
    return await store.evidence.addRoot(
      {
        seq,
        sealedAt: now,
        treeSize: records.length,
        rootHash: root,
        prevRootHash: prevRoot,
        statement,
        signature: signStatement(key, statement),
        publicKey: key.publicKey,
      },
      records.map((r) => r.id),
    );
  } catch (err) {
    if (err instanceof RootConflictError) return null;
    throw err;
  }
}

/** Seals when the latest root is at least `everySec` old (or there is none). */
export async function sealIfDue(store: Store, key: SigningKey, now: Millis, everySec: number): Promise<SignedRoot | null> {
  const [latest] = await store.evidence.listRoots({ newestFirst: true, limit: 1 });
  if (latest && latest.sealedAt + everySec * 1000 > now) return null;
  return sealPending(store, key, now);
}
