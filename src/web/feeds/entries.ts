import type { Change, Millis } from '../../model/index.ts';
import type { WebContext } from '../context.ts';
import { describeDiff, describeEvent } from '../summary.ts';
import { articlePath, diffPath } from '../views/paths.ts';

/** One change as every feed format sees it. */
export interface FeedEntry {
  /** Stable and unique: a tag URI naming the article and the version (or event). */
  id: string;
  title: string;
  /** Absolute URL of the diff (or of the article, for events). */
  link: string;
  at: Millis;
  summary: string;
  source: string;
}

export interface FeedInfo {
  title: string;
  description: string;
  /** Site path of the page this feed mirrors, e.g. `/` or `/articles/3`. */
  pagePath: string;
  /** Feed path without extension, e.g. `/feeds/changes`. */
  basePath: string;
  entries: FeedEntry[];
}

/** Tag URIs (RFC 4151) stay the same however the entry is rendered or re-fetched. */
export function tagUri(baseUrl: string, specific: string): string {
  return `tag:${new URL(baseUrl).hostname},2026:${specific}`;
}

export async function toEntry(ctx: WebContext, change: Change): Promise<FeedEntry> {
  const { article } = change;
  const headline = article.title ?? article.url;
  if (change.type === 'event') {
    return {
      id: tagUri(ctx.baseUrl, `article/${article.id}/event/${change.event.id}`),
      title: `${describeEvent(change)}: ${headline}`,
      link: ctx.baseUrl + articlePath(article.id),
      at: change.at,
      summary: `${describeEvent(change)}. Original article: ${article.url}`,
      source: article.sourceKey,
    };
  }
  const n = change.version.number;
  const { model } = await ctx.diffs.get(article.id, n - 1, n);
  return {
    id: tagUri(ctx.baseUrl, `article/${article.id}/version/${n}`),
    title: change.version.title || headline,
    link: ctx.baseUrl + diffPath(article.id, n - 1, n),
    at: change.at,
    summary: `${describeDiff(model.summary)} (version ${n - 1} to ${n}). Original article: ${article.url}`,
    source: article.sourceKey,
  };
}
