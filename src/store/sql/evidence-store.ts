import type { Millis, Version } from '../../model/index.ts';
import type { EvidenceStore } from '../evidence.ts';
import * as archive from './archive-jobs.ts';
import * as captures from './captures.ts';
import type { Db } from './db.ts';
import * as records from './records.ts';
import * as retention from './retention.ts';
import * as roots from './roots.ts';
import { readVersion } from './paragraphs.ts';
import { VERSION_COLUMNS } from './rows.ts';

/** store.evidence on top of a Db: the same SQL on both databases. */
export function createEvidenceStore(db: Db): EvidenceStore {
  return {
    getCapture: (articleId, number) => captures.getCapture(db, articleId, number),
    getCaptureInfo: (versionId) => captures.getCaptureInfo(db, versionId),
    getCaptureBytes: (digest) => captures.getCaptureBytes(db, digest),
    getVersionById: async (versionId): Promise<Version | null> => {
      const row = await db.get(`SELECT ${VERSION_COLUMNS} FROM versions v WHERE v.id = ?`, [versionId]);
      return readVersion(db, row);
    },
    listRecords: (articleId) => records.listRecords(db, articleId),
    getVersionRecord: (versionId) => records.getVersionRecord(db, versionId),
    listChainedArticleIds: () => records.listChainedArticleIds(db),
    listUnsealedRecords: (limit) => roots.listUnsealedRecords(db, limit),
    addRoot: (root, recordIds) => roots.addRoot(db, root, recordIds),
    listRoots: (query) => roots.listRoots(db, query),
    getRoot: (seq) => roots.getRoot(db, 'seq', seq),
    getRootById: (id) => roots.getRoot(db, 'id', id),
    listRootLeaves: (rootId) => roots.listRootLeaves(db, rootId),
    claimArchiveJobs: (now, limit, lease, rate) => archive.claimArchiveJobs(db, now, limit, lease, rate),
    updateArchiveJob: (id, patch) => archive.updateArchiveJob(db, id, patch),
    getArchiveJob: (versionId) => archive.getArchiveJob(db, versionId),
    pauseArchiving: (until: Millis) => archive.pauseArchiving(db, until),
    setPinned: (versionId, pinned) => retention.setPinned(db, versionId, pinned),
    pruneCaptures: (cutoff) => retention.pruneCaptures(db, cutoff),
    captureStats: () => retention.captureStats(db),
    textStats: () => retention.textStats(db),
  };
}
