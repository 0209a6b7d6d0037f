import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inclusionPath, leafHash, merkleRoot, verifyInclusion } from './merkle.ts';

const rec = (i: number) => createHash('sha256').update(`record ${i}`).digest('hex');
const node = (l: Buffer, r: Buffer) =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from([1]), l, r]))
    .digest();

describe('merkle tree', () => {
  it('hashes a small tree as RFC 9162 defines it', () => {
    const [a, b, c] = [0, 1, 2].map((i) => leafHash(rec(i)));
    expect(merkleRoot([rec(0)])).toBe(a.toString('hex'));
    expect(merkleRoot([rec(0), rec(1)])).toBe(node(a, b).toString('hex'));
    expect(merkleRoot([rec(0), rec(1), rec(2)])).toBe(node(node(a, b), c).toString('hex'));
  });

  it('proves every leaf of trees of every size up to 33, and rejects wrong leaves, indexes, sizes and paths', () => {
    for (let n = 1; n <= 33; n++) {
      const hashes = Array.from({ length: n }, (_, i) => rec(i));
      const root = merkleRoot(hashes);
      for (let m = 0; m < n; m++) {
        const path = inclusionPath(hashes, m);
        expect(verifyInclusion(hashes[m], m, n, path, root)).toBe(true);
        expect(verifyInclusion(rec(1000), m, n, path, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(hashes[m], (m + 1) % n, n, path, root)).toBe(false);
        // (The size is not bound by the path alone, e.g. 3 and 4 share leaf 0's path shape: it is part of the signed statement.)
        expect(verifyInclusion(hashes[m], m, m, path, root)).toBe(false);
        if (path.length)
          expect(verifyInclusion(hashes[m], m, n, [...path.slice(1), path[0].replace(/^./, (ch) => (ch === 'a' ? 'b' : 'a'))], root)).toBe(
            false,
          );
      }
    }
  });
});
