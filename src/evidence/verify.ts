import type { ArticleEvent, ChainRecord, SignedRoot, Version } from '../model/index.ts';
import { CHAINED_EVENT_KINDS, GENESIS, bytesDigest, eventRecordHash, textDigest, versionRecordHash } from '../store/chain.ts';
import type { Store } from '../store/index.ts';
import { verifyStatement } from './keys.ts';
import { merkleRoot } from './merkle.ts';
import { rootStatement } from './seal.ts';

/** One thing that does not add up, named so a person can go and look. */
export interface Break {
  articleId: number | null;
  versionNumber: number | null;
  rootSeq: number | null;
  message: string;
}

export interface VerifyReport {
  breaks: Break[];
  articles: number;
  versions: number;
  events: number;
  captures: number;
  roots: number;
}

export interface VerifyOptions {
  /** Only this article's chains (roots are still checked, they cover every article). */
  articleId?: number;
  /** A root published earlier (e.g. saved from /api/v1/roots): the stored history must still contain it. */
  trustedRoot?: SignedRoot;
  /** Public key (SPKI base64) every root must be signed with, e.g. the local signing key's. */
  publicKey?: string;
}

/**
 * Recomputes every chain, every Merkle tree and every signature from the stored rows, and names each
 * break: a changed text, capture or field, a deleted or inserted version or event, a root that no
 * longer matches its records, a rewritten root history.
 */
export async function verifyStore(store: Store, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const report: VerifyReport = { breaks: [], articles: 0, versions: 0, events: 0, captures: 0, roots: 0 };
  const ids = opts.articleId !== undefined ? [opts.articleId] : await store.evidence.listChainedArticleIds();
  const digests = new Map<string, string | null>();
  for (const id of ids) await verifyArticle(store, id, report, digests);
  await verifyRoots(store, report, opts);
  return report;
}

async function verifyArticle(store: Store, articleId: number, report: VerifyReport, digests: Map<string, string | null>) {
  const article = await store.getArticle(articleId);
  const records = await store.evidence.listRecords(articleId);
  const name = `article ${articleId}${article ? ` (${article.url})` : records[0] ? ` (${records[0].url})` : ''}`;
  const fail = (versionNumber: number | null, message: string) =>
    report.breaks.push({
      articleId,
      versionNumber,
      rootSeq: null,
      message: `${name}${versionNumber !== null ? ` version ${versionNumber}` : ''}: ${message}`,
    });
  if (!article && records.length === 0) return fail(null, 'no such article');
  report.articles++;
  let versions: Version[] = [];
  try {
    versions = article ? await store.listVersions(articleId, { includeHidden: true }) : [];
  } catch (err) {
    // e.g. a paragraph row deleted behind Redline's back
    return fail(null, `versions cannot be read: ${(err as Error).message}`);
  }
  if (!article) fail(null, 'article row deleted; its chain records remain');
  else if (article.versionCount !== versions.length)
    fail(null, `says it has ${article.versionCount} versions, ${versions.length} are stored`);
  await verifyVersionChain(
    store,
    versions,
    records.filter((r) => r.kind === 'version'),
    fail,
    report,
    digests,
  );
  const events = article ? await store.listEvents(articleId) : [];
  verifyEventChain(
    events,
    records.filter((r) => r.kind === 'event'),
    fail,
    report,
  );
}

type Fail = (versionNumber: number | null, message: string) => void;

async function verifyVersionChain(
  store: Store,
  versions: Version[],
  records: ChainRecord[],
  fail: Fail,
  report: VerifyReport,
  digests: Map<string, string | null>,
) {
  const byNumber = new Map(versions.map((v) => [v.number, v]));
  const recordOf = new Map(records.map((r) => [r.seq, r]));
  const last = Math.max(0, ...versions.map((v) => v.number), ...records.map((r) => r.seq));
  let prev = GENESIS;
  for (let n = 1; n <= last; n++) {
    const v = byNumber.get(n);
    const r = recordOf.get(n);
    if (!r) {
      fail(n, v ? 'has no chain record (inserted outside Redline?)' : 'missing: neither the version nor its record exists');
      continue;
    }
    if (r.prevHash !== prev)
      fail(n, "chain broken: its record does not follow the previous version's record (a version was deleted, inserted or rewritten)");
    prev = r.recordHash;
    if (!v) {
      fail(n, 'version row deleted; its chain record remains');
      continue;
    }
    report.versions++;
    if (r.versionId !== v.id) fail(n, `record belongs to version id ${r.versionId}, the row has id ${v.id}`);
    if (textDigest(v) !== r.textDigest) fail(n, 'text changed: title, byline, date or paragraphs differ from what was recorded');
    const expected = versionRecordHash({
      prevHash: r.prevHash,
      url: r.url,
      number: v.number,
      capturedAt: v.capturedAt,
      fingerprint: v.fingerprint,
      textDigest: r.textDigest ?? '',
      captureDigest: r.captureDigest,
    });
    if (expected !== r.recordHash)
      fail(n, 'record hash does not match the version (capture time, number, fingerprint or record fields changed)');
    await verifyCapture(store, v, r, fail, report, digests);
  }
}

async function verifyCapture(
  store: Store,
  v: Version,
  r: ChainRecord,
  fail: Fail,
  report: VerifyReport,
  digests: Map<string, string | null>,
) {
  const info = await store.evidence.getCaptureInfo(v.id);
  if (r.captureDigest === null) {
    if (info) fail(v.number, 'has a capture its record does not cover (added later)');
    return;
  }
  if (!info) return fail(v.number, 'capture envelope deleted');
  if (info.digest !== r.captureDigest) return fail(v.number, 'capture digest changed');
  if (!info.hasBytes) return; // pruned by retention: the record covers the digest, not the bytes
  report.captures++;
  if (!digests.has(info.digest)) {
    let actual: string | null;
    try {
      const bytes = await store.evidence.getCaptureBytes(info.digest);
      actual = bytes ? bytesDigest(bytes) : null;
    } catch {
      actual = 'unreadable';
    }
    digests.set(info.digest, actual);
  }
  const actual = digests.get(info.digest);
  if (actual === 'unreadable') fail(v.number, 'capture bytes are corrupt (cannot be decompressed)');
  else if (actual !== null && actual !== info.digest)
    fail(v.number, `capture bytes changed: their sha256 is ${actual}, the record says ${info.digest}`);
}

function verifyEventChain(events: ArticleEvent[], records: ChainRecord[], fail: Fail, report: VerifyReport) {
  const byId = new Map(events.map((e) => [e.id, e]));
  const recorded = new Set(records.map((r) => r.eventId));
  let prev = GENESIS;
  records.forEach((r, i) => {
    const where = `event ${r.seq}`;
    if (r.seq !== i + 1) fail(null, `${where}: events chain skips from ${i} to ${r.seq}`);
    if (r.prevHash !== prev) fail(null, `${where}: chain broken (an event was deleted, inserted or rewritten)`);
    prev = r.recordHash;
    const e = r.eventId === null ? undefined : byId.get(r.eventId);
    if (!e) return fail(null, `${where}: event row deleted; its chain record remains`);
    report.events++;
    const expected = eventRecordHash({
      prevHash: r.prevHash,
      url: r.url,
      seq: r.seq,
      at: e.at,
      kind: e.kind,
      versionNumber: e.versionNumber,
      detail: e.detail,
    });
    if (expected !== r.recordHash) fail(null, `${where} (${e.kind}): event changed (time, kind, version or detail differ from the record)`);
  });
  for (const e of events) {
    if (CHAINED_EVENT_KINDS.includes(e.kind) && !recorded.has(e.id))
      fail(null, `${e.kind} event ${e.id}: has no chain record (inserted outside Redline?)`);
  }
}

async function verifyRoots(store: Store, report: VerifyReport, opts: VerifyOptions) {
  const fail = (seq: number, message: string) =>
    report.breaks.push({ articleId: null, versionNumber: null, rootSeq: seq, message: `root ${seq}: ${message}` });
  const key = opts.trustedRoot?.publicKey ?? opts.publicKey;
  let prev: SignedRoot | null = null;
  let sawTrusted = false;
  for (let after = 0; ;) {
    const page = await store.evidence.listRoots({ afterSeq: after, limit: 200 });
    if (page.length === 0) break;
    for (const root of page) {
      report.roots++;
      if (root.seq !== (prev?.seq ?? 0) + 1) fail(root.seq, `follows root ${prev?.seq ?? 0}: roots are missing`);
      if (root.prevRootHash !== (prev?.rootHash ?? '')) fail(root.seq, 'does not link to the previous root');
      const statement = rootStatement({
        seq: root.seq,
        sealedAt: root.sealedAt,
        treeSize: root.treeSize,
        root: root.rootHash,
        prevRoot: root.prevRootHash,
      });
      if (statement !== root.statement) fail(root.seq, 'its fields differ from the signed statement');
      if (!verifyStatement(root.publicKey, root.statement, root.signature)) fail(root.seq, 'bad signature');
      if (key && root.publicKey !== key) fail(root.seq, 'signed by another key than the trusted one');
      if (opts.trustedRoot && root.seq === opts.trustedRoot.seq) {
        sawTrusted = true;
        if (root.rootHash !== opts.trustedRoot.rootHash || root.statement !== opts.trustedRoot.statement)
          fail(root.seq, 'differs from the trusted root given: history was rewritten');
      }
      const leaves = await store.evidence.listRootLeaves(root.id);
      if (leaves.length !== root.treeSize)
        fail(root.seq, `covers ${leaves.length} records but was signed for ${root.treeSize} (records deleted or moved)`);
      else if (leaves.length > 0 && merkleRoot(leaves.map((l) => l.recordHash)) !== root.rootHash)
        fail(root.seq, 'its records no longer give its signed root hash (a record was changed)');
      prev = root;
    }
    after = page[page.length - 1].seq;
  }
  if (opts.trustedRoot && !sawTrusted) fail(opts.trustedRoot.seq, 'the trusted root given is not in the stored history');
}
