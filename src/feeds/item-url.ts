import { tryCanonicalizeHttpUrl } from './canonical.ts';

export interface RssGuid {
  value?: string;
  isPermaLink?: boolean;
}

/**
 * The article URL of an RSS item. The link usually is it, but some feeds put a click-counting
 * redirect in <link> and the real URL in <guid> (BBC 2009: link `/go/rss/-/1/hi/x.stm`, guid
 * `/1/hi/x.stm`, marked isPermaLink="false" all the same). The guid wins only when the link is
 * recognisably a wrapper around it, or when there is no usable link and the guid is a permalink.
 * A guid is an identifier, not a path: it counts only as an absolute http(s) URL, never resolved
 * against the feed, and one marked isPermaLink="false" never becomes the URL on its own.
 */
export function rssItemUrl(link: string | undefined, guid: RssGuid | undefined, feedUrl: string): string | null {
  const linkUrl = tryCanonicalizeHttpUrl(link, feedUrl);
  const guidUrl = /^\s*https?:\/\//i.test(guid?.value ?? '') ? tryCanonicalizeHttpUrl(guid?.value) : null;
  if (!linkUrl) return guid?.isPermaLink === false ? null : guidUrl;
  if (!guidUrl || guidUrl === linkUrl) return linkUrl;
  return wraps(linkUrl, guidUrl) ? guidUrl : linkUrl;
}

/** True when `outer` is a redirect to `inner`: it embeds inner's path on the same site, or inner itself in its query. */
function wraps(outer: string, inner: string): boolean {
  const o = new URL(outer);
  const i = new URL(inner);
  if (o.search.includes(encodeURIComponent(inner)) || decodeSafe(o.search).includes(inner)) return true;
  return sameSite(o.hostname, i.hostname) && i.pathname.length > 1 && o.pathname !== i.pathname && o.pathname.endsWith(i.pathname);
}

/** news.bbc.co.uk and www.bbc.co.uk count as one site: compare the last two labels (three for co.uk-style). */
function sameSite(a: string, b: string): boolean {
  const site = (h: string) => {
    const labels = h.split('.');
    const n = labels.length > 2 && labels[labels.length - 2].length <= 3 ? 3 : 2;
    return labels.slice(-n).join('.');
  };
  return site(a) === site(b);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
