import type { ChainRecord, SignedRoot, Version } from '../model/index.ts';
import { HiddenError, NotFoundError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { inclusionPath } from './merkle.ts';

export interface VersionProof {
  version: Version;
  record: ChainRecord;
  leafIndex: number;
  path: string[];
  root: SignedRoot;
}

/** The inclusion proof of a version's record in the signed root that covers it. */
export async function versionProof(store: Store, versionId: number): Promise<VersionProof> {
  const version = await store.evidence.getVersionById(versionId);
  const record = version ? await store.evidence.getVersionRecord(versionId) : null;
  if (!version || !record) throw new NotFoundError(`no version ${versionId}`);
  // A legal hide covers the proof too: it would confirm what the hidden text said.
  const article = await store.getArticle(version.articleId);
  if (version.hiddenAt !== null || !article || article.hiddenAt !== null) throw new HiddenError(`version ${versionId} is hidden`);
  if (record.rootId === null) {
    throw new NotFoundError(
      `version ${versionId} is not sealed under a signed root yet (roots are sealed every evidence.sealEverySec); try again later`,
    );
  }
  const root = await store.evidence.getRootById(record.rootId);
  if (!root) throw new NotFoundError(`root ${record.rootId} of version ${versionId} is missing`);
  const leaves = await store.evidence.listRootLeaves(root.id);
  const leafIndex = leaves.findIndex((l) => l.recordId === record.id);
  const hashes = leaves.map((l) => l.recordHash);
  return { version, record, leafIndex, path: inclusionPath(hashes, leafIndex), root };
}
