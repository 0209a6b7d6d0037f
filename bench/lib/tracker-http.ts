/**
 * HTTP client cost for bench:tracker (issue 14, item 10): the same article pages fetched by
 * Redline's fetcher (node:http with a keep-alive agent, plus robots, per-host limits, size limits,
 * gzip and charset decoding), by bare node:http and by undici's Pool (both with the same gunzip).
 * Reports CPU ms per GET in this process and wall time, with 16 requests in flight, against the
 * simulated site in its own process (best of two alternating passes).
 */
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { Pool } from 'undici';
import { defaultConfig } from '../../src/config/index.ts';
import { createFetcher } from '../../src/fetch/index.ts';

export interface ClientTiming {
  client: string;
  gets: number;
  cpuMsPerGet: number;
  wallMs: number;
}

type Get = (url: string) => Promise<number>;

async function measure(client: string, urls: string[], rounds: number, inFlight: number, get: Get): Promise<ClientTiming> {
  await Promise.all(urls.slice(0, inFlight).map(get)); // connections open, code warm
  const list = Array.from({ length: rounds }, () => urls).flat();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < list.length) bytes += await get(list[next++]);
    }),
  );
  const used = process.cpuUsage(cpu);
  if (bytes === 0) throw new Error(`${client}: no bytes fetched`);
  return { client, gets: list.length, cpuMsPerGet: (used.user + used.system) / 1000 / list.length, wallMs: performance.now() - started };
}

function gunzipped(body: Buffer, encoding: string | undefined): number {
  return (encoding === 'gzip' ? gunzipSync(body) : body).byteLength;
}

export async function httpClientTimings(urls: string[], rounds = 3, inFlight = 16): Promise<ClientTiming[]> {
  const config = defaultConfig().fetch;
  const fetcher = createFetcher({
    ...config,
    perHostConcurrency: 256,
    perHostDelayMs: 0,
    globalConcurrency: inFlight,
    respectRobots: true,
    allowPrivateNetworks: true,
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const headers = { 'user-agent': config.userAgent, 'accept-encoding': 'gzip', accept: 'text/html' };
  const bareHttp: Get = (url) =>
    new Promise((resolve, reject) => {
      http
        .get(url, { agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(gunzipped(Buffer.concat(chunks), res.headers['content-encoding'])));
          res.on('error', reject);
        })
        .on('error', reject);
    });
  const origin = new URL(urls[0]).origin;
  const pool = new Pool(origin, { connections: inFlight, pipelining: 1 });
  const undiciGet: Get = async (url) => {
    const u = new URL(url);
    const res = await pool.request({ path: u.pathname + u.search, method: 'GET', headers });
    const body = Buffer.from(await res.body.arrayBuffer());
    const encoding = res.headers['content-encoding'];
    return gunzipped(body, Array.isArray(encoding) ? encoding[0] : encoding);
  };
  const clients: [string, Get][] = [
    [
      'Redline fetcher (node:http + robots, limits, gzip, charset)',
      async (u) => (await fetcher.get(u, { accept: 'html' })).body.byteLength,
    ],
    ['bare node:http, keep-alive agent + gunzip', bareHttp],
    ['undici 7 Pool + gunzip', undiciGet],
  ];
  // Two alternating passes, the lower CPU of each kept: the first pass of the first client also warms the JIT.
  const best = new Map<string, ClientTiming>();
  for (let pass = 0; pass < 2; pass++) {
    for (const [name, get] of clients) {
      const t = await measure(name, urls, rounds, inFlight, get);
      const seen = best.get(name);
      if (!seen || t.cpuMsPerGet < seen.cpuMsPerGet) best.set(name, t);
    }
  }
  const results = [...best.values()];
  agent.destroy();
  await pool.close();
  return results;
}
