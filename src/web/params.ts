import { HiddenError, NotFoundError, UsageError, type ArticleWithSource, type Source, type Version } from '../model/index.ts';
import type { Store } from '../store/store.ts';

const POSITIVE_INT = /^[1-9][0-9]{0,14}$/;

/** An id or version number from the path: anything but a plain positive integer is "not found". */
export function pathNumber(value: string | undefined, what: string): number {
  if (!value || !POSITIVE_INT.test(value)) throw new NotFoundError(`no such ${what}: ${JSON.stringify(value ?? '')}`);
  return Number(value);
}

export async function loadArticle(store: Store, idParam: string | undefined): Promise<ArticleWithSource> {
  const id = pathNumber(idParam, 'article');
  const article = await store.getArticle(id);
  if (!article) throw new NotFoundError(`no such article: ${id}`);
  if (article.hiddenAt !== null) throw new HiddenError(`article ${id} is hidden`);
  return article;
}

/** A version by number: 404 when missing, 410 when an admin hid it. */
export async function loadVersion(store: Store, article: ArticleWithSource, n: number): Promise<Version> {
  const version = await store.getVersion(article.id, n);
  if (!version) throw new NotFoundError(`article ${article.id} has no version ${n}`);
  if (version.hiddenAt !== null) throw new HiddenError(`version ${n} of article ${article.id} is hidden`);
  return version;
}

/** `?source=KEY` filter: absent means all sources; an unknown key is a 404 rather than silently everything. */
export async function sourceFilter(store: Store, key: string | undefined): Promise<Source | null> {
  if (!key) return null;
  const source = await store.getSource(key);
  if (!source) throw new NotFoundError(`no such source: ${JSON.stringify(key)}`);
  return source;
}

export async function loadSource(store: Store, key: string | undefined): Promise<Source> {
  const source = key ? await store.getSource(key) : null;
  if (!source) throw new NotFoundError(`no such source: ${JSON.stringify(key ?? '')}`);
  return source;
}

/** `?limit=` for the API: 1..200, default 50. */
export function limitParam(value: string | undefined, fallback = 50): number {
  if (value === undefined || value === '') return fallback;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || Number(value) > 200) {
    throw new UsageError(`limit must be an integer from 1 to 200, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** Optional positive integer query parameter (e.g. `?minVersions=2`). */
export function optionalInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!POSITIVE_INT.test(value)) throw new UsageError(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * `?from=` / `?to=` of a date-range filter: a day (`2026-11-20`, as a date input sends it) or an
 * ISO 8601 time. A day as `to` includes that whole day, so the range is [from, to) in epoch ms.
 */
export function dateParam(value: string | undefined, name: 'from' | 'to'): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const at = Date.parse(day ? `${text}T00:00:00Z` : text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || !Number.isFinite(at)) {
    throw new UsageError(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 time, got ${JSON.stringify(value)}`);
  }
  return day && name === 'to' ? at + 86_400_000 : at;
}
