import { describe, expect, it } from 'vitest';
import type { CaptureInput, NewRoot } from '../../model/index.ts';
import { GENESIS, bytesDigest, eventRecordHash, textDigest, versionRecordHash } from '../chain.ts';
import { RootConflictError } from '../errors.ts';
import type { Store } from '../store.ts';
import { T0, freshStore, makeArticle, makeSource, versionInput, type ContractHarness } from './fixtures.ts';

const bytes = (s: string) => new Uint8Array([...new TextEncoder().encode(s), 0xe9, 0x00, 0xff]);

function capture(body: Uint8Array, over: Partial<CaptureInput> = {}): CaptureInput {
  return {
    body,
    requestUrl: 'http://news.example/a?utm_source=x',
    finalUrl: 'http://news.example/a',
    status: 200,
    statusLine: 'HTTP/1.1 200 OK',
    headers: [
      ['Content-Type', 'text/html; charset=windows-1252'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ],
    requestHeaders: [
      ['User-Agent', 'Redline'],
      ['Accept', 'text/html'],
    ],
    charset: 'windows-1252',
    ...over,
  };
}

function root(seq: number, prev: string, size: number, over: Partial<NewRoot> = {}): NewRoot {
  return {
    seq,
    sealedAt: T0 + seq,
    treeSize: size,
    rootHash: `root${seq}`,
    prevRootHash: prev,
    statement: `{"seq":${seq}}`,
    signature: 'sig',
    publicKey: 'key',
    ...over,
  };
}

export function evidenceCases(harness: ContractHarness): void {
  describe(`${harness.name}: exact captures`, () => {
    const store = freshStore(harness);

    it('keeps the bytes and the HTTP envelope of a capture, the same bytes once', async () => {
      const source = await makeSource(store());
      const a = await makeArticle(store(), source, 'a');
      const b = await makeArticle(store(), source, 'b');
      const body = bytes('<html><body>'.repeat(300));
      const v1 = await store().addVersion(a.id, 1, versionInput('t', ['p'], { capture: capture(body) }));
      await store().addVersion(b.id, 1, versionInput('t', ['p'], { capture: capture(body, { requestUrl: 'http://news.example/b' }) }));
      expect(v1.hasRaw).toBe(true);
      const got = await store().evidence.getCapture(a.id, 1);
      expect(got).toEqual({ ...capture(body), digest: bytesDigest(body), exact: true, pinned: false });
      expect(await store().getRawHtml(a.id, 1)).toEqual(body);
      expect(await store().evidence.getCaptureBytes(bytesDigest(body))).toEqual(body);
      expect(await store().evidence.getCaptureInfo(v1.id)).toMatchObject({
        versionId: v1.id,
        size: body.byteLength,
        hasBytes: true,
        digest: bytesDigest(body),
      });
      const stats = await store().evidence.captureStats();
      expect(stats).toMatchObject({
        versions: 2,
        withCapture: 2,
        withBytes: 2,
        distinctBodies: 1,
        rawBytes: body.byteLength,
        undedupedRawBytes: 2 * body.byteLength,
      });
      expect(stats.storedBytes).toBeLessThan(body.byteLength / 5);
      expect(await store().evidence.getCapture(a.id, 2)).toBeNull();
      expect(await store().evidence.getVersionById(v1.id)).toEqual(v1);
      expect(await store().evidence.getVersionById(v1.id + 1000)).toBeNull();
    });

    it('stores raw HTML given without an envelope as a capture too', async () => {
      const a = await makeArticle(store(), await makeSource(store()), 'a');
      const html = bytes('<p>x</p>');
      await store().addVersion(a.id, 1, versionInput('t', ['p'], { rawHtml: html }));
      expect(await store().evidence.getCapture(a.id, 1)).toMatchObject({ body: html, status: null, headers: null, exact: true });
    });
  });

  describe(`${harness.name}: paragraph texts`, () => {
    const store = freshStore(harness);

    it('keeps each paragraph text once per article and reads every version back whole', async () => {
      const source = await makeSource(store());
      const a = await makeArticle(store(), source, 'a');
      const b = await makeArticle(store(), source, 'b');
      const p = ['Zürich — “one” 📰', 'two', 'three'];
      const v1 = await store().addVersion(a.id, 1, versionInput('t', p));
      const v2 = await store().addVersion(a.id, 2, versionInput('t', [p[0], 'two, edited', p[2], p[0]], { capturedAt: T0 + 1 }));
      await store().addVersion(b.id, 1, versionInput('t', p));
      expect(v1.paragraphs).toEqual(p);
      expect((await store().listVersions(a.id)).map((v) => v.paragraphs)).toEqual([p, [p[0], 'two, edited', p[2], p[0]]]);
      expect((await store().getLatestVersion(a.id))?.paragraphs).toEqual(v2.paragraphs);
      expect((await store().getVersion(b.id, 1))?.paragraphs).toEqual(p);
      expect((await store().evidence.getVersionById(v2.id))?.paragraphs).toEqual(v2.paragraphs);
      const changes = await store().listChanges({ limit: 10 });
      // Change lists carry no text (pages that show it read the version).
      expect(changes.items.map((c) => (c.type === 'version' ? [c.version.id, 'paragraphs' in c.version] : null))).toEqual([[v2.id, false]]);
      const stats = await store().evidence.textStats();
      // Article a: 3 + 1 edited paragraph; article b keeps its own 3.
      expect(stats).toMatchObject({ versions: 3, paragraphRows: 7, legacyTextBytes: 0 });
      expect(stats.paragraphBytes).toBe(2 * new TextEncoder().encode(p.join('')).byteLength + 'two, edited'.length);
      expect(await store().evidence.getVersionById(v2.id + 1000)).toBeNull();
    });
  });

  describe(`${harness.name}: hash chain`, () => {
    const store = freshStore(harness);

    it('chains each version to the previous one over url, number, time, fingerprint, text and capture digest', async () => {
      const a = await makeArticle(store(), await makeSource(store()), 'a');
      const body = bytes('<p>one</p>');
      const v1 = await store().addVersion(a.id, 1, versionInput('t', ['one'], { capture: capture(body), capturedAt: T0 + 1 }));
      const v2 = await store().addVersion(a.id, 2, versionInput('t', ['two'], { capturedAt: T0 + 2 }));
      const [r1, r2] = await store().evidence.listRecords(a.id);
      const h1 = versionRecordHash({
        prevHash: GENESIS,
        url: a.url,
        number: 1,
        capturedAt: T0 + 1,
        fingerprint: v1.fingerprint,
        textDigest: textDigest(v1),
        captureDigest: bytesDigest(body),
      });
      expect(r1).toMatchObject({
        kind: 'version',
        versionId: v1.id,
        seq: 1,
        url: a.url,
        prevHash: GENESIS,
        recordHash: h1,
        captureDigest: bytesDigest(body),
        rootId: null,
      });
      const h2 = versionRecordHash({
        prevHash: h1,
        url: a.url,
        number: 2,
        capturedAt: T0 + 2,
        fingerprint: v2.fingerprint,
        textDigest: textDigest(v2),
        captureDigest: null,
      });
      expect(r2).toMatchObject({ versionId: v2.id, seq: 2, prevHash: h1, recordHash: h2 });
      expect(await store().evidence.getVersionRecord(v2.id)).toEqual(r2);
      expect(await store().evidence.listChainedArticleIds()).toEqual([a.id]);
    });

    it('chains removals, restorations and reverts, not errors', async () => {
      const a = await makeArticle(store(), await makeSource(store()), 'a');
      await store().addVersion(a.id, 1, versionInput('t', ['one']));
      const removed = await store().addEvent({ articleId: a.id, at: T0 + 5, kind: 'removed', versionNumber: null, detail: 'HTTP 410' });
      await store().addEvent({ articleId: a.id, at: T0 + 6, kind: 'error', versionNumber: null, detail: 'timeout' });
      const revert = await store().addEvent({ articleId: a.id, at: T0 + 7, kind: 'revert', versionNumber: 1, detail: null });
      const events = (await store().evidence.listRecords(a.id)).filter((r) => r.kind === 'event');
      const h1 = eventRecordHash({
        prevHash: GENESIS,
        url: a.url,
        seq: 1,
        at: T0 + 5,
        kind: 'removed',
        versionNumber: null,
        detail: 'HTTP 410',
      });
      const h2 = eventRecordHash({ prevHash: h1, url: a.url, seq: 2, at: T0 + 7, kind: 'revert', versionNumber: 1, detail: null });
      expect(events.map((r) => [r.eventId, r.seq, r.prevHash, r.recordHash])).toEqual([
        [removed.id, 1, GENESIS, h1],
        [revert.id, 2, h1, h2],
      ]);
      await expect(
        store().addEvent({ articleId: a.id + 1000, at: T0, kind: 'removed', versionNumber: null, detail: null }),
      ).rejects.toMatchObject({ kind: 'not-found' });
    });

    it('keeps one unbroken chain per article under racing writers', async () => {
      const source = await makeSource(store());
      const articles = await Promise.all(['a', 'b', 'c'].map((p) => makeArticle(store(), source, p)));
      const others = await Promise.all([1, 2, 3].map(() => harness.openAnother(store())));
      const writers: Store[] = [store(), ...others.map((o) => o ?? store())];
      try {
        // Each writer stores the next version of every article as fast as it can, and an event each time.
        for (let round = 1; round <= 4; round++) {
          await Promise.allSettled(
            writers.flatMap((w, i) =>
              articles.map(async (a) => {
                await w.addVersion(a.id, round, versionInput(`r${round}`, [`w${i}`])).catch(() => null);
                await w.addEvent({
                  articleId: a.id,
                  at: T0 + round,
                  kind: i % 2 ? 'removed' : 'restored',
                  versionNumber: null,
                  detail: `w${i}`,
                });
              }),
            ),
          );
        }
        for (const a of articles) {
          const records = await store().evidence.listRecords(a.id);
          for (const kind of ['version', 'event'] as const) {
            const chain = records.filter((r) => r.kind === kind);
            expect(chain.map((r) => r.seq)).toEqual(chain.map((_, i) => i + 1));
            chain.forEach((r, i) => expect(r.prevHash).toBe(i === 0 ? GENESIS : chain[i - 1].recordHash));
          }
          expect(records.filter((r) => r.kind === 'version')).toHaveLength(4);
          expect(records.filter((r) => r.kind === 'event')).toHaveLength(4 * writers.length);
        }
      } finally {
        for (const o of others) await o?.close();
      }
    });
  });

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
