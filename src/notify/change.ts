import { publicBaseUrl } from '../config/index.ts';
import { diffVersions, versionChange, type DiffModel } from '../diff/index.ts';
import type { ArticleWithSource, Delivery, Version, VersionChange } from '../model/index.ts';
import type { NotifyDeps } from './deps.ts';
import { DeliveryError } from './errors.ts';

/** Everything a channel needs to announce one stored change. */
export interface ChangeContext {
  delivery: Delivery;
  article: ArticleWithSource;
  from: Version;
  to: Version;
  diff: DiffModel;
  /**
   * The labels and level the diff engine stored with the new version (what subscriptions were
   * matched on); computed from `diff` for a version stored without them.
   */
  change: VersionChange;
  links: ChangeLinks;
}

export interface ChangeLinks {
  article: string;
  diff: string;
  /** The diff as JSON from the public API. */
  api: string;
}

/** Loads the versions a delivery is about and diffs them. A change whose article was deleted is undeliverable. */
export async function loadChange(deps: NotifyDeps, delivery: Delivery): Promise<ChangeContext> {
  const { articleId, versionNumber } = delivery;
  if (articleId === null || versionNumber === null || versionNumber < 2) {
    throw new DeliveryError(`delivery ${delivery.id} names no change`, { permanent: true });
  }
  const [article, from, to] = await Promise.all([
    deps.store.getArticle(articleId),
    deps.store.getVersion(articleId, versionNumber - 1),
    deps.store.getVersion(articleId, versionNumber),
  ]);
  if (!article || !from || !to)
    throw new DeliveryError(`article ${articleId} version ${versionNumber} no longer exists`, { permanent: true });
  // Hidden for legal reasons: it must not be pushed out either.
  if (article.hiddenAt !== null || from.hiddenAt !== null || to.hiddenAt !== null) {
    throw new DeliveryError(`article ${articleId} version ${versionNumber} is hidden`, { permanent: true });
  }
  const diff = diffVersions(from, to);
  return {
    delivery,
    article,
    from,
    to,
    diff,
    change: to.change ?? versionChange(diff),
    links: changeLinks(publicBaseUrl(deps.config.web), articleId, versionNumber),
  };
}

export function changeLinks(baseUrl: string, articleId: number, number: number): ChangeLinks {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    article: `${base}/articles/${articleId}`,
    diff: `${base}/articles/${articleId}/diff/${number - 1}/${number}`,
    api: `${base}/api/v1/articles/${articleId}/diff/${number - 1}/${number}`,
  };
}
