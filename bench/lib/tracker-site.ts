/**
 * A simulated news site on loopback for the tracker benchmark and the scale test: N articles
 * spread over one or more loopback hosts (127.0.0.1, 127.0.0.2, ...), a feed listing them all,
 * robots.txt, and a share of articles edited on demand. It counts what Redline does to it:
 * requests per article, who asked (User-Agent), and concurrent in-flight requests per host.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { pageBytes, renderPage, rng, story } from './tracker-prose.ts';

export interface SiteOptions {
  articles: number;
  /** Loopback addresses to serve on; article i lives on hosts[i % hosts.length]. */
  hosts?: string[];
  minKb?: number;
  maxKb?: number;
  /** Answer with gzip when asked, as news sites do. */
  gzip?: boolean;
  /** Added latency per article response, to make concurrency observable. */
  delayMs?: number;
  /** Keep one log entry per article request (the scale test needs it; the benchmark does not). */
  keepLog?: boolean;
  /** Items in the feed: the newest articles, as a real feed lists (default 50). */
  feedItems?: number;
  /** Send ETag and Last-Modified and answer a matching If-None-Match / If-Modified-Since with 304 (default: neither). */
  validators?: boolean;
  /**
   * Share of articles whose bytes differ on every request while their text does not (a served-at
   * comment, as pages with per-request tokens, timestamps or ad slots have); they never answer 304.
   */
  volatileShare?: number;
}

export interface RequestRecord {
  article: number;
  /** The revision of the article that was served. */
  revision: number;
  userAgent: string;
  start: number;
  end: number;
}

export interface SiteStats {
  articleRequests: number;
  otherRequests: number;
  bytesSent: number;
  maxInFlightByHost: Record<string, number>;
  perArticle: number[];
}

export interface Site {
  feedUrl: string;
  urls: string[];
  /** `host:port` of each served address. */
  hosts: string[];
  revisions: number[];
  log: RequestRecord[];
  /** Edits round(share * N) articles chosen at random; returns their ids. */
  advance(share: number, seed: number): number[];
  stats(): SiteStats;
  /** Article requests being answered right now, per User-Agent. */
  inFlightByAgent(): Record<string, number>;
  close(): Promise<void>;
}

interface Cached {
  html: Buffer;
  gz: Buffer | null;
}

export async function startSite(opts: SiteOptions): Promise<Site> {
  const hostAddrs = opts.hosts ?? ['127.0.0.1'];
  const n = opts.articles;
  const revisions = new Array<number>(n).fill(0);
  const cache = new Map<number, Cached>();
  const perArticle = new Array<number>(n).fill(0);
  const inFlight: Record<string, number> = {};
  const inFlightByAgent: Record<string, number> = {};
  const maxInFlight: Record<string, number> = {};
  const log: RequestRecord[] = [];
  const counters = { other: 0, bytes: 0 };
  const servers: Server[] = [];
  const hosts: string[] = [];

  const page = (id: number): Cached => {
    let c = cache.get(id);
    if (!c) {
      const html = Buffer.from(renderPage(story(id, revisions[id]), id * 7 + revisions[id], pageBytes(id, opts.minKb, opts.maxKb)));
      c = { html, gz: opts.gzip === false ? null : gzipSync(html, { level: 6 }) };
      cache.set(id, c);
    }
    return c;
  };

  // Spread evenly over the ids whatever the share (Knuth's multiplicative hash).
  const volatile = (id: number) => ((id * 2654435761) % 2 ** 32) / 2 ** 32 < (opts.volatileShare ?? 0);
  let served = 0;
  const stamp = (html: Buffer) => Buffer.concat([html, Buffer.from(`<!-- served ${++served} at ${Date.now()} -->\n`)]);
  const lastModifiedOf = (id: number) => new Date(Date.UTC(2026, 0, 1) + revisions[id] * 3_600_000 + id * 1000).toUTCString();

  const urlOf = (id: number) => `http://${hosts[id % hosts.length]}/news/article-${id}.html`;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host ?? '?';
    const m = /^\/news\/article-(\d+)\.html$/.exec(req.url ?? '');
    const id = m ? Number(m[1]) : -1;
    if (!(id >= 0 && id < n) || hosts[id % hosts.length] !== host) return serveOther(req, res);
    const agent = String(req.headers['user-agent'] ?? '');
    inFlight[host] = (inFlight[host] ?? 0) + 1;
    inFlightByAgent[agent] = (inFlightByAgent[agent] ?? 0) + 1;
    maxInFlight[host] = Math.max(maxInFlight[host] ?? 0, inFlight[host]);
    perArticle[id]++;
    const start = Date.now();
    const finish = () => {
      const revision = revisions[id];
      const c = page(id);
      const gz = c.gz && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const fresh = volatile(id);
      const etag = `"${id}-${revision}${fresh ? `-${served + 1}` : ''}"`;
      const lastModified = lastModifiedOf(id);
      const validators = opts.validators ? { etag, 'last-modified': lastModified } : {};
      const match =
        req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified);
      if (opts.validators && !fresh && match) {
        res.writeHead(304, { 'cache-control': 'no-cache', ...validators }).end();
      } else {
        const html = fresh ? stamp(c.html) : c.html;
        const body = gz ? (fresh ? gzipSync(html, { level: 6 }) : c.gz!) : html;
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': body.length,
          'cache-control': 'no-cache',
          ...validators,
          ...(gz ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        });
        counters.bytes += body.length;
        res.end(body);
      }
      inFlight[host]--;
      inFlightByAgent[agent]--;
      if (opts.keepLog) log.push({ article: id, revision, userAgent: agent, start, end: Date.now() });
    };
    if (opts.delayMs) setTimeout(finish, opts.delayMs);
    else finish();
  };

  const serveOther = (req: IncomingMessage, res: ServerResponse) => {
    counters.other++;
    if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (req.url === '/feed.xml') {
      const first = Math.max(0, n - (opts.feedItems ?? 50));
      const items = urlsNow()
        .slice(first)
        .map((u, i) => `<item><title>Story ${first + i}</title><link>${u}</link><guid>${u}</guid></item>`);
      const xml = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Bench Times</title><link>http://${hosts[0]}/</link><description>bench</description>${items.join('')}</channel></rss>`;
      return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(xml);
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };
  const urlsNow = () => Array.from({ length: n }, (_, i) => urlOf(i));

  for (const addr of hostAddrs) {
    const server = createServer(handle);
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((ok) => server.listen(0, addr, ok));
    servers.push(server);
    hosts.push(`${addr}:${(server.address() as AddressInfo).port}`);
  }

  return {
    feedUrl: `http://${hosts[0]}/feed.xml`,
    urls: urlsNow(),
    hosts,
    revisions,
    log,
    advance(share, seed) {
      const r = rng(seed);
      const ids = new Set<number>();
      const want = Math.min(n, Math.round(share * n));
      while (ids.size < want) ids.add(Math.floor(r() * n));
      for (const id of ids) {
        revisions[id]++;
        cache.delete(id);
      }
      return [...ids];
    },
    stats: () => ({
      articleRequests: perArticle.reduce((a, b) => a + b, 0),
      otherRequests: counters.other,
      bytesSent: counters.bytes,
      maxInFlightByHost: { ...maxInFlight },
      perArticle: [...perArticle],
    }),
    inFlightByAgent: () => ({ ...inFlightByAgent }),
    close: async () => {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
    },
  };
}
