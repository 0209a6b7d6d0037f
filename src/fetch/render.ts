import type { Browser, BrowserContext, Route } from 'playwright-core';
import type { FetchConfig, RenderConfig } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import { FetchError } from './errors.ts';
import { Semaphore } from './limiter.ts';
import type { Fetcher, FetchResult, GetOptions } from './types.ts';

/** Debian's chromium in a container: no sandbox (no user namespaces), no GPU, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--mute-audio',
];

/** What a page needs to write its text; pictures, fonts, styles and media never change the text we extract. */
const ALLOWED_TYPES = new Set(['document', 'script', 'xhr', 'fetch']);
/** After the load event, scripts that fetch the text get this long to go quiet. */
const SETTLE_MS = 1_500;

export interface Renderer {
  /** The page after its scripts ran: `text` is the rendered DOM as HTML. Same errors as fetcher.get. */
  render(url: string, options?: Omit<GetOptions, 'accept'>): Promise<FetchResult>;
  /** Closes the browser (it is started again on the next render). */
  close(): Promise<void>;
}

/** news.example.co.uk and www.example.co.uk are one site; an IP address is its own site. */
function siteOf(host: string): string {
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host;
  const labels = host.toLowerCase().split('.');
  const n = labels.length > 2 && labels[labels.length - 2].length <= 3 ? 3 : 2;
  return labels.slice(-n).join('.');
}

/**
 * Headless Chromium (through playwright-core, /usr/bin/chromium: nothing is downloaded) for pages
 * whose article text is written by JavaScript. Every request the page makes goes through the
 * polite fetcher (robots.txt, per-host limits, timeouts, size limits, and whatever guard the
 * fetcher applies): Chromium itself never touches the network. Third-party requests, pictures,
 * fonts, styles and media are refused, and so is anything past render.maxRequests. One browser
 * process serves at most render.maxPages pages at once, each in its own context, and is closed
 * after render.idleCloseMs without work.
 */
export function createRenderer(fetcher: Fetcher, config: RenderConfig, fetchConfig: FetchConfig, log?: Logger): Renderer {
  const slots = new Semaphore(config.maxPages);
  let browser: Promise<Browser> | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let active = 0;

  const launch = async (): Promise<Browser> => {
    const { chromium } = await import('playwright-core');
    try {
      return await chromium.launch({
        executablePath: config.chromiumPath,
        args: CHROMIUM_ARGS,
        headless: true,
        timeout: fetchConfig.totalTimeoutMs,
      });
    } catch (err) {
      browser = null;
      throw new FetchError('render', `cannot start Chromium at ${config.chromiumPath}: ${(err as Error).message.split('\n')[0]}`, {
        cause: err,
      });
    }
  };

  const close = async () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const b = browser;
    browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  };

  async function render(url: string, options: Omit<GetOptions, 'accept'> = {}): Promise<FetchResult> {
    // The rendered DOM can change while the HTML does not (scripts, XHR): the main document is always read.
    const { knownBody: _known, ...rest } = options;
    const main = await fetcher.get(url, { ...rest, accept: 'html' });
    if (main.notModified) return main;
    const release = await slots.acquire(options.signal, url);
    active++;
    if (idleTimer) clearTimeout(idleTimer);
    let context: BrowserContext | null = null;
    try {
      browser ??= launch();
      context = await (
        await browser
      ).newContext({ userAgent: fetchConfig.userAgent, acceptDownloads: false, serviceWorkers: 'block', javaScriptEnabled: true });
      const stats = { fetched: 0, refused: 0 };
      await context.route('**/*', (route) => serve(route, main, stats));
      const page = await context.newPage();
      page.setDefaultTimeout(fetchConfig.totalTimeoutMs);
      const started = Date.now();
      await withTimeout(page.goto(main.url, { waitUntil: 'load' }), fetchConfig.totalTimeoutMs, url);
      const left = fetchConfig.totalTimeoutMs - (Date.now() - started);
      await page.waitForLoadState('networkidle', { timeout: Math.max(0, Math.min(SETTLE_MS, left)) }).catch(() => undefined);
      const html = await page.content();
      const body = new TextEncoder().encode(html);
      if (body.byteLength > fetchConfig.maxBodyBytes) {
        throw new FetchError('too-large', `${url}: rendered page of ${body.byteLength} bytes exceeds ${fetchConfig.maxBodyBytes}`);
      }
      log?.info('render', { url, ms: Date.now() - started, requests: stats.fetched, refused: stats.refused });
      return { ...main, bodyDigest: undefined, bodyGzip: undefined, body, text: html, charset: 'utf-8', rendered: true };
    } catch (err) {
      if (err instanceof FetchError) throw err;
      const message = (err as Error).message.split('\n')[0];
      throw new FetchError(/timeout/i.test(message) ? 'timeout' : 'render', `${url}: rendering failed: ${message}`, { cause: err });
    } finally {
      await context?.close().catch(() => undefined);
      active--;
      release();
      if (active === 0) idleTimer = setTimeout(() => void close(), config.idleCloseMs).unref();
    }
  }

  /** Answers one request of the page: the main document from the fetch already made, the rest through the fetcher, or refused. */
  async function serve(route: Route, main: FetchResult, stats: { fetched: number; refused: number }): Promise<void> {
    const req = route.request();
    const target = req.url();
    if (req.isNavigationRequest() && req.frame().parentFrame() === null && target === main.url) {
      return route.fulfill({
        status: 200,
        body: Buffer.from(main.body),
        headers: { 'content-type': main.headers['content-type'] ?? 'text/html' },
      });
    }
    let host: string;
    try {
      host = new URL(target).hostname;
    } catch {
      return route.abort('blockedbyclient');
    }
    const firstParty = siteOf(host) === siteOf(new URL(main.url).hostname);
    if (!firstParty || req.method() !== 'GET' || !ALLOWED_TYPES.has(req.resourceType()) || stats.fetched >= config.maxRequests) {
      stats.refused++;
      return route.abort('blockedbyclient');
    }
    stats.fetched++;
    try {
      const res = await fetcher.get(target, { accept: 'any' });
      await route.fulfill({
        status: res.status,
        body: Buffer.from(res.body),
        headers: { 'content-type': res.headers['content-type'] ?? 'application/octet-stream' },
      });
    } catch {
      await route.abort('failed').catch(() => undefined);
    }
  }

  return { render, close };
}

function withTimeout<T>(p: Promise<T>, ms: number, url: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FetchError('timeout', `${url}: not rendered within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
