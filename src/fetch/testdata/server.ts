import http from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterEach } from 'vitest';
import { defaultConfig, type FetchConfig } from '../../config/index.ts';

/** Test helpers: a throwaway HTTP server on 127.0.0.1 and a fetch config with short limits that may fetch from it. */
export interface TestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One server per test, closed after each: `const serve = useTestServer(); const url = await serve(handler);` */
export function useTestServer(): (handler: http.RequestListener) => Promise<string> {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  return async (handler) => {
    server = await startServer(handler);
    return server.url;
  };
}

export function testFetchConfig(overrides: Partial<FetchConfig> = {}): FetchConfig {
  return {
    ...defaultConfig().fetch,
    connectTimeoutMs: 2_000,
    totalTimeoutMs: 5_000,
    maxBodyBytes: 1024 * 1024,
    perHostDelayMs: 0,
    respectRobots: false,
    // The test servers live on 127.0.0.1, which the SSRF guard refuses by default (guard.test.ts).
    allowPrivateNetworks: true,
    ...overrides,
  };
}

/** Resolves every host name to 127.0.0.1, so tests can use several "hosts" on one local server. */
export const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  const cb = callback as (err: Error | null, address: unknown, family?: number) => void;
  if ((options as { all?: boolean }).all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
  else cb(null, '127.0.0.1', 4);
};
