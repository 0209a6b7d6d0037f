import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CaptureInput, NewRoot } from '../../model/index.ts';
import { GENESIS, bytesDigest, eventRecordHash, textDigest, versionRecordHash } from '../chain.ts';
import type { Store } from '../store.ts';
import { T0, freshStore, makeArticle, makeSource, versionInput, type ContractHarness } from './fixtures.ts';

export const bytes = (s: string) => new Uint8Array([...new TextEncoder().encode(s), 0xe9, 0x00, 0xff]);

export function capture(body: Uint8Array, over: Partial<CaptureInput> = {}): CaptureInput {
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

export function root(seq: number, prev: string, size: number, over: Partial<NewRoot> = {}): NewRoot {
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

    it("keeps the server's gzip of a capture when it decompresses to the bytes, and never trusts one that does not", async () => {
      const source = await makeSource(store());
      const [a, b, c] = [
        await makeArticle(store(), source, 'a'),
        await makeArticle(store(), source, 'b'),
        await makeArticle(store(), source, 'c'),
      ];
      const page = (n: number) =>
        bytes(Array.from({ length: 400 }, (_, i) => `<p>${n} paragraph ${i} of ${(i * 7919) % 1013}</p>`).join(''));
      const [body, other, loose] = [page(1), page(2), page(3)];
      const serverGzip = gzipSync(body, { level: 9 });
      await store().addVersion(a.id, 1, versionInput('t', ['p'], { capture: capture(body, { gzip: serverGzip }) }));
      expect((await store().evidence.captureStats()).storedBytes).toBe(serverGzip.byteLength);
      // A gzip of other bytes (a bug or a lie) is not what the capture is: the bytes are compressed here.
      await store().addVersion(b.id, 1, versionInput('t', ['p'], { capture: capture(other, { gzip: gzipSync(page(9), { level: 9 }) }) }));
      // A gzip that barely compresses is not kept either (gzip level 0 stores the bytes).
      await store().addVersion(c.id, 1, versionInput('t', ['p'], { capture: capture(loose, { gzip: gzipSync(loose, { level: 0 }) }) }));
      const stats = await store().evidence.captureStats();
      expect(stats.distinctBodies).toBe(3);
      expect(stats.storedBytes).toBe(
        serverGzip.byteLength + gzipSync(other, { level: 3 }).byteLength + gzipSync(loose, { level: 3 }).byteLength,
      );
      expect((await store().evidence.getCapture(a.id, 1))?.body).toEqual(body);
      expect((await store().evidence.getCapture(b.id, 1))?.body).toEqual(other);
      expect((await store().evidence.getCapture(c.id, 1))?.body).toEqual(loose);
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
}
