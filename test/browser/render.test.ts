/**
 * Must-show: a local site whose article text is written by JavaScript. With render: "chromium"
 * the text is extracted; without it the check says "empty". Third-party scripts and robots.txt are
 * respected. Skips without /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/index.ts';
import { createFetcher, createRenderer, type Renderer } from '../../src/fetch/index.ts';
import { memoryLogger } from '../../src/log/index.ts';
import type { Source } from '../../src/model/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { checkArticle, type TrackerDeps } from '../../src/tracker/index.ts';
import { localServer, type LocalServer } from '../e2e/helpers.ts';

const CHROMIUM = '/usr/bin/chromium';

const SHELL = (thirdParty: string) => `<!doctype html><html><head><title>Loading...</title>
<script src="/app.js"></script><script src="${thirdParty}/tracker.js"></script></head>
<body><div id="root"><p class="spinner">Loading</p></div></body></html>`;

// The article arrives as JSON, fetched by the page's own script: a typical single-page news app.
const APP_JS = `fetch('/api/story.json').then((r) => r.json()).then((story) => {
  document.title = story.title;
  const root = document.getElementById('root');
  root.innerHTML = '<article><h1></h1></article>';
  root.querySelector('h1').textContent = story.title;
  for (const text of story.paragraphs) { const p = document.createElement('p'); p.textContent = text; root.firstChild.appendChild(p); }
});`;
const STORY = {
  title: 'Harbour bridge reopens after repairs',
  paragraphs: [
    'The harbour bridge reopened to traffic on Monday morning after six weeks of repairs to its steel deck and cables.',
    'Engineers said the work had finished two days ahead of schedule, despite storms that stopped crews for most of a week.',
    'Commuters who had faced long detours through the city centre welcomed the reopening, though some lanes stay closed at night.',
  ],
};
// Served by "another site": if Chromium ran it, the headline would be replaced.
const TRACKER_JS = `document.addEventListener('DOMContentLoaded', () => { setTimeout(() => { const h = document.querySelector('h1'); if (h) h.textContent = 'TRACKED BY A THIRD PARTY'; }, 200); });`;

describe.skipIf(!existsSync(CHROMIUM))('render: "chromium" for pages written by JavaScript', () => {
  let site: LocalServer;
  let store: Store;
  let renderer: Renderer;
  let deps: TrackerDeps;
  let dir: string;
  const requests: string[] = [];
  const sources: Record<string, Source> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-render-'));
    site = await localServer((req, res) => {
      requests.push(`${req.headers.host} ${req.url}`);
      const host = req.headers.host ?? '';
      if (req.url === '/robots.txt')
        return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      if (req.url === '/tracker.js') return res.writeHead(200, { 'content-type': 'application/javascript' }).end(TRACKER_JS);
      if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'application/javascript' }).end(APP_JS);
      if (req.url === '/api/story.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(STORY));
      if (req.url?.startsWith('/news/') || req.url?.startsWith('/private/')) {
        // The third party is the same server under another name: a different site for the browser.
        const other = `http://localhost:${host.split(':')[1]}`;
        return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SHELL(other));
      }
      res.writeHead(404).end();
    });
    const config = defaultConfig();
    config.dataDir = dir;
    config.fetch.perHostDelayMs = 0;
    config.fetch.totalTimeoutMs = 15_000;
    // The site is on 127.0.0.1, which the SSRF guard refuses by default.
    config.fetch.allowPrivateNetworks = true;
    store = await openStore({ dataDir: dir, databaseUrl: null });
    await store.migrate();
    const fetcher = createFetcher(config.fetch);
    renderer = createRenderer(fetcher, config.render, config.fetch);
    deps = { config, store, fetcher, renderer, log: memoryLogger(), now: Date.now };
    for (const render of ['http', 'chromium'] as const) {
      sources[render] = await store.upsertSource(
        { key: render, name: render, feedUrl: `${site.url}/feed-${render}`, pollPeriodSec: 300, include: [], exclude: [], render },
        Date.now(),
      );
    }
  });

  afterAll(async () => {
    await renderer?.close();
    await store?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const check = async (render: 'http' | 'chromium', path: string) => {
    const url = `${site.url}${path}`;
    const { article } = await store.upsertArticle({
      sourceId: sources[render].id,
      url,
      host: new URL(url).host,
      feedTitle: null,
      feedPublishedAt: null,
      now: Date.now(),
      checkPeriodSec: 300,
    });
    return checkArticle(deps, article);
  };

  it('without rendering, the check says the page is empty', async () => {
    const outcome = await check('http', '/news/bridge-plain');
    expect(outcome).toMatchObject({ status: 'error', error: { stage: 'extract', kind: 'empty' } });
  });

  it('with render: "chromium" the text written by the script is extracted; the third-party script never loads', async () => {
    requests.length = 0;
    const outcome = await check('chromium', '/news/bridge-rendered');
    expect(outcome).toMatchObject({ status: 'new_version', versionNumber: 1 });
    const [version] = await store.listVersions(outcome.articleId);
    expect(version.title).toBe(STORY.title);
    expect(version.paragraphs).toEqual(STORY.paragraphs);
    // Everything the page asked for came through the fetcher; the third party was refused before any request.
    expect(requests.filter((r) => r.endsWith('/tracker.js'))).toEqual([]);
    expect(requests.some((r) => r.endsWith('/app.js'))).toBe(true);
    expect(requests.some((r) => r.endsWith('/api/story.json'))).toBe(true);
  });

  it('keeps robots.txt: a disallowed page is never rendered', async () => {
    const outcome = await check('chromium', '/private/secret');
    expect(outcome).toMatchObject({ status: 'error', error: { stage: 'fetch', kind: 'robots' } });
  });
});
