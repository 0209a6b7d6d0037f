import type { Store } from '../store/store.ts';
import type { VersionEvidence } from './views/version.ts';

/** The version page's evidence line: record, capture digest, whether sealed, the Wayback copy. */
export async function versionEvidence(store: Store, versionId: number): Promise<VersionEvidence> {
  const [record, capture, job] = await Promise.all([
    store.evidence.getVersionRecord(versionId),
    store.evidence.getCaptureInfo(versionId),
    store.evidence.getArchiveJob(versionId),
  ]);
  return {
    recordHash: record?.recordHash ?? null,
    captureDigest: record?.captureDigest ?? null,
    exactCapture: capture?.exact ?? true,
    sealed: record?.rootId !== null && record?.rootId !== undefined,
    archivedUrl: job?.state === 'done' ? job.archivedUrl : null,
  };
}
