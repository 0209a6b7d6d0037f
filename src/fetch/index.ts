/**
 * The polite fetcher. `createFetcher(config.fetch, { log })` once per process, then
 * `fetcher.get(url, { accept: 'html' | 'feed', etag, lastModified, signal })`.
 * Failures are FetchError with a `kind` (see errors.ts), `status` and `retryAfterMs` when known.
 */
export { createFetcher } from './fetcher.ts';
export { createRenderer, CHROMIUM_ARGS, type Renderer } from './render.ts';
export { FetchError, type FetchErrorKind } from './errors.ts';
export type { Accept, Fetcher, FetcherDeps, FetchResult, GetOptions, PostResult } from './types.ts';
export { parseRobots, robotsAllows, productToken, type RobotsRules } from './robots.ts';
