#!/usr/bin/env node
// Checks one version of a Redline article against a signed root, without Redline installed.
// Plain Node (18+), no dependencies. Usage:
//
//   curl -o version.json https://SITE/api/v1/articles/12/versions/3
//   curl -o proof.json   https://SITE/api/v1/proofs/versions/$(jq .id version.json)
//   curl -o root.json    https://SITE/api/v1/roots/$(jq .root.seq proof.json)    # or a root you saved earlier
//   node verify-version.mjs version.json proof.json [root.json] [--public-key BASE64]
//
// It recomputes the version's text digest and chain record from the downloaded text, follows the
// Merkle inclusion proof to the root, and checks the root's Ed25519 signature. Exit 0: the text is
// exactly what Redline recorded under that signed root. Exit 1: it is not (the reason is printed).
// Encodings: see docs/evidence.md (they must match src/store/chain.ts and src/evidence/merkle.ts).
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const sha256 = (data) => createHash('sha256').update(data).digest();
const hex = (data) => sha256(data).toString('hex');

function textDigest(v) {
  return hex(JSON.stringify(['redline-text-v1', v.title, v.byline, v.published, v.paragraphs]));
}

function recordHash(r) {
  return hex(
    JSON.stringify([
      'redline-version-v1',
      r.prevHash,
      r.url,
      r.number,
      Date.parse(r.capturedAt),
      r.fingerprint,
      r.textDigest,
      r.captureDigest,
    ]),
  );
}

const leaf = (recordHex) => sha256(Buffer.concat([Buffer.from([0]), Buffer.from(recordHex, 'hex')]));
const node = (l, r) => sha256(Buffer.concat([Buffer.from([1]), l, r]));

// RFC 9162 section 2.1.3.2.
function rootFromPath(recordHex, index, size, path) {
  if (index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf(recordHex);
  for (const p of path.map((h) => Buffer.from(h, 'hex'))) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r.toString('hex') : null;
}

function checkRoot(root, publicKey) {
  const s = JSON.parse(root.statement);
  if (
    s.type !== 'redline-root-v1' ||
    s.seq !== root.seq ||
    s.treeSize !== root.treeSize ||
    s.root !== root.rootHash ||
    s.prevRoot !== root.prevRootHash ||
    s.sealedAt !== Date.parse(root.sealedAt)
  ) {
    return 'the root fields differ from its signed statement';
  }
  const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  if (!verify(null, Buffer.from(root.statement, 'utf8'), key, Buffer.from(root.signature, 'base64'))) return 'bad signature on the root';
  return null;
}

function main(argv) {
  const keyAt = argv.indexOf('--public-key');
  const pinnedKey = keyAt >= 0 ? argv[keyAt + 1] : null;
  const files = keyAt >= 0 ? argv.filter((_, i) => i !== keyAt && i !== keyAt + 1) : argv;
  if (files.length < 2 || (keyAt >= 0 && !pinnedKey)) {
    console.error('usage: node verify-version.mjs version.json proof.json [root.json] [--public-key BASE64]');
    return 2;
  }
  const [version, proof, given] = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const root = given ?? proof.root;
  const r = proof.record;
  const problems = [];
  if (version.id !== proof.versionId || version.number !== r.number) problems.push('the proof is for another version');
  if (Date.parse(version.capturedAt) !== Date.parse(r.capturedAt) || version.fingerprint !== r.fingerprint)
    problems.push('capture time or fingerprint differ from the record');
  if (textDigest(version) !== r.textDigest)
    problems.push('the text differs from what was recorded (title, byline, date or paragraphs changed)');
  if (recordHash(r) !== r.recordHash) problems.push('the record does not hash to its record hash');
  if (proof.proof.treeSize !== root.treeSize) problems.push('the proof is for a tree of another size than the root');
  if (rootFromPath(r.recordHash, proof.proof.leafIndex, proof.proof.treeSize, proof.proof.path) !== root.rootHash)
    problems.push('the inclusion proof does not lead to the root');
  if (given && (given.seq !== proof.root.seq || given.statement !== proof.root.statement))
    problems.push('the proof names another root than the one given');
  if (pinnedKey && root.publicKey !== pinnedKey) problems.push('the root is signed with another key than the one given');
  const rootProblem = checkRoot(root, root.publicKey);
  if (rootProblem) problems.push(rootProblem);
  if (problems.length) {
    for (const p of problems) console.log(`FAIL ${p}`);
    return 1;
  }
  const keyId = hex(Buffer.from(root.publicKey, 'base64')).slice(0, 16);
  console.log(
    `OK version ${version.number} of ${r.url} (captured ${new Date(r.capturedAt).toISOString()}) is in root ${root.seq} ` +
      `(${root.rootHash}, sealed ${new Date(root.sealedAt).toISOString()}), signed by key ${keyId}`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.log(`FAIL ${err.message}`);
  process.exitCode = 1;
}
