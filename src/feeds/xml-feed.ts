import { tryCanonicalizeHttpUrl } from './canonical.ts';
import { rssItemUrl } from './item-url.ts';
import { atomText, untypedText } from './text-construct.ts';
import type { FeedItem } from './types.ts';
import { parseDate } from './values.ts';
import { attr, childElements, firstChild, firstDescendant, textContent, type XmlElement } from './xml-tree.ts';

export type XmlFeedFormat = 'rss' | 'rdf' | 'atom';

export interface XmlFeed {
  items: FeedItem[];
  /** Items whose element was cut off or broken (only non-zero after an XML error). */
  incomplete: number;
  /** WebSub hub and self URLs the feed advertises (`<link rel="hub">`, `<atom:link rel="self">`). */
  hub: string | null;
  self: string | null;
}

/** Atom elements appear in RSS under a prefix and in Atom feeds that forgot their xmlns without one. */
const isAtom = (el: XmlElement, local: string, atomNs: string) => el.local === local && (el.ns === 'atom' || el.ns === atomNs);

/** Items of an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom document; only complete ones when `completeOnly`. */
export function readXmlFeed(format: XmlFeedFormat, root: XmlElement, completeOnly: boolean): XmlFeed {
  const atomNs = format === 'atom' ? '' : 'atom';
  const channel = format === 'atom' ? root : (firstChild(root, '', 'channel') ?? root);
  const entries =
    format === 'atom'
      ? childElements(root).filter((e) => isAtom(e, 'entry', atomNs))
      : [...childElements(channel, '', 'item'), ...(channel === root ? [] : childElements(root, '', 'item'))];
  const items: FeedItem[] = [];
  let incomplete = 0;
  for (const entry of entries) {
    if (completeOnly && !entry.complete) {
      incomplete++;
      continue;
    }
    const url = format === 'atom' ? atomEntryUrl(entry, atomNs) : rssEntryUrl(entry);
    if (!url) continue;
    items.push({ url, title: entryTitle(format, entry, atomNs), publishedAt: entryDate(entry, atomNs) });
  }
  const links = childElements(channel).filter((l) => isAtom(l, 'link', atomNs));
  return { items, incomplete, hub: linkHref(links, 'hub'), self: linkHref(links, 'self') };
}

function linkHref(links: XmlElement[], rel: string): string | null {
  const link = links.find((l) => (l.attrs.rel ?? '').trim().toLowerCase() === rel && l.attrs.href);
  return link ? tryCanonicalizeHttpUrl(link.attrs.href, link.base) : null;
}

/** Atom: the rel="alternate" link (rel defaults to alternate), HTML preferred, resolved against its own xml:base. */
function atomEntryUrl(entry: XmlElement, atomNs: string): string | null {
  const alternates = childElements(entry).filter(
    (l) => isAtom(l, 'link', atomNs) && l.attrs.href && ['', 'alternate'].includes((l.attrs.rel ?? '').trim().toLowerCase()),
  );
  const link = alternates.find((l) => !l.attrs.type || /html/i.test(l.attrs.type)) ?? alternates[0];
  return link ? tryCanonicalizeHttpUrl(link.attrs.href, link.base) : null;
}

/** RSS and RDF: <link>, a guid that is a permalink, rdf:about, or an atom:link, in that order of trust. */
function rssEntryUrl(item: XmlElement): string | null {
  const linkEl = firstChild(item, '', 'link');
  const linkText = linkEl ? textContent(linkEl).trim() || linkEl.attrs.href : undefined;
  const guidEl = firstChild(item, '', 'guid');
  const guid = guidEl
    ? {
        value: textContent(guidEl).trim(),
        isPermaLink: !/^\s*false\s*$/i.test(guidEl.attrs.isPermaLink ?? guidEl.attrs.ispermalink ?? 'true'),
      }
    : undefined;
  const fromRss = rssItemUrl(linkText, guid, linkEl?.base ?? item.base);
  if (fromRss) return fromRss;
  const about = attr(item, 'about');
  if (about) return tryCanonicalizeHttpUrl(about, item.base);
  const atomLink = childElements(item).find(
    (l) => l.ns === 'atom' && l.local === 'link' && l.attrs.href && ['', 'alternate'].includes((l.attrs.rel ?? '').trim()),
  );
  return atomLink ? tryCanonicalizeHttpUrl(atomLink.attrs.href, atomLink.base) : null;
}

function entryTitle(format: XmlFeedFormat, entry: XmlElement, atomNs: string): string | null {
  const own =
    format === 'atom'
      ? atomText(childElements(entry).find((e) => isAtom(e, 'title', atomNs)))
      : untypedText(firstChild(entry, '', 'title'));
  return own ?? untypedText(firstChild(entry, 'dc', 'title')) ?? mediaTitle(entry);
}

/** media:title directly on the item, else inside media:group or media:content. */
function mediaTitle(entry: XmlElement): string | null {
  const el = firstChild(entry, 'media', 'title') ?? firstDescendant(entry, 'media', 'title');
  if (!el) return null;
  return /html/i.test(el.attrs.type ?? '') ? atomText({ ...el, attrs: { type: 'html' } }) : untypedText(el);
}

const DATE_FIELDS: [ns: string, local: string][] = [
  ['', 'pubdate'],
  ['atom', 'published'],
  ['atom', 'issued'],
  ['dc', 'date'],
  ['dcterms', 'issued'],
  ['dcterms', 'created'],
  ['atom', 'created'],
  ['atom', 'updated'],
  ['atom', 'modified'],
  ['dcterms', 'modified'],
];

function entryDate(entry: XmlElement, atomNs: string): number | null {
  for (const [ns, local] of DATE_FIELDS) {
    const el = childElements(entry).find((e) => e.local === local && (e.ns === ns || (ns === 'atom' && e.ns === atomNs)));
    const t = el ? parseDate(textContent(el)) : null;
    if (t !== null) return t;
  }
  return null;
}
