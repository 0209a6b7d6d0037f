import { afterEach, beforeEach } from 'vitest';
import type { Article, Source, SourceInput, VersionInput } from '../../model/index.ts';
import type { Store } from '../store.ts';

/** How a contract suite reaches one implementation. */
export interface ContractHarness {
  name: string;
  /** A fresh, migrated, empty store. */
  open(): Promise<Store>;
  /** Writes a schema_version row directly, to simulate a database migrated by a newer Redline. */
  setSchemaVersion(store: Store, version: number): Promise<void>;
  /**
   * A second connection to the same database, as another process would have; null where one process
   * must share one store (SQLite: a second connection in the same thread would block on the first).
   */
  openAnother(store: Store): Promise<Store | null>;
}

export const T0 = 1_700_000_000_000;

export function sourceInput(key: string, over: Partial<SourceInput> = {}): SourceInput {
  return { key, name: `Source ${key}`, feedUrl: `http://127.0.0.1/${key}/feed.xml`, pollPeriodSec: 300, include: [], exclude: [], ...over };
}

export async function makeSource(store: Store, key = 'src'): Promise<Source> {
  return store.upsertSource(sourceInput(key), T0);
}

export async function makeArticle(
  store: Store,
  source: Source,
  path: string,
  over: { host?: string; now?: number; feedTitle?: string } = {},
): Promise<Article> {
  const host = over.host ?? 'news.example';
  const { article } = await store.upsertArticle({
    sourceId: source.id,
    url: `http://${host}/${path}`,
    host,
    feedTitle: over.feedTitle ?? `Feed title ${path}`,
    feedPublishedAt: null,
    now: over.now ?? T0,
    checkPeriodSec: 1800,
  });
  return article;
}

export function versionInput(title: string, paragraphs: string[], over: Partial<VersionInput> = {}): VersionInput {
  return {
    title,
    byline: null,
    published: null,
    paragraphs,
    fingerprint: `fp:${title}:${paragraphs.join('|')}`,
    extractorVersion: 'x1',
    capturedAt: T0,
    rawHtml: null,
    wordsAdded: 0,
    wordsRemoved: 0,
    ...over,
  };
}

/** Adds the next version of an article. */
export async function addNext(store: Store, article: Article, title: string, paragraphs: string[], capturedAt: number) {
  const latest = await store.getLatestVersion(article.id);
  return store.addVersion(article.id, (latest?.number ?? 0) + 1, versionInput(title, paragraphs, { capturedAt }));
}

/** A fresh store for every test of the enclosing describe block. */
export function freshStore(harness: ContractHarness): () => Store {
  let store: Store | null = null;
  beforeEach(async () => {
    store = await harness.open();
  });
  afterEach(async () => {
    await store?.close();
    store = null;
  });
  return () => store!;
}
