import { serve } from '@hono/node-server';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/index.ts';
import { memoryLogger } from '../../src/log/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { startWorker, type TrackerDeps, type Worker } from '../../src/tracker/index.ts';
import { createApp } from '../../src/web/index.ts';
import { localServer, testConfig, type LocalServer } from './helpers.ts';

/**
 * A local WebSub hub, a local news site and Redline (worker + website) in one process, all on
 * 127.0.0.1. Redline discovers the hub in the feed, subscribes with a secret, answers the hub's
 * verification of intent; a signed push makes it poll at once, a push with a bad signature does not.
 */
const article = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  `<p>${title} is reported in some detail here, with enough words in the paragraph to count as an article body for the extractor.</p>` +
  `<p>A second paragraph adds quotes from officials and the background that every proper news story of this kind carries along.</p></article></body></html>`;

let site: LocalServer;
let hub: LocalServer;
let web: { url: string; close(): void };
let store: Store;
let worker: Worker;
let dir: string;
const log = memoryLogger();
const stories = ['first-story'];
const hubState: { callback?: string; topic?: string; secret?: string; verified?: boolean; requests: string[] } = { requests: [] };

const feed = () => `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Pushed news</title>
<link>${site.url}/</link><atom:link rel="hub" href="${hub.url}/hub"/><atom:link rel="self" href="${site.url}/feed.xml"/>
${stories.map((s) => `<item><title>${s}</title><link>${site.url}/news/${s}</link></item>`).join('\n')}</channel></rss>`;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}\n${log.lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function push(signature: (body: string) => string): Promise<{ status: number; at: number }> {
  const body = feed();
  const at = Date.now();
  const res = await fetch(hubState.callback!, {
    method: 'POST',
    headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': signature(body), link: `<${hub.url}/hub>; rel="hub"` },
    body,
  });
  return { status: res.status, at };
}

const checkedAt = async (url: string) => (await store.getArticleByUrl(url))?.lastCheckedAt ?? null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-websub-'));
  site = await localServer((req, res) => {
    if (req.url === '/feed.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed());
    const m = /^\/news\/([\w-]+)$/.exec(req.url ?? '');
    if (m) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(m[1]));
    res.writeHead(404).end();
  });
  hub = await localServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const form = new URLSearchParams(body);
      hubState.requests.push(body);
      if (req.method !== 'POST' || form.get('hub.mode') !== 'subscribe') return res.writeHead(400).end();
      Object.assign(hubState, { callback: form.get('hub.callback')!, topic: form.get('hub.topic')!, secret: form.get('hub.secret')! });
      res.writeHead(202).end();
      // Verification of intent, after accepting the request (as most hubs do).
      const challenge = `challenge-${Math.random().toString(36).slice(2)}`;
      const verify = new URL(hubState.callback!);
      verify.search = new URLSearchParams({
        'hub.mode': 'subscribe',
        'hub.topic': hubState.topic!,
        'hub.challenge': challenge,
        'hub.lease_seconds': '600',
      }).toString();
      const answer = await fetch(verify);
      hubState.verified = answer.status === 200 && (await answer.text()) === challenge;
    });
  });
  const config = testConfig(dir, (c) => {
    c.websub.subscribe = 'always';
    c.worker.idleMs = 100;
    c.schedule.feedMinPeriodSec = 1;
  });
  store = await openStore({ dataDir: dir, databaseUrl: null });
  await store.migrate();
  const app = createApp({ store, config, log });
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    web = {
      get url() {
        return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      },
      close: () => server.close(),
    };
  });
  config.web.baseUrl = web.url;
  await store.upsertSource(
    { key: 'pushed', name: 'Pushed news', feedUrl: `${site.url}/feed.xml`, pollPeriodSec: 1, include: [], exclude: [] },
    Date.now(),
  );
  const deps: TrackerDeps = { config, store, fetcher: createFetcher(config.fetch), log, now: Date.now };
  worker = startWorker(deps);
});

afterAll(async () => {
  await worker?.stop();
  web?.close();
  await site?.close();
  await hub?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('WebSub with a local hub', () => {
  it('subscribes with a secret and answers the verification of intent', async () => {
    await until('the hub to verify', async () => hubState.verified);
    const source = (await store.getSource('pushed'))!;
    expect(hubState.callback).toBe(`${web.url}/websub/${source.id}`);
    expect(hubState.topic).toBe(`${site.url}/feed.xml`);
    expect(hubState.secret).toMatch(/^[0-9a-f]{48}$/);
    const sub = (await store.getWebSub(source.id))!;
    expect(sub).toMatchObject({ state: 'active', hubUrl: `${hub.url}/hub`, secret: hubState.secret });
    expect(sub.leaseUntil! - Date.now()).toBeGreaterThan(590_000);
    await until('the first article to be checked', () => checkedAt(`${site.url}/news/first-story`));
    // Now pushed: the fallback poll is an hour away, so only a push brings the next story in.
    await until('the poll after verification to set the fallback period', async () => {
      const s = (await store.getSource('pushed'))!;
      return s.nextPollAt - Date.now() > 3_000_000;
    });
  });

  it('ignores a push with a bad signature', async () => {
    stories.push('second-story');
    const res = await push((body) => `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`);
    expect(res.status).toBe(202);
    await until('the bad signature to be logged', async () => log.lines.some((l) => / websub_bad_signature /.test(l)));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await store.getArticleByUrl(`${site.url}/news/second-story`)).toBeNull();
    expect((await store.getSource('pushed'))!.nextPollAt - Date.now()).toBeGreaterThan(3_000_000);
  });

  it('a signed push gets the new article checked within 2 s', async () => {
    const res = await push((body) => `sha1=${createHmac('sha1', hubState.secret!).update(body).digest('hex')}`);
    expect(res.status).toBe(202);
    const checked = await until('the pushed article to be checked', () => checkedAt(`${site.url}/news/second-story`), 5_000);
    expect(checked - res.at).toBeLessThan(2_000);
    expect((await store.listVersions((await store.getArticleByUrl(`${site.url}/news/second-story`))!.id)).length).toBe(1);
  });

  it('refuses a push to a callback nobody subscribed, and a challenge for another topic', async () => {
    expect((await fetch(`${web.url}/websub/999`, { method: 'POST', body: 'x' })).status).toBe(410);
    const source = (await store.getSource('pushed'))!;
    const wrong = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.topic': 'https://evil.example/feed', 'hub.challenge': 'x' });
    expect((await fetch(`${web.url}/websub/${source.id}?${wrong}`)).status).toBe(404);
  });
});
