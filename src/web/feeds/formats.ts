import type { FeedInfo } from './entries.ts';
import { escapeHtml } from '../html.ts';
import { xml } from './xml.ts';

const GENERATOR = 'Redline';

function updatedAt(feed: FeedInfo): number {
  return feed.entries[0]?.at ?? 0;
}

/** RSS descriptions are HTML by convention, so the text is HTML-escaped before it is XML-escaped. */
export function renderRss(feed: FeedInfo, baseUrl: string): string {
  const items = feed.entries.map((e) => xml`<item>
<title>${e.title}</title>
<link>${e.link}</link>
<guid isPermaLink="false">${e.id}</guid>
<pubDate>${new Date(e.at).toUTCString()}</pubDate>
<category>${e.source}</category>
<description>${escapeHtml(e.summary)}</description>
</item>
`);
  return xml`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${feed.title}</title>
<link>${baseUrl + feed.pagePath}</link>
<description>${feed.description}</description>
<atom:link href="${baseUrl + feed.basePath}.rss" rel="self" type="application/rss+xml"/>
<generator>${GENERATOR}</generator>
<lastBuildDate>${new Date(updatedAt(feed)).toUTCString()}</lastBuildDate>
${items}</channel>
</rss>
`.value;
}

export function renderAtom(feed: FeedInfo, baseUrl: string, feedId: string): string {
  const entries = feed.entries.map((e) => xml`<entry>
<id>${e.id}</id>
<title type="text">${e.title}</title>
<link rel="alternate" type="text/html" href="${e.link}"/>
<updated>${new Date(e.at).toISOString()}</updated>
<category term="${e.source}"/>
<summary type="text">${e.summary}</summary>
</entry>
`);
  return xml`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${feedId}</id>
<title type="text">${feed.title}</title>
<subtitle type="text">${feed.description}</subtitle>
<link rel="self" type="application/atom+xml" href="${baseUrl + feed.basePath}.atom"/>
<link rel="alternate" type="text/html" href="${baseUrl + feed.pagePath}"/>
<updated>${new Date(updatedAt(feed)).toISOString()}</updated>
<author><name>${GENERATOR}</name></author>
<generator>${GENERATOR}</generator>
${entries}</feed>
`.value;
}

/** JSON Feed 1.1: text goes into JSON strings, so JSON.stringify is the whole escaping story. */
export function renderJsonFeed(feed: FeedInfo, baseUrl: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: baseUrl + feed.pagePath,
    feed_url: `${baseUrl + feed.basePath}.json`,
    items: feed.entries.map((e) => ({
      id: e.id,
      url: e.link,
      title: e.title,
      content_text: e.summary,
      date_published: new Date(e.at).toISOString(),
      tags: [e.source],
    })),
  }, null, 1);
}
