import type { Article, RenderMode } from '../model/index.ts';
import type { TrackerDeps } from './deps.ts';

/** A source's render mode is read from the store at most this often per source (it changes only when an operator edits the source). */
const TTL_MS = 60_000;
const cache = new WeakMap<object, Map<number, { mode: RenderMode; at: number }>>();

/** How this article's source wants its pages fetched. */
export async function renderModeOf(deps: TrackerDeps, article: Article): Promise<RenderMode> {
  if (!deps.renderer) return 'http';
  let modes = cache.get(deps.store);
  if (!modes) cache.set(deps.store, (modes = new Map()));
  const now = Date.now();
  const known = modes.get(article.sourceId);
  if (known && now - known.at < TTL_MS) return known.mode;
  const mode = (await deps.store.getSource(article.sourceId))?.render ?? 'http';
  modes.set(article.sourceId, { mode, at: now });
  return mode;
}
