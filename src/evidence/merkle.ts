import { createHash } from 'node:crypto';

// A Merkle tree as in Certificate Transparency (RFC 9162 section 2.1): leaves and inner nodes are
// hashed with different prefixes (0x00, 0x01), so a leaf can never pass for a subtree, and a tree
// of n leaves splits at the largest power of two below n. Hashes are hex strings.

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function leafHash(recordHash: string): Buffer {
  return sha256(LEAF, Buffer.from(recordHash, 'hex'));
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(NODE, left, right);
}

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function subtree(leaves: Buffer[], from: number, to: number): Buffer {
  if (to - from === 1) return leaves[from];
  const k = split(to - from);
  return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
}

/** The root over record hashes, in order. */
export function merkleRoot(recordHashes: string[]): string {
  if (recordHashes.length === 0) throw new RangeError('a Merkle tree needs at least one leaf');
  return subtree(recordHashes.map(leafHash), 0, recordHashes.length).toString('hex');
}

/** The audit path of leaf `index`: sibling subtree hashes from the leaf up. */
export function inclusionPath(recordHashes: string[], index: number): string[] {
  if (index < 0 || index >= recordHashes.length) throw new RangeError(`leaf ${index} is not in a tree of ${recordHashes.length}`);
  const leaves = recordHashes.map(leafHash);
  const path: Buffer[] = [];
  const walk = (m: number, from: number, to: number) => {
    if (to - from === 1) return;
    const k = split(to - from);
    if (m < k) {
      walk(m, from, from + k);
      path.push(subtree(leaves, from + k, to));
    } else {
      walk(m - k, from + k, to);
      path.push(subtree(leaves, from, from + k));
    }
  };
  walk(index, 0, recordHashes.length);
  return path.map((b) => b.toString('hex'));
}

/** RFC 9162 2.1.3.2: does `path` lead from the record at `index` of a tree of `size` to `root`? */
export function verifyInclusion(recordHash: string, index: number, size: number, path: string[], root: string): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(recordHash);
  for (const hex of path) {
    const p = Buffer.from(hex, 'hex');
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.toString('hex') === root;
}
