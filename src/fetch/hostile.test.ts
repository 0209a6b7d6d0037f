import type http from 'node:http';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from './errors.ts';
import { createFetcher } from './fetcher.ts';
import { startServer, testFetchConfig, useTestServer } from './testdata/server.ts';

/** Must-show 6: each hostile input ends in a named FetchError, quickly, and the fetcher stays usable. */
const serve = useTestServer();

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return (err as FetchError).kind;
  }
}

const MB = 1024 * 1024;
const config = testFetchConfig({ maxBodyBytes: MB, totalTimeoutMs: 1_000, connectTimeoutMs: 500 });

/** Streams `total` bytes of HTML in 64 KB chunks, counting what the socket accepted before the client hung up. */
function bigPage(total: number, declareLength: boolean, sent: { bytes: number }, type = 'text/html'): http.RequestListener {
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': type, ...(declareLength ? { 'Content-Length': String(total) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (sent.bytes < total && !res.destroyed) {
        sent.bytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (sent.bytes >= total) res.end();
    };
    pump();
  };
}

describe('hostile inputs', () => {
  it('a 50 MB page announced by Content-Length is refused before reading', async () => {
    const sent = { bytes: 0 };
    const base = await serve(bigPage(50 * MB, true, sent));
    expect(await kindOf(createFetcher(config).get(`${base}/huge`, { accept: 'html' }))).toBe('too-large');
    expect(sent.bytes).toBeLessThan(50 * MB);
  });

  it('a 50 MB page without Content-Length is cut off after the limit', async () => {
    const sent = { bytes: 0 };
    const base = await serve(bigPage(50 * MB, false, sent));
    expect(await kindOf(createFetcher(config).get(`${base}/huge`, { accept: 'html' }))).toBe('too-large');
    expect(sent.bytes).toBeLessThan(50 * MB);
  });

  let bomb: Buffer;
  beforeAll(() => {
    // 64 MB of zeros gzip to ~64 KB: well under the 1 MB limit compressed, 64 times over it inflated.
    bomb = zlib.gzipSync(Buffer.alloc(64 * MB), { level: 9 });
  });

  it.each(['gzip', 'br'])('a %s bomb is stopped on its decompressed size', async (encoding) => {
    const body =
      encoding === 'gzip' ? bomb : zlib.brotliCompressSync(Buffer.alloc(64 * MB), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
    expect(body.length).toBeLessThan(MB);
    const base = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': encoding }).end(body));
    const err = createFetcher(config).get(`${base}/bomb`, { accept: 'html' });
    await expect(err).rejects.toThrow(/decompressed/);
    expect(await kindOf(err)).toBe('too-large');
  });

  it('a redirect loop', async () => {
    const base = await serve((req, res) => res.writeHead(302, { Location: req.url === '/a' ? '/b' : '/a' }).end());
    const err = createFetcher(config).get(`${base}/a`, { accept: 'html' });
    await expect(err).rejects.toThrow(/loop/);
    expect(await kindOf(err)).toBe('redirects');
  });

  it('an endless redirect chain stops at maxRedirects', async () => {
    let hits = 0;
    const base = await serve((req, res) => {
      hits++;
      res.writeHead(301, { Location: `/r${Number(req.url!.slice(2) || 0) + 1}` }).end();
    });
    expect(await kindOf(createFetcher({ ...config, maxRedirects: 3 }).get(`${base}/r0`, { accept: 'html' }))).toBe('redirects');
    expect(hits).toBe(4);
  });

  it('a server that never finishes the response', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><body><p>and then nothing');
    });
    const err = createFetcher(config).get(`${base}/stall`, { accept: 'html' });
    await expect(err).rejects.toThrow(/no complete response within 1000 ms/);
    expect(await kindOf(err)).toBe('timeout');
  });

  it('a server that trickles bytes forever', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      const timer = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(timer));
    });
    expect(await kindOf(createFetcher(config).get(`${base}/drip`, { accept: 'html' }))).toBe('timeout');
  });

  it('a server that never sends headers', async () => {
    const base = await serve(() => {});
    expect(await kindOf(createFetcher(config).get(`${base}/silent`, { accept: 'html' }))).toBe('timeout');
  });

  it.each([
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
    ['NUL bytes', Buffer.concat([Buffer.from('<html>'), Buffer.alloc(32), Buffer.from('</html>')])],
  ])('a binary (%s) served as text/html', async (_name, body) => {
    const base = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(body));
    expect(await kindOf(createFetcher(config).get(`${base}/bin`, { accept: 'html' }))).toBe('not-html');
  });

  it('a declared non-HTML type is refused before its body is read', async () => {
    const sent = { bytes: 0 };
    const base = await serve(bigPage(50 * MB, false, sent, 'video/mp4'));
    expect(await kindOf(createFetcher(config).get(`${base}/video`, { accept: 'html' }))).toBe('not-html');
    expect(sent.bytes).toBeLessThan(50 * MB);
  });

  it('a slow connect (DNS that never answers) hits the connect timeout', async () => {
    const hang: LookupFunction = () => {};
    const fetcher = createFetcher(config, { lookup: hang });
    const err = fetcher.get('http://slow.test/', { accept: 'html' });
    await expect(err).rejects.toThrow(/could not connect within 500 ms/);
    expect(await kindOf(err)).toBe('timeout');
  });

  it('DNS failure and refused connection are named', async () => {
    const nxdomain: LookupFunction = (hostname, _opts, cb) =>
      (cb as (e: Error) => void)(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    expect(await kindOf(createFetcher(config, { lookup: nxdomain }).get('http://nowhere.test/', { accept: 'html' }))).toBe('dns');
    const closed = await startServer(() => {});
    await closed.close();
    expect(await kindOf(createFetcher(config).get(`${closed.url}/`, { accept: 'html' }))).toBe('connect');
  });

  it('an abort signal stops a request in flight', async () => {
    const base = await serve(() => {});
    const controller = new AbortController();
    const pending = createFetcher(config).get(`${base}/wait`, { accept: 'html', signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await kindOf(pending)).toBe('aborted');
  });

  it('the fetcher keeps working after hostile responses', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/bad') return res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' }).end(bomb);
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>fine</p>');
    });
    const fetcher = createFetcher({ ...config, perHostConcurrency: 1 });
    expect(await kindOf(fetcher.get(`${base}/bad`, { accept: 'html' }))).toBe('too-large');
    expect((await fetcher.get(`${base}/good`, { accept: 'html' })).text).toBe('<p>fine</p>');
  });
});
