/** The newsroom's feeds (RSS 2.0 and Atom) and robots.txt. */

export interface FeedEntry {
  url: string;
  title: string;
  summary: string;
  publishedAt: number;
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Newest first, like real feeds. `updatedAt` is the last content change, so the feed body is stable between edits. */
export function rssFeed(base: string, entries: FeedEntry[], updatedAt: number): string {
  const items = sortNewestFirst(entries).map(
    (e) =>
      `<item><title>${xml(e.title)}</title><link>${xml(e.url)}</link><guid isPermaLink="true">${xml(e.url)}</guid>` +
      `<pubDate>${new Date(e.publishedAt).toUTCString()}</pubDate><description>${xml(e.summary)}</description></item>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>' +
    `<title>The Demo Gazette</title><link>${xml(base)}/</link><description>Fictional news that edits itself</description>` +
    `<atom:link href="${xml(base)}/feed.xml" rel="self" type="application/rss+xml"/>` +
    `<lastBuildDate>${new Date(updatedAt).toUTCString()}</lastBuildDate>${items.join('\n')}</channel></rss>\n`
  );
}

export function atomFeed(base: string, entries: FeedEntry[], updatedAt: number): string {
  const items = sortNewestFirst(entries).map((e) => {
    const date = new Date(e.publishedAt).toISOString();
    return (
      `<entry><title>${xml(e.title)}</title><link rel="alternate" href="${xml(e.url)}"/><id>${xml(e.url)}</id>` +
      `<published>${date}</published><updated>${date}</updated><summary>${xml(e.summary)}</summary></entry>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">' +
    `<title>The Demo Gazette</title><id>${xml(base)}/</id><link rel="self" href="${xml(base)}/atom.xml"/>` +
    `<updated>${new Date(updatedAt).toISOString()}</updated>${items.join('\n')}</feed>\n`
  );
}

function sortNewestFirst(entries: FeedEntry[]): FeedEntry[] {
  return entries.slice().sort((a, b) => b.publishedAt - a.publishedAt);
}

export function robotsTxt(base: string): string {
  return 'User-agent: *\nAllow: /news/\nAllow: /sport/\nDisallow: /search\nDisallow: /account/\n\n' + `Sitemap: ${base}/sitemap.xml\n`;
}

export function sitemapXml(entries: { url: string; modifiedAt: number }[]): string {
  const urls = entries.map((e) => `<url><loc>${xml(e.url)}</loc><lastmod>${new Date(e.modifiedAt).toISOString()}</lastmod></url>`);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + `${urls.join('\n')}</urlset>\n`
  );
}
