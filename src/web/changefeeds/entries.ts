import type { Millis } from '../../model/index.ts';
import type { ChangeBrief } from '../../store/store.ts';
import type { WebContext } from '../context.ts';
import type { ChangeDigest } from '../digest.ts';
import { html, raw } from '../html.ts';
import { describeEvent } from '../../text/events.ts';
import { safeUrl } from '../views/components.ts';
import { articlePath, diffPath } from '../views/paths.ts';

/** One change as every feed format sees it. */
export interface FeedEntry {
  /** Stable and unique: a tag URI naming the article and the version (or event). */
  id: string;
  title: string;
  /** Absolute URL of the diff (or of the article, for events). */
  link: string;
  at: Millis;
  /** Plain text: what changed, in one sentence. */
  summary: string;
  /** HTML (trusted: built by digest.ts with every piece of news text escaped): the changed paragraphs; built only when rendered. */
  content: (() => string) | null;
  /** Rendered items of this entry may be cached (items.ts): true for versions with a digest, which never change. */
  immutable: boolean;
  source: string;
  /** The stored change labels (diff/labels.ts) of a version; none for events. Items carry them as categories. */
  labels: string[];
}

export interface FeedInfo {
  title: string;
  description: string;
  /** Site path of the page this feed mirrors, e.g. `/` or `/articles/3`. */
  pagePath: string;
  /** Feed path without extension, e.g. `/feeds/changes`. */
  basePath: string;
  /** The filter of a filtered feed as a query string (`?kind=headline`), kept in its self links; '' or absent for none. */
  query?: string;
  entries: FeedEntry[];
}

/** Tag URIs (RFC 4151) stay the same however the entry is rendered or re-fetched. */
export function tagUri(baseUrl: string, specific: string): string {
  return `tag:${new URL(baseUrl).hostname},2026:${specific}`;
}

/** Feed entries for a page of changes; each version's digest is computed once and cached (never re-diffed per request). */
export async function toEntries(ctx: WebContext, changes: ChangeBrief[]): Promise<FeedEntry[]> {
  const digests = await ctx.digests.forVersions(changes.flatMap((c) => (c.type === 'version' ? [c.version] : [])));
  const baseUrl = ctx.baseUrl;
  const tag = `tag:${new URL(baseUrl).hostname},2026:`;
  return changes.map((change) =>
    toEntry(baseUrl, tag, change, change.type === 'version' ? (digests.get(change.version.id) ?? null) : null),
  );
}

function toEntry(baseUrl: string, tag: string, change: ChangeBrief, digest: ChangeDigest | null): FeedEntry {
  const { article } = change;
  const headline = article.title ?? article.url;
  if (change.type === 'event') {
    const what = describeEvent(change.event);
    return {
      id: `${tag}article/${article.id}/event/${change.event.id}`,
      title: `${what}: ${headline}`,
      link: baseUrl + articlePath(article.id),
      at: change.at,
      summary: `${what}. Original article: ${article.url}`,
      content: null,
      immutable: false,
      source: article.sourceKey,
      labels: [],
    };
  }
  const n = change.version.number;
  const link = baseUrl + diffPath(article.id, n - 1, n);
  const summary = digest?.summary ?? 'Edited';
  return {
    id: `${tag}article/${article.id}/version/${n}`,
    title: digest?.title ?? (change.version.title || headline),
    link,
    at: change.at,
    summary: `${summary} (version ${n - 1} to ${n}). Original article: ${article.url}`,
    content: digest
      ? () =>
          html`<p>${summary} (version ${n - 1} to ${n} of <a href="${safeUrl(article.url)}">the article</a>; <a href="${link}">see the whole diff</a>).</p>${raw(digest.html)}`.toString()
      : null,
    immutable: digest !== null,
    source: article.sourceKey,
    labels: change.version.labels,
  };
}
