import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FetchError } from './errors.ts';
import { createFetcher } from './fetcher.ts';
import { testFetchConfig, useTestServer } from './testdata/server.ts';
import type http from 'node:http';

const serve = useTestServer();

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  }
  throw new Error('expected a FetchError');
}

describe('fetcher basics', () => {
  it('sends an identifying User-Agent and compression, returns lower-case headers and freshness', async () => {
    let seen: http.IncomingHttpHeaders = {};
    const base = await serve((req, res) => {
      seen = req.headers;
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'public, max-age=120',
        ETag: '"v1"',
        'X-Thing': 'a',
      });
      res.end('<html><body><p>Héllo</p></body></html>');
    });
    const config = testFetchConfig();
    const result = await createFetcher(config).get(`${base}/article`, { accept: 'html' });
    expect(seen['user-agent']).toBe(config.userAgent);
    expect(seen['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen['accept']).toContain('text/html');
    expect(result).toMatchObject({
      url: `${base}/article`,
      status: 200,
      notModified: false,
      charset: 'utf-8',
      etag: '"v1"',
      maxAgeMs: 120_000,
    });
    expect(result.headers['x-thing']).toBe('a');
    expect(result.text).toContain('<p>Héllo</p>');
    expect(Buffer.from(result.body).toString('utf8')).toBe(result.text);
  });

  it('conditional GET: validators sent, 304 is notModified with an empty body', async () => {
    const base = await serve((req, res) => {
      const fresh = req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Tue, 05 Mar 2024 10:00:00 GMT';
      if (fresh) return res.writeHead(304, { ETag: '"v1"' }).end();
      res.writeHead(200, { 'Content-Type': 'text/html', ETag: '"v1"', 'Last-Modified': 'Tue, 05 Mar 2024 10:00:00 GMT' }).end('<p>x</p>');
    });
    const fetcher = createFetcher(testFetchConfig());
    const first = await fetcher.get(`${base}/a`, { accept: 'html' });
    expect(first).toMatchObject({ notModified: false, etag: '"v1"', lastModified: 'Tue, 05 Mar 2024 10:00:00 GMT' });
    const byEtag = await fetcher.get(`${base}/a`, { accept: 'html', etag: first.etag });
    expect(byEtag).toMatchObject({ status: 304, notModified: true, text: '', etag: '"v1"' });
    expect(byEtag.body.byteLength).toBe(0);
    const byDate = await fetcher.get(`${base}/a`, { accept: 'html', lastModified: first.lastModified });
    expect(byDate).toMatchObject({ notModified: true, lastModified: 'Tue, 05 Mar 2024 10:00:00 GMT' });
  });

  it.each([
    ['gzip', (b: Buffer) => zlib.gzipSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateRawSync(b)],
    ['br', (b: Buffer) => zlib.brotliCompressSync(b)],
  ])('decompresses %s', async (encoding, compress) => {
    const page = Buffer.from(`<html><body>${'<p>paragraph</p>'.repeat(500)}</body></html>`);
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': encoding }).end(compress(page));
    });
    const result = await createFetcher(testFetchConfig()).get(`${base}/`, { accept: 'html' });
    expect(result.text).toBe(page.toString());
  });

  it('follows redirects and reports the final URL', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/old') return res.writeHead(301, { Location: '/mid' }).end();
      if (req.url === '/mid') return res.writeHead(302, { Location: `${base}/new` }).end();
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>new</p>');
    });
    const result = await createFetcher(testFetchConfig()).get(`${base}/old`, { accept: 'html' });
    expect(result.url).toBe(`${base}/new`);
    expect(result.text).toBe('<p>new</p>');
  });
});

describe('status codes', () => {
  it.each([
    [404, {}, 'gone', null],
    [410, {}, 'gone', null],
    [500, {}, 'http', null],
    [429, { 'Retry-After': '120' }, 'http', 120_000],
    [503, { 'Retry-After': 'Thu, 01 Jan 2099 00:00:10 GMT' }, 'http', Date.UTC(2099, 0, 1, 0, 0, 10) - Date.UTC(2099, 0, 1)],
  ])('%i -> %s', async (status, headers, kind, retryAfterMs) => {
    const base = await serve((_req, res) => res.writeHead(status, headers).end('nope'));
    const fetcher = createFetcher(testFetchConfig(), { now: () => Date.UTC(2099, 0, 1) });
    const err = await failure(fetcher.get(`${base}/x`, { accept: 'html' }));
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
    expect(err.retryAfterMs).toBe(retryAfterMs);
    expect(err.message).toContain(`${base}/x`);
  });
});

describe('charsets', () => {
  it('windows-1252 from the Content-Type header', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1252' }).end(iconv.encode('<p>“Café” – 5 €</p>', 'win1252'));
    });
    const result = await createFetcher(testFetchConfig()).get(`${base}/`, { accept: 'html' });
    expect(result).toMatchObject({ charset: 'windows-1252', text: '<p>“Café” – 5 €</p>' });
  });

  it('Shift_JIS from <meta charset>', async () => {
    const html = '<html><head><meta charset="Shift_JIS"><title>ニュース</title></head><body><p>東京で記事</p></body></html>';
    const base = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(iconv.encode(html, 'shift_jis')));
    const result = await createFetcher(testFetchConfig()).get(`${base}/`, { accept: 'html' });
    expect(result.charset).toBe('shift_jis');
    expect(result.text).toBe(html);
  });

  it('Shift_JIS feed from its XML declaration', async () => {
    const xml =
      '<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><item><title>地震速報</title></item></channel></rss>';
    const base = await serve((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(iconv.encode(xml, 'shift_jis')),
    );
    const result = await createFetcher(testFetchConfig()).get(`${base}/feed`, { accept: 'feed' });
    expect(result.text).toBe(xml);
  });

  const bbc = join(import.meta.dirname, '../../../shared/corpus/newssniffer/rss/bbc_uk_politics.xml');
  it.skipIf(!existsSync(bbc))('the real ISO-8859-1 BBC feed served as text/xml without charset', async () => {
    const bytes = readFileSync(bbc);
    const base = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(bytes));
    const result = await createFetcher(testFetchConfig()).get(`${base}/rss.xml`, { accept: 'feed' });
    // Its declaration says ISO-8859-1 (read as windows-1252, as browsers do); the pound signs are &#163; references.
    expect(result.charset).toBe('windows-1252');
    expect(result.text.includes('<title>Tory MP claims &#163;5,000 for gates </title>')).toBe(true);
  });

  it('an ISO-8859-1 feed with raw high bytes, charset only in its XML declaration', async () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item><title>Café à Zürich</title></item></channel></rss>';
    const base = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'application/xml' }).end(iconv.encode(xml, 'latin1')));
    const result = await createFetcher(testFetchConfig()).get(`${base}/feed`, { accept: 'feed' });
    expect(result.text).toBe(xml);
  });
});
