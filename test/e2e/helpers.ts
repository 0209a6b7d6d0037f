import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, type Config } from '../../src/config/index.ts';
import { createFetcher } from '../../src/fetch/index.ts';
import { memoryLogger } from '../../src/log/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { Article } from '../../src/model/index.ts';
import { syncSources, type TrackerDeps } from '../../src/tracker/index.ts';
import { manualArticle as addByHand } from '../../src/tracker/testdata/fakes.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = join(ROOT, '../shared');

/** Config for tests: no politeness delays against our own 127.0.0.1 servers, short timeouts. */
export function testConfig(dataDir: string, tweak: (c: Config) => void = () => {}): Config {
  const config = defaultConfig();
  config.dataDir = dataDir;
  config.fetch.perHostDelayMs = 0;
  config.fetch.connectTimeoutMs = 2_000;
  config.fetch.totalTimeoutMs = 5_000;
  // The news sites of the tests live on 127.0.0.1, which the SSRF guard refuses by default.
  config.fetch.allowPrivateNetworks = true;
  tweak(config);
  return config;
}

export interface TestTracker {
  deps: TrackerDeps & { log: ReturnType<typeof memoryLogger> };
  clock: { now: number; advance(sec: number): void };
  dir: string;
  close(): Promise<void>;
}

/** The real store, fetcher and extractor; only the clock is injected, so schedules can be stepped through. */
export async function testTracker(tweak?: (c: Config) => void): Promise<TestTracker> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-e2e-'));
  const config = testConfig(dir, tweak);
  const store = await openStore({ dataDir: dir, databaseUrl: null });
  const clock = {
    now: Date.now(),
    advance(sec: number) {
      this.now += sec * 1000;
    },
  };
  const log = memoryLogger();
  return {
    deps: { config, store, fetcher: createFetcher(config.fetch), log, now: () => clock.now },
    clock,
    dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An article added by hand, as `redline check URL` adds one: in the `manual` source, due now. */
export async function manualArticle(t: TestTracker, url: string): Promise<Article> {
  await syncSources(t.deps.store, [], t.clock.now);
  return addByHand(t.deps.store, url, t.clock.now);
}

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 with a free port, playing the news site. */
export async function localServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A realistic-enough article page: navigation, the story, a related box and a footer. */
export function articleHtml(title: string, paragraphs: string[], opts: { related?: string; ad?: string; updated?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Local News</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<div class="ad">${opts.ad ?? 'Advertisement: buy a sofa'}</div>
<main><article><h1>${title}</h1><p class="timestamp">${opts.updated ?? 'Updated 3 minutes ago'}</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/r1">${opts.related ?? 'Council meets again'}</a></li></ul></aside></main>
<footer><p>Copyright Local News. All rights reserved.</p></footer></body></html>`;
}

export function rssFeed(links: string[]): string {
  const items = links.map((l, i) => `<item><title>Story ${i}</title><link>${l}</link><guid>${l}</guid></item>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local News</title><link>http://127.0.0.1/</link>${items}</channel></rss>`;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/redline.js in a child process, as a user would. */
export function runCli(args: string[], opts: { onStderrLine?: (line: string, child: ChildProcess) => void } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/redline.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      partial += d;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) opts.onStderrLine?.(line, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs a command in this process through the CLI's own entry point (much faster than a child
 * process), capturing what it writes.
 */
export async function runMain(args: string[]): Promise<CliRun> {
  const { main } = await import('../../src/cli/main.ts');
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof out;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof err;
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/**
 * A data dir whose redline.json declares no sources, so the shipped real-world feeds are never
 * fetched, and lets the fetcher reach the tests' news sites on 127.0.0.1.
 */
export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'redline-e2e-'));
  writeFileSync(join(dir, 'redline.json'), JSON.stringify({ sources: [], fetch: { allowPrivateNetworks: true } }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
