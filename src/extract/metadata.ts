import { normalizeText } from '../text/normalize.ts';
import { attr, elementsIn, textOf, type Document, type Element } from './dom.ts';
import type { LinkedArticle } from './jsonld.ts';

export interface PageMeta {
  /** `<meta name|property|itemprop>` contents, keys lower-cased, first occurrence wins. */
  meta: Map<string, string>;
  title: string;
  h1s: string[];
  canonicalHref: string | null;
  timeDatetime: string | null;
  bylineText: string | null;
}

const BYLINE_CLASS = /(^|[\s_-])(byline|author|authors|writer|contributor)([\s_-]|$)/i;

/** One pass over the document collecting everything the metadata needs (before boilerplate removal). */
export function collectMeta(doc: Document): PageMeta {
  const meta = new Map<string, string>();
  const h1s: string[] = [];
  let title = '';
  let canonicalHref: string | null = null;
  let timeDatetime: string | null = null;
  let bylineText: string | null = null;
  for (const el of elementsIn(doc)) {
    if (el.name === 'meta') {
      const key = (attr(el, 'property') || attr(el, 'name') || attr(el, 'itemprop')).toLowerCase();
      const content = attr(el, 'content') || attr(el, 'datetime');
      if (key && content && !meta.has(key)) meta.set(key, content);
    } else if (el.name === 'title' && !title) title = normalizeText(textOf(el));
    else if (el.name === 'h1') h1s.push(normalizeText(textOf(el)));
    else if (el.name === 'link' && /\bcanonical\b/i.test(attr(el, 'rel')) && !canonicalHref) canonicalHref = attr(el, 'href') || null;
    else if (el.name === 'time' && !timeDatetime && attr(el, 'datetime')) timeDatetime = attr(el, 'datetime');
    else if (!bylineText && isBylineElement(el)) bylineText = cleanByline(textOf(el));
  }
  return { meta, title, h1s: h1s.filter(Boolean), canonicalHref, timeDatetime, bylineText };
}

function isBylineElement(el: Element): boolean {
  if (attr(el, 'rel') === 'author' || attr(el, 'itemprop') === 'author') return true;
  return BYLINE_CLASS.test(attr(el, 'class')) || BYLINE_CLASS.test(attr(el, 'id'));
}

/** Where a byline element's text stops being names: separators, dates, "Published", handles. */
const BYLINE_END = /\s(\||•|·|published\b|updated\b|follow\b|@\w)|\s(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d/i;

function cleanByline(raw: string): string | null {
  let text = normalizeText(raw).replace(/^by[:\s]+/i, '');
  const end = BYLINE_END.exec(text);
  if (end) text = text.slice(0, end.index).trim();
  // Author boxes with a biography are not bylines.
  return text.length > 0 && text.length <= 100 ? text : null;
}

// Colons are left alone: "Brexit: what happens next" is one headline.
const SEPARATORS = /\s+[|\-–—·•»]\s+|\s+::\s+/;

/** Drops a " - Site Name" / "Site | " decoration: keeps the longest part when the title is split by separators. */
export function stripSiteName(title: string, siteName?: string | null): string {
  const parts = title
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return title;
  const site = siteName ? comparable(siteName) : null;
  const kept = site ? parts.filter((p) => comparable(p) !== site) : parts;
  if (kept.length === 1) return kept[0];
  const longest = kept.reduce((a, b) => (b.length > a.length ? b : a));
  // Only strip when the remainder is clearly the headline; "Brexit: what happens next" must survive.
  const siteRemoved = kept.length < parts.length;
  return longest.split(/\s+/).length >= 3 && (siteRemoved || longest.length >= title.length * 0.5) ? longest : title;
}

export function comparable(s: string): string {
  let key = comparableSeen.get(s);
  if (key === undefined) {
    key = normalizeText(s)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    // Short block texts are compared with the headline by the features and again by the filter; bounded memo.
    if (s.length < 400) {
      if (comparableSeen.size >= 10_000) comparableSeen.clear();
      comparableSeen.set(s, key);
    }
  }
  return key;
}
const comparableSeen = new Map<string, string>();

/**
 * Headline: the article's own <h1> when it shares words with what the page declares (og:title,
 * twitter:title, JSON-LD headline, <meta name=headline>, <title>), since the declared titles
 * often carry SEO variants, site names and section paths ("BBC NEWS | World | Headline");
 * an <h1> that is the site's name, a menu or a section label agrees with none of them and is
 * passed over. Without such an <h1>, the first declared title, site name and path stripped.
 */
export function chooseTitle(page: PageMeta, ld: LinkedArticle | null): string {
  const siteName = page.meta.get('og:site_name') ?? null;
  const declared = [page.meta.get('og:title'), page.meta.get('twitter:title'), ld?.headline, page.meta.get('headline'), page.title]
    .filter((t): t is string => !!t)
    .map((t) => normalizeText(t))
    .filter(Boolean);
  const stripped = declared.map((d) => stripSiteName(d, siteName));
  // Names the page gives itself: og:site_name and the last part of a separated <title>.
  const titleParts = page.title.split(SEPARATORS);
  const names = new Set(
    [siteName, titleParts.length > 1 ? titleParts[titleParts.length - 1] : null].filter((n): n is string => !!n).map(comparable),
  );
  const h1s = page.h1s.map((h) => stripH1Suffix(h, names)).filter((h) => h.length <= 400 && !names.has(comparable(h)));
  if (declared.length === 0) return h1s[0] ?? '';
  let best: string | null = null;
  let bestAgreement = 0.3;
  for (const h1 of h1s.slice(0, 4)) {
    const agreement = Math.max(...declared.map((d) => wordAgreement(h1, d)), ...stripped.map((d) => wordAgreement(h1, d)));
    if (agreement > bestAgreement) {
      best = h1;
      bestAgreement = agreement;
    }
  }
  return best ?? stripped[0];
}

/** "Headline – Site" in an <h1>: the site's name (as the page declares it) is dropped. */
function stripH1Suffix(h1: string, names: Set<string>): string {
  const parts = h1.split(SEPARATORS);
  if (parts.length < 2 || !names.has(comparable(parts[parts.length - 1]))) return h1;
  return (
    h1
      .slice(0, h1.length - parts[parts.length - 1].length)
      .replace(/\s*(\||-|–|—|·|•|»|::)\s*$/, '')
      .trim() || h1
  );
}

const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'for',
  'with',
  'is',
  'are',
  'at',
  'by',
  'from',
  'how',
  'what',
  'why',
  'your',
  'you',
  'our',
  'this',
  'that',
  'it',
  's',
]);
const contentWords = (s: string) =>
  new Set(
    comparable(s)
      .split(' ')
      .filter((w) => w && !STOPWORDS.has(w)),
  );

/** Dice overlap of the two titles' content-word sets. */
function wordAgreement(a: string, b: string): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

const DATE_KEYS = [
  'article:published_time',
  'datepublished',
  'og:published_time',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'originalpublicationdate',
  'dc.date.issued',
  'dc.date',
  'date',
  'article.published',
];

export function choosePublished(page: PageMeta, ld: LinkedArticle | null): string | null {
  const candidates = [ld?.datePublished, ...DATE_KEYS.map((k) => page.meta.get(k)), page.timeDatetime];
  return candidates.map((c) => c?.trim()).find((c): c is string => !!c && plausibleDate(c)) ?? null;
}

/** CMS placeholders such as "0001-01-01T00:00:00Z" are not dates. */
function plausibleDate(s: string): boolean {
  const year = /\b(\d{4})\b/.exec(s);
  return !year || Number(year[1]) >= 1990;
}

export function chooseByline(page: PageMeta, ld: LinkedArticle | null): string | null {
  const fromMeta = page.meta.get('author') ?? page.meta.get('article:author') ?? page.meta.get('byl') ?? page.meta.get('parsely-author');
  const candidates = [ld?.author, fromMeta && !/^https?:/.test(fromMeta) ? fromMeta : null, page.bylineText];
  const found = candidates.find((c): c is string => !!c && normalizeText(c) !== '');
  return found ? normalizeText(found).replace(/^by[:\s]+/i, '') : null;
}

/** rel=canonical (else og:url) resolved against the page URL; only http(s) results count. */
export function chooseCanonical(page: PageMeta, url: string): string | null {
  for (const href of [page.canonicalHref, page.meta.get('og:url')]) {
    if (!href) continue;
    try {
      const resolved = new URL(href.trim(), url);
      if (resolved.protocol === 'http:' || resolved.protocol === 'https:') return resolved.href;
    } catch {
      // An unparseable canonical is ignored, as browsers and crawlers do.
    }
  }
  return null;
}
