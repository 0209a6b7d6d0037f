import type { SignedRoot } from '../../model/index.ts';
import type { VersionProof } from '../../evidence/proof.ts';

export function rootJson(r: SignedRoot) {
  return {
    seq: r.seq,
    sealedAt: new Date(r.sealedAt).toISOString(),
    treeSize: r.treeSize,
    rootHash: r.rootHash,
    prevRootHash: r.prevRootHash,
    statement: r.statement,
    signature: r.signature,
    publicKey: r.publicKey,
  };
}

// Times are ISO 8601 like the rest of the API; the hashed and signed forms use epoch milliseconds
// (Date.parse of these strings gives them back exactly).

/** Everything docs/verify-version.mjs needs besides the version itself (/api/v1/articles/{id}/versions/{n}). */
export function proofJson(p: VersionProof) {
  return {
    versionId: p.version.id,
    articleId: p.version.articleId,
    number: p.version.number,
    record: {
      url: p.record.url,
      number: p.record.seq,
      capturedAt: new Date(p.version.capturedAt).toISOString(),
      fingerprint: p.version.fingerprint,
      textDigest: p.record.textDigest,
      captureDigest: p.record.captureDigest,
      prevHash: p.record.prevHash,
      recordHash: p.record.recordHash,
    },
    proof: { leafIndex: p.leafIndex, treeSize: p.root.treeSize, path: p.path },
    root: rootJson(p.root),
  };
}
