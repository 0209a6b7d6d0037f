import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FetchError } from './errors.ts';
import { createFetcher } from './fetcher.ts';
import { testFetchConfig, useTestServer } from './testdata/server.ts';

const serve = useTestServer();
const PAGE = '<html><head><title>T</title></head><body><p>Caf\u00e9 story</p></body></html>';

/** A site whose page the test can change between requests: body, type and encoding. */
async function site() {
  const page = { html: PAGE, type: 'text/html; charset=utf-8', gzip: true, corrupt: false };
  const base = await serve((req, res) => {
    if (req.url === '/moved') return res.writeHead(301, { Location: '/a' }).end();
    const bytes = page.corrupt ? Buffer.from('not gzip at all') : page.gzip ? zlib.gzipSync(page.html) : Buffer.from(page.html);
    res.writeHead(200, { 'Content-Type': page.type, ...(page.gzip ? { 'Content-Encoding': 'gzip' } : {}) }).end(bytes);
  });
  return { base, page };
}

describe('knownBody: a body recognised before it is decompressed', () => {
  it('returns the digest of the bytes as received, and an empty sameBody result when the caller knows them', async () => {
    const { base } = await site();
    const fetcher = createFetcher(testFetchConfig());
    const asked: string[] = [];
    const first = await fetcher.get(`${base}/a`, { accept: 'html', knownBody: (d) => (asked.push(d), false) });
    expect(first.text).toBe(PAGE);
    expect(first.sameBody).toBeUndefined();
    expect(first.bodyDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(asked).toEqual([first.bodyDigest]);
    const again = await fetcher.get(`${base}/a`, { accept: 'html', knownBody: (d) => d === first.bodyDigest });
    expect(again).toMatchObject({ status: 200, notModified: false, sameBody: true, text: '', charset: '', bodyDigest: first.bodyDigest });
    expect(again.body.byteLength).toBe(0);
  });

  it('hands back the gzip bytes as received beside the decoded body, for a capture to keep', async () => {
    const { base, page } = await site();
    const fetcher = createFetcher(testFetchConfig());
    const read = await fetcher.get(`${base}/a`, { accept: 'html', knownBody: () => false });
    expect(read.bodyGzip).toEqual(zlib.gzipSync(PAGE));
    expect(zlib.gunzipSync(read.bodyGzip!)).toEqual(Buffer.from(read.body));
    // Not without knownBody (nothing is buffered then), not for a known body, not for a body sent as is.
    expect((await fetcher.get(`${base}/a`, { accept: 'html' })).bodyGzip).toBeUndefined();
    expect((await fetcher.get(`${base}/a`, { accept: 'html', knownBody: () => true })).bodyGzip).toBeUndefined();
    page.gzip = false;
    expect((await fetcher.get(`${base}/a`, { accept: 'html', knownBody: () => false })).bodyGzip).toBeUndefined();
  });

  it('without knownBody gives no digest and decodes as always', async () => {
    const { base } = await site();
    const result = await createFetcher(testFetchConfig()).get(`${base}/a`, { accept: 'html' });
    expect(result.bodyDigest).toBeUndefined();
    expect(result.text).toBe(PAGE);
  });

  it('gives another digest for one changed byte, another type, another encoding, another final URL or another size limit', async () => {
    const { base, page } = await site();
    const fetcher = createFetcher(testFetchConfig());
    const digest = async (path = '/a', f = fetcher) =>
      (await f.get(`${base}${path}`, { accept: 'html', knownBody: () => false })).bodyDigest;
    const start = await digest();
    expect(await digest()).toBe(start);
    page.html = PAGE.replace('story', 'storY');
    const edited = await digest();
    page.html = PAGE;
    page.type = 'text/html; charset=windows-1252';
    const retyped = await digest();
    page.type = 'text/html; charset=utf-8';
    page.gzip = false;
    const plain = await digest();
    page.gzip = true;
    const limited = await digest('/a', createFetcher(testFetchConfig({ maxBodyBytes: 512 * 1024 })));
    const viaRedirect = await digest('/moved');
    expect(viaRedirect).toBe(start); // the final URL is the same page
    const all = [start, edited, retyped, plain, limited];
    expect(new Set(all).size).toBe(all.length);
  });

  it('does not decompress a known body, and still refuses a corrupt unknown one', async () => {
    const { base, page } = await site();
    const fetcher = createFetcher(testFetchConfig());
    page.corrupt = true;
    const known = await fetcher.get(`${base}/a`, { accept: 'html', knownBody: () => true });
    expect(known).toMatchObject({ sameBody: true, text: '' });
    const err = await fetcher.get(`${base}/a`, { accept: 'html', knownBody: () => false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).kind).toBe('bad-encoding');
  });

  it('keeps the size limit on the bytes as received while it holds them', async () => {
    const big = 'x'.repeat(4096);
    // Chunked, no Content-Length: the limit is met while reading.
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).write(`<p>${big}`);
      res.end(`${big}</p>`);
    });
    const fetcher = createFetcher(testFetchConfig({ maxBodyBytes: 1024 }));
    let asked = false;
    const err = await fetcher.get(`${base}/a`, { accept: 'html', knownBody: () => (asked = true) }).catch((e: unknown) => e);
    expect((err as FetchError).kind).toBe('too-large');
    expect(asked).toBe(false);
  });

  it('a knownBody that throws fails the fetch with its error', async () => {
    const { base } = await site();
    const boom = new Error('store gone');
    const err = await createFetcher(testFetchConfig())
      .get(`${base}/a`, {
        accept: 'html',
        knownBody: () => {
          throw boom;
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBe(boom);
  });
});
