import { Parser } from 'htmlparser2';
import { FeedError } from './errors.ts';

/**
 * Most elements read from one document. A sitemap at Google's cap (50,000 URLs, each with its news
 * and image tags) has under 500,000; a million empty elements take about 200 MB of heap. Past the
 * bound the document fails with `too-large` before its tree nears the parsing thread's heap limit,
 * which on Node 20 can abort the whole process (see extract/parse-html.ts MAX_ELEMENTS).
 */
export const MAX_XML_ELEMENTS = 1_000_000;

/**
 * A small XML element tree for feeds, built with htmlparser2's tolerant tokenizer. Each element
 * knows its namespace (resolved from xmlns declarations, with the conventional prefixes as a
 * fallback for feeds that forget to declare them), its xml:base, and whether it was closed by
 * its own end tag: after an XML error, only complete elements are trusted.
 */
export interface XmlElement {
  /** Local name, lower-cased (feeds are sloppy about case: pubDate, pubdate). */
  local: string;
  /** Short namespace key ('atom', 'dc', 'media', ...), '' for RSS / no namespace, else the URI. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's xml:base, resolved against its ancestors' and the document URL. */
  base: string;
  /** Closed by its own end tag, and so were all its descendants. */
  complete: boolean;
}

export type XmlNode = XmlElement | string;

const NAMESPACES: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://www.sitemaps.org/schemas/sitemap/0.9': 'sitemap',
  'http://www.google.com/schemas/sitemap-news/0.9': 'news',
  'http://www.w3.org/1999/xhtml': 'xhtml',
};

/** What an undeclared prefix most likely means. */
const CONVENTIONAL_PREFIXES: Record<string, string> = {
  atom: 'atom',
  atom10: 'atom',
  a10: 'atom',
  dc: 'dc',
  dcterms: 'dcterms',
  media: 'media',
  rdf: 'rdf',
  news: 'news',
  xhtml: 'xhtml',
};

function namespaceKey(uri: string): string {
  return NAMESPACES[uri.trim().toLowerCase()] ?? NAMESPACES[uri.trim()] ?? uri.trim();
}

function resolveBase(value: string | undefined, parentBase: string): string {
  if (!value) return parentBase;
  try {
    return new URL(value.trim(), parentBase).href;
  } catch {
    return parentBase;
  }
}

/** Builds the tree of `text`; the document URL is the base of everything. Returns the root element or null. */
export function buildXmlTree(text: string, documentUrl: string): XmlElement | null {
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  const scopes: Record<string, string>[] = [{ xml: 'xml' }];
  let elements = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++elements > MAX_XML_ELEMENTS) {
          throw new FeedError('too-large', `${documentUrl}: more than ${MAX_XML_ELEMENTS.toLocaleString('en')} elements`);
        }
        const scope = { ...scopes[scopes.length - 1] };
        for (const [k, v] of Object.entries(attrs)) {
          if (k === 'xmlns') scope[''] = namespaceKey(v);
          else if (k.startsWith('xmlns:')) scope[k.slice(6).toLowerCase()] = namespaceKey(v);
        }
        scopes.push(scope);
        const colon = name.indexOf(':');
        const prefix = colon < 0 ? '' : name.slice(0, colon).toLowerCase();
        const ns = scope[prefix] ?? (prefix ? (CONVENTIONAL_PREFIXES[prefix] ?? prefix) : '');
        const parent = stack[stack.length - 1];
        const el: XmlElement = {
          local: name.slice(colon + 1).toLowerCase(),
          ns,
          attrs,
          children: [],
          base: resolveBase(attrs['xml:base'], parent?.base ?? documentUrl),
          complete: true,
        };
        if (parent) parent.children.push(el);
        else root ??= el;
        stack.push(el);
      },
      ontext(data) {
        const parent = stack[stack.length - 1];
        if (!parent) return;
        const last = parent.children[parent.children.length - 1];
        if (typeof last === 'string') parent.children[parent.children.length - 1] = last + data;
        else parent.children.push(data);
      },
      onclosetag(_name, isImplied) {
        const el = stack.pop();
        scopes.pop();
        if (!el) return;
        if (isImplied) el.complete = false;
        const parent = stack[stack.length - 1];
        if (parent && !el.complete) parent.complete = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  return root;
}

export function childElements(el: XmlElement, ns?: string, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c !== 'string' && (ns === undefined || c.ns === ns) && (local === undefined || c.local === local)) out.push(c);
  }
  return out;
}

export function firstChild(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  return childElements(el, ns, local)[0];
}

/** Depth-first search for the first descendant with that name. */
export function firstDescendant(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  for (const c of childElements(el)) {
    if (c.ns === ns && c.local === local) return c;
    const deeper = firstDescendant(c, ns, local);
    if (deeper) return deeper;
  }
  return undefined;
}

/** The text content of an element and its descendants (entities decoded once, as XML says). */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

/** Attribute by local name, whatever its prefix (`rdf:about`, `about`). */
export function attr(el: XmlElement, local: string): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) {
    if (k.toLowerCase() === local || k.toLowerCase().endsWith(`:${local}`)) return v;
  }
  return undefined;
}
