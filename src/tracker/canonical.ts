// The canonical URL a first fetch may move an article to.

import type { ExtractResult } from '../extract/index.ts';
import { canonicalizeUrl } from '../feeds/index.ts';
import type { Article } from '../model/index.ts';
import type { TrackerDeps } from './deps.ts';

/** The <link rel=canonical> found on the first fetch to move the article to, unless another article already has that URL. */
export async function canonicalUrlOf(
  deps: TrackerDeps,
  article: Article,
  extraction: ExtractResult,
  pageUrl: string,
): Promise<string | null> {
  if (!extraction.canonicalUrl) return null;
  let canonical: string;
  try {
    canonical = canonicalizeUrl(extraction.canonicalUrl, pageUrl);
  } catch {
    return null;
  }
  const target = new URL(canonical);
  // A canonical link to a home page is a site bug, not this article's address; one to another site
  // (syndicated copies) would move the article to a host it is not scheduled under.
  if (canonical === article.url || !/^https?:$/.test(target.protocol) || target.pathname === '/') return null;
  if (bareHost(target.hostname) !== bareHost(new URL(article.url).hostname)) return null;
  if (await deps.store.getArticleByUrl(canonical)) return null;
  deps.log.info('canonical', { article: article.id, from: article.url, to: canonical });
  return canonical;
}

function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}
