import { normalizeText } from '../text/normalize.ts';
import { attr, elementsIn, hasNoAttributes, isElement, Text, textOf, type AnyNode, type Document, type Element } from './dom.ts';
import type { LinkedArticle } from './jsonld.ts';

export { chooseTitle, comparable, stripSiteName } from './headline.ts';

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
    else if (el.name === 'h1') h1s.push(normalizeText(headingText(el)));
    else if (el.name === 'link' && /\bcanonical\b/i.test(attr(el, 'rel')) && !canonicalHref) canonicalHref = attr(el, 'href') || null;
    else if (el.name === 'time' && !timeDatetime && attr(el, 'datetime')) timeDatetime = attr(el, 'datetime');
    else if (!bylineText && isBylineElement(el)) bylineText = cleanByline(textOf(el));
  }
  return { meta, title, h1s: h1s.filter(Boolean), canonicalHref, timeDatetime, bylineText };
}

/** A heading's text with a space where a line break or a block inside it parts words ("WEEKEND<br>CODING"). */
function headingText(root: Element): string {
  const parts: string[] = [];
  const stack: (AnyNode | ' ')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === ' ' || node instanceof Text) parts.push(node === ' ' ? ' ' : node.data);
    else if (isElement(node)) {
      if (node.name === 'br' || BLOCKS.has(node.name)) parts.push(' ');
      if (BLOCKS.has(node.name)) stack.push(' ');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return parts.join('');
}
const BLOCKS = new Set([
  'div',
  'p',
  'li',
  'ul',
  'ol',
  'section',
  'header',
  'figure',
  'figcaption',
  'table',
  'tr',
  'td',
  'th',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

function isBylineElement(el: Element): boolean {
  // Every test below is false of empty attributes.
  if (hasNoAttributes(el)) return false;
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
