/**
 * The closed lists of the data model, each written once. Types are derived from them, and the
 * config schema, the CLI, the API schema and the web filters read the same arrays.
 */

/** active: checked on schedule; removed: last check was 404/410 (still checked, with backoff); retired: never checked again. */
export const ARTICLE_STATUSES = ['active', 'removed', 'retired'] as const;

/** `feed`: an RSS/Atom/RDF/JSON Feed/sitemap URL. `page`: a front page whose links matching `linkPattern` are the articles. */
export const SOURCE_TYPES = ['feed', 'page'] as const;

/** How a source's articles are fetched: plain HTTP, or rendered by headless Chromium (pages written by JavaScript). */
export const RENDER_MODES = ['http', 'chromium'] as const;

/** What a process of `redline start` runs: the website, the tracker, or both. */
export const ROLES = ['web', 'worker', 'all'] as const;

/** What happened to an article besides a new version. */
export const EVENT_KINDS = ['removed', 'restored', 'revert', 'retired', 'error'] as const;

/** Whether an `x` is one of `list`, narrowing its type. */
export function isOneOf<T extends string>(list: readonly T[], x: unknown): x is T {
  return (list as readonly unknown[]).includes(x);
}
