import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, type Config } from '../../config/index.ts';
import { memoryLogger } from '../../log/index.ts';
import { FetchError } from '../../fetch/index.ts';
import type { Article } from '../../model/index.ts';
import { openStore, type Store } from '../../store/index.ts';
import type { FetchResult, GetOptions } from '../../fetch/index.ts';
import type { PageFetcher, TrackerDeps } from '../deps.ts';

export type Answer = { html?: string; status?: number; etag?: string; maxAgeMs?: number } | { error: Error };

/** A fetcher answering from a mutable table; records every request with its validators. */
export function fakeFetcher(): PageFetcher & { answers: Map<string, Answer>; requests: { url: string; options: GetOptions }[] } {
  const answers = new Map<string, Answer>();
  const requests: { url: string; options: GetOptions }[] = [];
  return {
    answers,
    requests,
    async get(url, options): Promise<FetchResult> {
      requests.push({ url, options });
      const a = answers.get(url);
      if (!a) throw new FetchError('gone', `HTTP 404 for ${url}`, { status: 404 });
      if ('error' in a) throw a.error;
      const notModified = a.etag !== undefined && options.etag === a.etag;
      const text = notModified ? '' : (a.html ?? '');
      return {
        url,
        status: notModified ? 304 : (a.status ?? 200),
        notModified,
        headers: {},
        body: new TextEncoder().encode(text),
        text,
        charset: 'utf-8',
        etag: a.etag ?? null,
        lastModified: null,
        maxAgeMs: a.maxAgeMs ?? null,
      };
    },
  };
}

export function articlePage(title: string, paragraphs: string[], opts: { aside?: string; canonical?: string } = {}): string {
  const canonical = opts.canonical ? `<link rel="canonical" href="${opts.canonical}">` : '';
  return `<!doctype html><html><head><title>${title} - Example News</title>${canonical}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<aside><h2>Related</h2><p>${opts.aside ?? 'Nothing related today.'}</p></aside>
<footer>Copyright Example News</footer></body></html>`;
}

export interface Harness {
  deps: TrackerDeps & { log: ReturnType<typeof memoryLogger> };
  fetcher: ReturnType<typeof fakeFetcher>;
  clock: { now: number; advance(sec: number): void };
  close(): Promise<void>;
}

/** Real SQLite store in a temp dir, fake fetcher, fake clock. */
export async function harness(tweak: (c: Config) => void = () => {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-tracker-'));
  const config = defaultConfig();
  config.dataDir = dir;
  tweak(config);
  const store = await openStore({ dataDir: dir, databaseUrl: null });
  const fetcher = fakeFetcher();
  const clock = { now: Date.UTC(2026, 0, 1), advance(sec: number) { this.now += sec * 1000; } };
  const log = memoryLogger();
  return {
    deps: { config, store, fetcher, log, now: () => clock.now },
    fetcher,
    clock,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An article added by hand, as `redline check URL` adds one: in the `manual` source (which
 * syncSources makes), due now, checked every 30 minutes until the schedule says otherwise.
 */
export async function manualArticle(store: Store, url: string, now: number, feedPublishedAt: number | null = null): Promise<Article> {
  const manual = await store.getSource('manual');
  if (!manual) throw new Error('no manual source: call syncSources first');
  const { article } = await store.upsertArticle({
    sourceId: manual.id,
    url,
    host: new URL(url).host,
    feedTitle: null,
    feedPublishedAt,
    now,
    checkPeriodSec: 1800,
  });
  return article;
}
