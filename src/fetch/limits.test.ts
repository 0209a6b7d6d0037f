import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetcher } from './fetcher.ts';
import { HostLimiter } from './limiter.ts';
import { loopbackLookup, startServer, testFetchConfig, type TestServer } from './testdata/server.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A server that holds each request for `holdMs` and records the peak number in flight, overall and per Host header. */
async function countingServer(holdMs: number) {
  const state = { inFlight: 0, peak: 0, perHost: new Map<string, number>(), peakPerHost: new Map<string, number>() };
  const handler: http.RequestListener = (req, res) => {
    const host = req.headers.host ?? '';
    state.inFlight++;
    state.peak = Math.max(state.peak, state.inFlight);
    const n = (state.perHost.get(host) ?? 0) + 1;
    state.perHost.set(host, n);
    state.peakPerHost.set(host, Math.max(state.peakPerHost.get(host) ?? 0, n));
    setTimeout(() => {
      state.inFlight--;
      state.perHost.set(host, state.perHost.get(host)! - 1);
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>ok</p>');
    }, holdMs);
  };
  server = await startServer(handler);
  return { state, port: server.port };
}

describe('concurrency limits', () => {
  it('never has more than perHostConcurrency requests in flight to one host', async () => {
    const { state, port } = await countingServer(60);
    const fetcher = createFetcher(testFetchConfig({ perHostConcurrency: 2 }));
    const urls = Array.from({ length: 8 }, (_, i) => `http://127.0.0.1:${port}/a${i}`);
    const results = await Promise.all(urls.map((u) => fetcher.get(u, { accept: 'html' })));
    expect(results.map((r) => r.url)).toEqual(urls);
    expect(state.peak).toBe(2);
  });

  it('the global limit caps requests across hosts', async () => {
    const { state, port } = await countingServer(60);
    const fetcher = createFetcher(testFetchConfig({ perHostConcurrency: 2, globalConcurrency: 3 }), { lookup: loopbackLookup });
    const urls = ['a', 'b', 'c'].flatMap((h) => Array.from({ length: 4 }, (_, i) => `http://${h}.test:${port}/${i}`));
    await Promise.all(urls.map((u) => fetcher.get(u, { accept: 'html' })));
    expect(state.peak).toBe(3);
    for (const peak of state.peakPerHost.values()) expect(peak).toBeLessThanOrEqual(2);
  });
});

describe('HostLimiter delay', () => {
  it('spaces request starts to one host by delayMs, other hosts unaffected', async () => {
    let clock = 1_000_000;
    const slept: number[] = [];
    const limiter = new HostLimiter({
      perHost: 2,
      delayMs: 1_000,
      now: () => clock,
      sleep: async (ms) => {
        slept.push(ms);
        clock += ms;
      },
    });
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const release = await limiter.acquire('a.test');
      starts.push(clock);
      release();
      clock += 100; // the request took 100 ms
    }
    // Each later start waited out the rest of the 1000 ms spacing after the previous start.
    expect(slept).toEqual([900, 900]);
    expect(starts).toEqual([1_000_000, 1_001_000, 1_002_000]);
    const other = await limiter.acquire('b.test');
    other();
    expect(slept).toHaveLength(2);
  });

  it('perHostDelayMs is applied by the fetcher between requests to one host', async () => {
    const { port } = await countingServer(0);
    const slept: number[] = [];
    const fetcher = createFetcher(testFetchConfig({ perHostDelayMs: 5_000 }), {
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    for (let i = 0; i < 3; i++) await fetcher.get(`http://127.0.0.1:${port}/${i}`, { accept: 'html' });
    expect(slept).toHaveLength(2);
    for (const ms of slept) expect(ms).toBeGreaterThan(4_000);
  });
});
