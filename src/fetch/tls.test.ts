import https from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from './errors.ts';
import { createFetcher } from './fetcher.ts';
import { testFetchConfig } from './testdata/server.ts';

/** A throwaway self-signed certificate for 127.0.0.1 (testdata/, test use only). */
const tls = {
  key: readFileSync(join(import.meta.dirname, 'testdata', 'self-signed-key.pem')),
  cert: readFileSync(join(import.meta.dirname, 'testdata', 'self-signed-cert.pem')),
};

describe('https', () => {
  let server: https.Server | null = null;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = null;
  });

  it('an untrusted certificate is a tls error', async () => {
    server = https.createServer(tls, (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>x</p>'));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const err = await createFetcher(testFetchConfig())
      .get(`https://127.0.0.1:${port}/`, { accept: 'html' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ kind: 'tls' });
    expect((err as Error).message).toContain(`https://127.0.0.1:${port}/`);
  });
});
