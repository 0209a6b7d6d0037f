/** The HTML pages of the newsroom: articles (stable text inside changing chrome), the live blog, home, 404. */
import { ad, cookieBanner, esc, footer, mostRead, pageScript, related, shareBar, siteNav, token, topBar } from './chrome.ts';
import type { LinkItem, Rng } from './chrome.ts';
import type { Block, Story } from './types.ts';

export interface PageContext {
  base: string;
  now: number;
  rng: Rng;
  nonce: string;
  links: LinkItem[];
}

export interface ArticleView {
  story: Story;
  headline: string;
  blocks: Block[];
  publishedAt: number;
  modifiedAt: number;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p>${esc(b.text)}</p>`;
    case 'h2':
      return `<h2>${esc(b.text)}</h2>`;
    case 'quote':
      return `<blockquote><p>${esc(b.text)}</p></blockquote>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  }
}

/** JSON inside <script>: `<` escaped so article text can never close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function head(title: string, canonical: string, charset: string, extra: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="${charset}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)} | The Demo Gazette</title><link rel="canonical" href="${esc(canonical)}">` +
    `<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="The Demo Gazette">${extra}</head>`
  );
}

export function articlePage(view: ArticleView, ctx: PageContext): string {
  const { story, headline } = view;
  const url = ctx.base + story.path;
  const published = new Date(view.publishedAt).toISOString();
  const modified = new Date(view.modifiedAt).toISOString();
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline,
    datePublished: published,
    dateModified: modified,
    author: [{ '@type': 'Person', name: story.byline }],
    mainEntityOfPage: url,
    publisher: { '@type': 'Organization', name: 'The Demo Gazette' },
  };
  const meta =
    `<meta name="description" content="${esc(story.summary)}"><meta property="og:type" content="article">` +
    `<meta property="og:title" content="${esc(headline)}"><meta property="og:url" content="${esc(url)}">` +
    `<meta property="article:published_time" content="${published}"><meta property="article:modified_time" content="${modified}">` +
    `<meta property="article:section" content="${esc(story.section)}">` +
    `<script type="application/ld+json">${jsonForScript(ld)}</script>`;
  const body = view.blocks.map(blockHtml);
  const hero = `<figure class="hero"><img src="/img${esc(story.path)}.jpg?cb=${token(ctx.rng)}" alt=""></figure>`;
  return (
    head(headline, url, story.charset ?? 'utf-8', meta) +
    `<body class="article-page">${cookieBanner()}${topBar(ctx.now, ctx.rng)}${siteNav()}${ad(ctx.rng, 'leaderboard')}` +
    `<main><article class="story"><header><p class="kicker"><a href="/news/${esc(story.section)}/">${esc(story.section)}</a></p>` +
    `<h1>${esc(headline)}</h1><div class="byline">By <a rel="author" href="/authors/${encodeURIComponent(story.byline)}">` +
    `${esc(story.byline)}</a></div><time datetime="${published}">${new Date(view.publishedAt).toUTCString()}</time>` +
    `${shareBar(url)}</header>${hero}<div class="article-body">${body.slice(0, 3).join('')}` +
    `${ad(ctx.rng, 'inline')}${body.slice(3).join('')}</div>${shareBar(url)}</article>` +
    `${related(ctx.links, ctx.rng)}</main>${mostRead(ctx.links, ctx.rng)}${ad(ctx.rng, 'sidebar')}` +
    `${footer()}${pageScript(ctx.nonce, story.id, ctx.rng)}</body></html>\n`
  );
}

/** Live blog: new entries on every request, the kind of page a source filter should exclude. */
export function livePage(path: string, headline: string, ctx: PageContext): string {
  const minute = Math.floor((ctx.now / 1000) % 90);
  const entries = [minute, Math.max(0, minute - 3), Math.max(0, minute - 7)].map(
    (m, i) => `<li><time>${m}'</time><p>${i === 0 ? `Latest: ${token(ctx.rng)} pressure from Rovers.` : 'Play continues.'}</p></li>`,
  );
  return (
    head(headline, ctx.base + path, 'utf-8', `<meta property="og:title" content="${esc(headline)}">`) +
    `<body class="live">${topBar(ctx.now, ctx.rng)}${siteNav()}<main><h1>${esc(headline)}</h1>` +
    `<ol class="live-entries">${entries.join('')}</ol></main>${footer()}</body></html>\n`
  );
}

export function homePage(items: LinkItem[], ctx: PageContext): string {
  const list = items.map((i) => `<li><a href="${esc(i.path)}">${esc(i.headline)}</a></li>`).join('');
  return (
    head('Home', ctx.base + '/', 'utf-8', '') +
    `<body class="home">${cookieBanner()}${topBar(ctx.now, ctx.rng)}${siteNav()}${ad(ctx.rng, 'leaderboard')}` +
    `<main><h1>Latest news</h1><ul class="latest">${list}</ul></main>${footer()}</body></html>\n`
  );
}

export function notFoundPage(ctx: PageContext): string {
  return (
    head('Page not found', ctx.base + '/404', 'utf-8', '') +
    `<body class="error">${siteNav()}<main><h1>Sorry, we can’t find that page</h1>` +
    '<p>It may have been moved or removed.</p></main>' +
    `${footer()}</body></html>\n`
  );
}
