import { describe, expect, it } from 'vitest';
import { FetchError, type FetchErrorKind } from './errors.ts';
import { createFetcher } from './fetcher.ts';
import { testFetchConfig, useTestServer } from './testdata/server.ts';

/** Each failure has a kind that says what went wrong, not a catch-all `http`. */
const serve = useTestServer();
const fetcher = () => createFetcher(testFetchConfig({ totalTimeoutMs: 2_000, connectTimeoutMs: 1_000 }));

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('fetch error kinds', () => {
  it.each<[string, FetchErrorKind]>([
    ['not a url', 'invalid-url'],
    ['ftp://news.example/story', 'invalid-url'],
    ['file:///etc/passwd', 'invalid-url'],
  ])('%s is %s, before any request', async (url, kind) => {
    const err = await failure(fetcher().get(url, { accept: 'html' }));
    expect(err).toMatchObject({ stage: 'fetch', kind, status: null });
  });

  it.each<[string, string, Buffer, FetchErrorKind]>([
    ['an unknown content-encoding', 'zstd-ish', Buffer.from('<html>x</html>'), 'bad-encoding'],
    ['a corrupt gzip body', 'gzip', Buffer.from('this is not gzip at all'), 'bad-encoding'],
  ])('%s is %s', async (_name, encoding, body, kind) => {
    const base = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': encoding }).end(body));
    const err = await failure(fetcher().get(`${base}/page`, { accept: 'html' }));
    expect(err.kind).toBe(kind);
    expect(err.message).toContain(encoding);
  });

  it('an HTML page where a feed was asked for is not-feed; the same page asked as HTML is fine', async () => {
    const base = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.7\n'));
    expect((await failure(fetcher().get(`${base}/rss`, { accept: 'feed' }))).kind).toBe('not-feed');
    expect((await failure(fetcher().get(`${base}/page`, { accept: 'html' }))).kind).toBe('not-html');
  });

  it('binary data served as a feed is not-feed', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const base = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(png));
    expect((await failure(fetcher().get(`${base}/rss`, { accept: 'feed' }))).kind).toBe('not-feed');
  });
});
