import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { ROOT, runMain, tempDir } from '../e2e/helpers.ts';
import { buildDemoDatabase } from './demo-db.ts';

/**
 * Must show 3: the WARC export of the demo database, read back by readers that share no code with
 * the writer (a minimal parser written here from the WARC 1.1 spec, and warcio's own command line
 * in another process), carries payload digests equal to the stored sha256, and imports into an
 * empty database as the same articles, versions and fingerprints.
 */
let demo: Awaited<ReturnType<typeof buildDemoDatabase>>;
const out = tempDir();
const empty = tempDir();
let warc: string;

beforeAll(async () => {
  demo = await buildDemoDatabase();
  warc = join(out.dir, 'demo.warc.gz');
  const r = await runMain(['export', 'warc', warc, '--data', demo.dir]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});
afterAll(async () => {
  await demo?.remove();
  out.remove();
  empty.remove();
});

interface ParsedRecord {
  headers: Map<string, string>;
  block: Buffer;
}

/** WARC 1.1 section 4: version line, named fields, CRLF, a block of Content-Length bytes, CRLF CRLF. */
function parseWarc(bytes: Buffer): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    const head = bytes.subarray(at, end).toString('utf8').split('\r\n');
    if (head[0] !== 'WARC/1.1') throw new Error(`bad version line at ${at}: ${head[0]}`);
    const headers = new Map(head.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const length = Number(headers.get('content-length'));
    const block = bytes.subarray(end + 4, end + 4 + length);
    if (bytes.subarray(end + 4 + length, end + 8 + length).toString() !== '\r\n\r\n')
      throw new Error(`record at ${at} does not end with CRLF CRLF`);
    records.push({ headers, block });
    at = end + 8 + length;
  }
  return records;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('WARC export of the demo database', () => {
  it('is valid WARC/1.1 whose response payloads are the stored captures, digests included', async () => {
    // Node's gunzip reads all members of a multi-member file, one per record here.
    const records = parseWarc(gunzipSync(readFileSync(warc)));
    const types = records.map((r) => r.headers.get('warc-type'));
    expect(types[0]).toBe('warcinfo');
    const responses = records.filter((r) => r.headers.get('warc-type') === 'response');
    const metadata = records.filter(
      (r) => r.headers.get('warc-type') === 'metadata' && JSON.parse(r.block.toString()).redline === 'version-v1',
    );
    const store = await openStore({ dataDir: demo.dir });
    try {
      const stats = await store.stats();
      expect(metadata).toHaveLength(stats.versions);
      expect(responses).toHaveLength(stats.versions);
      expect(types.filter((t) => t === 'request')).toHaveLength(stats.versions);
      const byId = new Map(responses.map((r) => [r.headers.get('warc-record-id'), r]));
      for (const m of metadata) {
        const meta = JSON.parse(m.block.toString());
        const response = byId.get(m.headers.get('warc-refers-to'))!;
        const split = response.block.indexOf('\r\n\r\n');
        expect(response.block.subarray(0, split).toString()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
        const payload = response.block.subarray(split + 4);
        const article = (await store.getArticleByUrl(meta.article.url))!;
        const stored = (await store.evidence.getCapture(article.id, meta.version.number))!;
        expect(sha256(payload)).toBe(stored.digest);
        expect(response.headers.get('warc-payload-digest')).toBe(`sha256:${stored.digest}`);
        expect(response.headers.get('warc-block-digest')).toBe(`sha256:${sha256(response.block)}`);
        expect(meta.version.fingerprint).toBe((await store.getVersion(article.id, meta.version.number))!.fingerprint);
        expect(meta.record.hash).toBe(
          (await store.evidence.listRecords(article.id)).find((r) => r.kind === 'version' && r.seq === meta.version.number)!.recordHash,
        );
      }
    } finally {
      await store.close();
    }
  });

  it('is read by warcio in another process', () => {
    const cli = join(ROOT, 'node_modules/warcio/dist/cli.js');
    const lines = execFileSync(process.execPath, [cli, 'index', warc, '-f', 'warc-type,warc-payload-digest'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const parsed = parseWarc(gunzipSync(readFileSync(warc)));
    expect(lines.map((l) => l['warc-type'])).toEqual(parsed.map((r) => r.headers.get('warc-type')));
    expect(lines.filter((l) => l['warc-type'] === 'response').map((l) => l['warc-payload-digest'])).toEqual(
      parsed.filter((r) => r.headers.get('warc-type') === 'response').map((r) => r.headers.get('warc-payload-digest')),
    );
  });

  it('imports into an empty database as the same articles, versions, fingerprints and chain records', async () => {
    const r = await runMain(['import', 'warc', warc, '--data', empty.dir]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: (\d+) versions imported \(\1 with the archive's chain record\), 0 already there, \d+ events\n$/);
    const [from, to] = [await openStore({ dataDir: demo.dir }), await openStore({ dataDir: empty.dir })];
    try {
      const shape = async (s: Store) => {
        const articles = (await s.listArticles({ limit: 200 })).items.sort((a, b) => a.url.localeCompare(b.url));
        return Promise.all(
          articles.map(async (a) => ({
            url: a.url,
            versions: (await s.listVersions(a.id)).map((v) => [v.number, v.capturedAt, v.title, v.paragraphs, v.fingerprint]),
            captures: await Promise.all(
              (await s.listVersions(a.id)).map(async (v) => (await s.evidence.getCapture(a.id, v.number))?.digest),
            ),
            records: (await s.evidence.listRecords(a.id)).map((x) => x.recordHash),
          })),
        );
      };
      const [a, b] = [await shape(from), await shape(to)];
      expect(b.length).toBeGreaterThan(5);
      expect(b).toEqual(a);
      // A second import changes nothing.
      const again = await runMain(['import', 'warc', warc, '--data', empty.dir]);
      expect(again.stdout).toMatch(/: 0 versions imported .*, \d+ already there, 0 events/);
      expect(await shape(to)).toEqual(a);
    } finally {
      await from.close();
      await to.close();
    }
  });
});
