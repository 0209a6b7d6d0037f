import { describe, expect, it } from 'vitest';
import { bytesDigest } from '../chain.ts';
import { RootConflictError } from '../errors.ts';
import { bytes, capture, root } from './evidence.case.ts';
import { T0, freshStore, makeArticle, makeSource, versionInput, type ContractHarness } from './fixtures.ts';

/** Signed roots, the archive (Wayback) queue and capture retention. */
export function evidenceSealCases(harness: ContractHarness): void {
  describe(`${harness.name}: signed roots`, () => {
    const store = freshStore(harness);

    it('seals unsealed records under consecutive roots, once', async () => {
      const a = await makeArticle(store(), await makeSource(store()), 'a');
      await store().addVersion(a.id, 1, versionInput('t', ['one']));
      await store().addVersion(a.id, 2, versionInput('t', ['two']));
      const open = await store().evidence.listUnsealedRecords(10);
      expect(open).toHaveLength(2);
      const r1 = await store().evidence.addRoot(
        root(1, '', 2),
        open.map((r) => r.id),
      );
      expect(r1).toMatchObject({ seq: 1, treeSize: 2, rootHash: 'root1', statement: '{"seq":1}' });
      expect(await store().evidence.listUnsealedRecords(10)).toEqual([]);
      expect(await store().evidence.listRootLeaves(r1.id)).toEqual(open.map((r) => ({ recordId: r.id, recordHash: r.recordHash })));
      expect((await store().evidence.listRecords(a.id)).map((r) => r.rootId)).toEqual([r1.id, r1.id]);
      // A second sealer with the same records, or a root that does not follow the latest, loses.
      await expect(
        store().evidence.addRoot(
          root(2, 'root1', 2),
          open.map((r) => r.id),
        ),
      ).rejects.toBeInstanceOf(RootConflictError);
      await expect(store().evidence.addRoot(root(3, 'root1', 0), [])).rejects.toBeInstanceOf(RootConflictError);
      await expect(store().evidence.addRoot(root(2, 'wrong', 0), [])).rejects.toBeInstanceOf(RootConflictError);
      expect(await store().evidence.getRoot(2)).toBeNull();
      await store().addVersion(a.id, 3, versionInput('t', ['three']));
      const next = await store().evidence.listUnsealedRecords(10);
      const r2 = await store().evidence.addRoot(
        root(2, 'root1', 1),
        next.map((r) => r.id),
      );
      expect((await store().evidence.listRoots({ limit: 10 })).map((r) => r.seq)).toEqual([1, 2]);
      expect((await store().evidence.listRoots({ limit: 10, newestFirst: true })).map((r) => r.seq)).toEqual([2, 1]);
      expect((await store().evidence.listRoots({ limit: 10, afterSeq: 1 })).map((r) => r.seq)).toEqual([2]);
      expect((await store().evidence.listRoots({ limit: 10, newestFirst: true, beforeSeq: 2 })).map((r) => r.seq)).toEqual([1]);
      expect(await store().evidence.getRoot(2)).toEqual(r2);
      expect(await store().evidence.getRootById(r1.id)).toEqual(r1);
    });
  });

  describe(`${harness.name}: archive queue and retention`, () => {
    const store = freshStore(harness);
    const lease = (until: number) => ({ workerId: 'w1', until });

    it('queues archived versions durably and claims them no faster than the rate, never while paused', async () => {
      const a = await makeArticle(store(), await makeSource(store()), 'a');
      const versions = [];
      for (let n = 1; n <= 4; n++)
        versions.push(await store().addVersion(a.id, n, versionInput('t', [`p${n}`], { capturedAt: T0 + n, archive: n !== 2 })));
      expect(await store().evidence.getArchiveJob(versions[1].id)).toBeNull();
      const rate = { max: 2, windowMs: 60_000 };
      const first = await store().evidence.claimArchiveJobs(T0 + 10, 10, lease(T0 + 1000), rate);
      expect(first.map((j) => j.versionId)).toEqual([versions[0].id, versions[2].id]);
      expect(first[0]).toMatchObject({ url: a.url, state: 'pending', attempts: 1 });
      // The window is full; the leased jobs are not handed out again.
      expect(await store().evidence.claimArchiveJobs(T0 + 20, 10, lease(T0 + 1000), rate)).toEqual([]);
      await store().evidence.updateArchiveJob(first[0].id, { state: 'done', archivedUrl: 'https://web.archive.org/web/1/x' });
      await store().evidence.updateArchiveJob(first[1].id, { state: 'pending', nextAttemptAt: T0 + 60_000, lastError: 'HTTP 429' });
      expect(await store().evidence.getArchiveJob(versions[0].id)).toMatchObject({
        state: 'done',
        archivedUrl: 'https://web.archive.org/web/1/x',
      });
      await store().evidence.pauseArchiving(T0 + 90_000);
      expect(await store().evidence.claimArchiveJobs(T0 + 80_000, 10, lease(T0 + 100_000), rate)).toEqual([]);
      const later = await store().evidence.claimArchiveJobs(T0 + 90_001, 10, lease(T0 + 100_000), rate);
      // Due first goes first: version 4 was due at once, version 3 after its 429.
      expect(later.map((j) => j.versionId)).toEqual([versions[3].id, versions[2].id]);
      expect(later[1]).toMatchObject({ attempts: 2, lastError: 'HTTP 429' });
    });

    it('counts every request in the rate window, also repeated ones of one job', async () => {
      const a = await makeArticle(store(), await makeSource(store()), 'a');
      await store().addVersion(a.id, 1, versionInput('t', ['p'], { capturedAt: T0, archive: true }));
      const rate = { max: 2, windowMs: 60_000 };
      const [job] = await store().evidence.claimArchiveJobs(T0, 5, lease(T0 + 5), rate);
      await store().evidence.updateArchiveJob(job.id, { state: 'submitted', jobId: 'spn-1', nextAttemptAt: T0 + 10 });
      expect(await store().evidence.claimArchiveJobs(T0 + 10, 5, lease(T0 + 15), rate)).toMatchObject([
        { id: job.id, state: 'submitted', jobId: 'spn-1', attempts: 2 },
      ]);
      await store().evidence.updateArchiveJob(job.id, { state: 'submitted', nextAttemptAt: T0 + 20 });
      expect(await store().evidence.claimArchiveJobs(T0 + 20, 5, lease(T0 + 25), rate)).toEqual([]);
      expect(await store().evidence.claimArchiveJobs(T0 + 60_001, 5, lease(T0 + 60_010), rate)).toHaveLength(1);
    });

    it('prunes capture bytes past the cutoff except first, latest, pinned and shared ones; digests stay', async () => {
      const a = await makeArticle(store(), await makeSource(store()), 'a');
      const b = await makeArticle(store(), await makeSource(store()), 'b');
      const body = (n: number) => bytes(`<p>version ${n}</p>`.repeat(50));
      const vs = [];
      for (let n = 1; n <= 5; n++)
        vs.push(await store().addVersion(a.id, n, versionInput('t', [`p${n}`], { capturedAt: T0 + n * 1000, capture: capture(body(n)) })));
      // Article b's only version shares version 2's bytes: they must stay.
      await store().addVersion(b.id, 1, versionInput('t', ['x'], { capturedAt: T0, capture: capture(body(2)) }));
      expect(await store().evidence.setPinned(vs[2].id, true)).toBe(true);
      expect(await store().evidence.setPinned(vs[2].id + 1000, true)).toBe(false);
      const pruned = await store().evidence.pruneCaptures(T0 + 4500);
      expect(pruned.captures).toBe(1); // version 4's bytes only
      expect(pruned.storedBytes).toBeGreaterThan(0);
      const kept = await Promise.all([1, 2, 3, 4, 5].map(async (n) => (await store().getRawHtml(a.id, n)) !== null));
      expect(kept).toEqual([true, true, true, false, true]);
      expect((await store().listVersions(a.id)).map((v) => v.hasRaw)).toEqual([true, true, true, false, true]);
      expect(await store().evidence.getCaptureInfo(vs[3].id)).toMatchObject({ digest: bytesDigest(body(4)), hasBytes: false });
      expect((await store().evidence.listRecords(a.id))[3].captureDigest).toBe(bytesDigest(body(4)));
      expect(await store().evidence.pruneCaptures(T0 + 4500)).toEqual({ captures: 0, storedBytes: 0 });
      // Unpinned, version 3 goes too once it is past the cutoff.
      await store().evidence.setPinned(vs[2].id, false);
      expect((await store().evidence.pruneCaptures(T0 + 4500)).captures).toBe(1);
      expect(await store().evidence.getCapture(a.id, 3)).toBeNull();
    });
  });
}
