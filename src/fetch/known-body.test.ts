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

  it('decodes an unknown body whole as the streaming decoder would: every encoding, the decoded limit, corrupt and truncated bodies', async () => {
    const html = `<html><body><p>${'Caf\u00e9 story. '.repeat(2000)}</p></body></html>`;
    const encoded: Record<string, Buffer> = {
      gzip: zlib.gzipSync(html),
      deflate: zlib.deflateSync(html),
      'deflate-raw': zlib.deflateRawSync(html),
      br: zlib.brotliCompressSync(html),
      identity: Buffer.from(html),
      bomb: zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)),
      cut: zlib.gzipSync(html).subarray(0, 2000),
      garbage: Buffer.from('definitely not gzip'),
    };
    const base = await serve((req, res) => {
      const name = req.url!.slice(1);
      const encoding = name === 'deflate-raw' ? 'deflate' : ['bomb', 'cut', 'garbage'].includes(name) ? 'gzip' : name;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': encoding }).end(encoded[name]);
    });
    const fetcher = createFetcher(testFetchConfig({ maxBodyBytes: 1024 * 1024 }));
    const get = (name: string, known: boolean) =>
      fetcher.get(`${base}/${name}`, { accept: 'html', ...(known ? { knownBody: () => false } : {}) }).catch((e: unknown) => e);
    for (const name of ['gzip', 'deflate', 'deflate-raw', 'br', 'identity']) {
      const [whole, streamed] = [await get(name, true), await get(name, false)];
      expect((whole as { text: string }).text, name).toBe(html);
      expect((streamed as { text: string }).text, name).toBe(html);
    }
    // 4 MB of spaces in 4 KB of gzip: over the 1 MB limit once decoded, whichever way.
    for (const [name, kind] of [
      ['bomb', 'too-large'],
      ['garbage', 'bad-encoding'],
    ]) {
      const [whole, streamed] = [await get(name, true), await get(name, false)];
      expect(whole, name).toBeInstanceOf(FetchError);
      expect([(whole as FetchError).kind, (streamed as FetchError).kind], name).toEqual([kind, kind]);
    }
    // A gzip cut short gives what it holds, as zlib's streaming decoder does too.
    const [whole, streamed] = [await get('cut', true), await get('cut', false)];
    expect((whole as { text: string }).text.length).toBeGreaterThan(0);
    expect((whole as { text: string }).text).toBe((streamed as { text: string }).text);
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
