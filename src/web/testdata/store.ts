import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, type Config } from '../../config/index.ts';
import { diffVersions } from '../../diff/index.ts';
import type { DiffInput } from '../../diff/types.ts';
import type { Millis, Version } from '../../model/index.ts';
import { openStore, type Store } from '../../store/index.ts';

/** Test helpers: a real SQLite store in a temp dir, and versions stored with honest word counts. */
export interface TempStore {
  store: Store;
  dir: string;
  config: Config;
  cleanup(): Promise<void>;
}

export async function openTempStore(): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-web-'));
  const store = await openStore({ dataDir: dir, databaseUrl: null });
  const config = defaultConfig();
  config.dataDir = dir;
  config.web.baseUrl = 'http://news.test:8080';
  // Tests that track the simulated newsroom fetch from 127.0.0.1, which the SSRF guard refuses by default.
  config.fetch.allowPrivateNetworks = true;
  return {
    store, dir, config,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface VersionSpec extends DiffInput {
  capturedAt: Millis;
  rawHtml?: string;
}

/** Stores the next version of an article, counting words against the previous one as the tracker does. */
export async function addVersion(store: Store, articleId: number, spec: VersionSpec): Promise<Version> {
  const prev = await store.getLatestVersion(articleId);
  const summary = prev ? diffVersions(prev, spec).summary : null;
  const text = [spec.title, ...spec.paragraphs].join('\n');
  return store.addVersion(articleId, (prev?.number ?? 0) + 1, {
    title: spec.title,
    byline: spec.byline,
    published: spec.published,
    paragraphs: spec.paragraphs,
    fingerprint: createHash('sha256').update(text).digest('hex'),
    extractorVersion: 'test',
    capturedAt: spec.capturedAt,
    rawHtml: spec.rawHtml === undefined ? null : new TextEncoder().encode(spec.rawHtml),
    wordsAdded: summary?.wordsAdded ?? 0,
    wordsRemoved: summary?.wordsRemoved ?? 0,
  });
}

export async function addArticle(store: Store, sourceId: number, url: string, now: Millis, feedTitle: string | null = null): Promise<number> {
  const { article } = await store.upsertArticle({ sourceId, url, host: new URL(url).host, feedTitle, feedPublishedAt: null, now, checkPeriodSec: 1800 });
  return article.id;
}
