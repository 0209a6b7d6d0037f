import { assetUrl } from '../assets.ts';
import { html, raw, type SafeHtml } from '../html.ts';

export interface Alternate {
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  title: string;
  href: string;
}

export interface PageMeta {
  title: string;
  description: string;
  /** Feeds for autodiscovery (`<link rel="alternate">`). */
  alternates?: Alternate[];
  /** Search box contents, when on the search page. */
  query?: string;
  /** Share card for link previews (og:image / twitter:card); the URL is absolute. */
  image?: { url: string; alt: string; width: number; height: number };
  /** Absolute URL of this page, for og:url. */
  canonical?: string;
  /** Marks the current section in the navigation. */
  section?: 'changes' | 'articles' | 'sources' | 'search' | 'stats' | 'about';
}

/** Feed triple (RSS, Atom, JSON Feed) for a feed base path such as `/feeds/changes`. */
/** The three feed formats of one feed; `query` (without `?`) is a filter such as `kind=headline`. */
export function feedAlternates(base: string, title: string, query = ''): Alternate[] {
  const q = query ? `?${query}` : '';
  return [
    { type: 'application/rss+xml', title: `${title} (RSS)`, href: `${base}.rss${q}` },
    { type: 'application/atom+xml', title: `${title} (Atom)`, href: `${base}.atom${q}` },
    { type: 'application/feed+json', title: `${title} (JSON Feed)`, href: `${base}.json${q}` },
  ];
}

function navLink(href: string, text: string, current: boolean): SafeHtml {
  return html`<a href="${href}"${current ? raw(' aria-current="page"') : ''}>${text}</a>`;
}

/** Open Graph and Twitter card tags: what a link preview on social media shows. */
function socialMeta(meta: PageMeta): SafeHtml {
  if (!meta.image) return html``;
  const { url, alt, width, height } = meta.image;
  return html`<meta property="og:type" content="article">
<meta property="og:site_name" content="Redline">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
${meta.canonical ? html`<meta property="og:url" content="${meta.canonical}">` : ''}
<meta property="og:image" content="${url}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${width}">
<meta property="og:image:height" content="${height}">
<meta property="og:image:alt" content="${alt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
<meta name="twitter:image" content="${url}">
<meta name="twitter:image:alt" content="${alt}">`;
}

export function layout(meta: PageMeta, body: SafeHtml): string {
  const alternates = (meta.alternates ?? feedAlternates('/feeds/changes', 'All changes')).map(
    (a) => html`<link rel="alternate" type="${a.type}" title="${a.title}" href="${a.href}">`,
  );
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${meta.title} · Redline</title>
<meta name="description" content="${meta.description}">
<link rel="stylesheet" href="${assetUrl('style.css')}">
<link rel="icon" type="image/svg+xml" href="${assetUrl('icon.svg')}">
${alternates}
${socialMeta(meta)}
<script src="${assetUrl('enhance.js')}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="/">Redline</a>
<nav aria-label="Main">
${navLink('/', 'Changes', meta.section === 'changes')}
${navLink('/articles', 'Articles', meta.section === 'articles')}
${navLink('/sources', 'Sources', meta.section === 'sources')}
${navLink('/stats', 'Statistics', meta.section === 'stats')}
${navLink('/about', 'About', meta.section === 'about')}
</nav>
<form class="search" action="/search" method="get" role="search">
<input type="search" name="q" value="${meta.query ?? ''}" placeholder="Search all versions" aria-label="Search all versions">
<button type="submit">Search</button>
</form>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site"><p>Redline keeps every version of every article it watches. <a href="/feeds/changes.rss">RSS</a> · <a href="/feeds/changes.atom">Atom</a> · <a href="/api/v1/openapi.json">API</a></p></footer>
</body>
</html>
`.toString();
}
