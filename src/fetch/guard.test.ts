import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/index.ts';
import { FetchError } from './errors.ts';
import { createFetcher } from './fetcher.ts';
import { guardedLookup } from './guard.ts';
import { loopbackLookup, startServer, type TestServer } from './testdata/server.ts';

/** Must show (SSRF): with the default config, no form of an internal address is fetched. */
let server: TestServer;
const hits: string[] = [];
beforeAll(async () => {
  server = await startServer((req, res) => {
    hits.push(`${req.headers.host}${req.url}`);
    if (req.url === '/to-loopback') return res.writeHead(302, { Location: `http://127.0.0.1:${server.port}/secret` }).end();
    if (req.url === '/to-localhost') return res.writeHead(301, { Location: `http://localhost:${server.port}/secret` }).end();
    if (req.url === '/to-internal-name') return res.writeHead(307, { Location: `http://intranet.example:${server.port}/secret` }).end();
    if (req.url === '/to-metadata') return res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>internal page</p>');
  });
});
afterAll(() => server.close());

const guarded = () => ({
  ...defaultConfig().fetch,
  respectRobots: false,
  perHostDelayMs: 0,
  connectTimeoutMs: 2_000,
  totalTimeoutMs: 3_000,
});

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('the SSRF guard, on by default', () => {
  it('is on in the default config', () => {
    expect(defaultConfig().fetch.allowPrivateNetworks).toBe(false);
  });

  // Every spelling of an address a hostile feed might use. P is the local test server's port.
  const FORMS = [
    'http://127.0.0.1:P/',
    'http://0.0.0.0:P/',
    'http://0:P/',
    'http://2130706433:P/',
    'http://0x7f000001:P/',
    'http://127.1:P/',
    'http://0177.0.0.1:P/',
    'http://0x7f.0.0.1:P/',
    'http://localhost:P/',
    'http://user:pass@127.0.0.1:P/',
    'https://127.0.0.1:P/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://172.16.0.1/',
    'http://192.168.0.1/',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[::1]:P/',
    'http://[::]:P/',
    'http://[::ffff:127.0.0.1]:P/',
    'http://[0:0:0:0:0:ffff:7f00:1]:P/',
    'http://[::127.0.0.1]:P/',
    'http://[64:ff9b::7f00:1]:P/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:7f00:1::]:P/',
    'http://[fc00::1]/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'http://[fec0::1]/',
    'http://[ff02::1]/',
  ];

  it.each(FORMS)('%s is refused with kind blocked, before any byte is sent', async (form) => {
    const url = form.replace(':P/', `:${server.port}/`);
    const before = hits.length;
    const err = await refusal(createFetcher(guarded()).get(url, { accept: 'html' }));
    expect(err.kind).toBe('blocked');
    expect(err.message).toMatch(
      /refused to connect to .*(loopback|private|link-local|unspecified|carrier-grade|multicast|reserved).* address; set fetch\.allowPrivateNetworks/,
    );
    expect(hits.length).toBe(before);
  });

  it('refuses a name that resolves to loopback (checked at connect time by the socket lookup)', async () => {
    const err = await refusal(
      createFetcher(guarded(), { lookup: loopbackLookup }).get(`http://news.example:${server.port}/story`, { accept: 'html' }),
    );
    expect(err.kind).toBe('blocked');
    expect(err.message).toContain('news.example (127.0.0.1): loopback');
    expect(hits).not.toContain(`news.example:${server.port}/story`);
  });

  it('refuses a name with any non-public answer among public ones', async () => {
    const mixed: LookupFunction = (_host, _opts, cb) =>
      (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ]);
    const err = await refusal(createFetcher(guarded(), { lookup: mixed }).get('http://two-faced.example/', { accept: 'feed' }));
    expect(err).toMatchObject({ kind: 'blocked' });
    expect(err.message).toContain('10.0.0.7');
  });

  it.each(['/to-loopback', '/to-localhost', '/to-internal-name', '/to-metadata'])(
    'a redirect from a permitted host to an internal address is refused (%s)',
    async (path) => {
      // news.example is let through (allowPrivateHosts) to stand for a public site; its redirect is judged afresh.
      const config = { ...guarded(), allowPrivateHosts: ['news.example'] };
      const fetcher = createFetcher(config, { lookup: loopbackLookup });
      const err = await refusal(fetcher.get(`http://news.example:${server.port}${path}`, { accept: 'html' }));
      expect(err.kind).toBe('blocked');
      expect(hits).toContain(`news.example:${server.port}${path}`);
      expect(hits.filter((h) => h.endsWith('/secret'))).toEqual([]);
    },
  );

  it('allowPrivateNetworks: true turns it off (the demo, tests, intranets)', async () => {
    const result = await createFetcher({ ...guarded(), allowPrivateNetworks: true }).get(`http://2130706433:${server.port}/ok`, {
      accept: 'html',
    });
    expect(result.text).toBe('<p>internal page</p>');
  });
});

describe('guardedLookup', () => {
  it('hands the socket exactly the addresses it checked, one resolution per connection (no rebinding window)', async () => {
    const answers = ['93.184.216.34', '127.0.0.1'];
    let calls = 0;
    const rebinding: LookupFunction = (_host, _opts, cb) => (cb as (e: null, a: string, f: number) => void)(null, answers[calls++], 4);
    const lookup = guardedLookup(rebinding);
    const ask = (all: boolean) =>
      new Promise<{ err: Error | null; address: unknown }>((resolve) =>
        lookup('rebind.example', { all }, (err, address) => resolve({ err, address })),
      );
    expect(await ask(false)).toEqual({ err: null, address: '93.184.216.34' });
    const second = await ask(true);
    expect(second.err).toBeInstanceOf(FetchError);
    expect((second.err as FetchError).kind).toBe('blocked');
    expect(calls).toBe(2);
  });

  it('passes resolver errors through', async () => {
    const nxdomain: LookupFunction = (host, _opts, cb) =>
      (cb as (e: Error) => void)(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
    const err = await refusal(createFetcher(guarded(), { lookup: nxdomain }).get('http://nowhere.example/', { accept: 'html' }));
    expect(err.kind).toBe('dns');
  });
});
