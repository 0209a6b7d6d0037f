import { parseOpml as parseOpmlDocument } from 'feedsmith';
import { FeedError } from './errors.ts';
import { assertSafeXml, rootElementName, stripBom } from './xml-guard.ts';

export interface OpmlFeed {
  title: string;
  feedUrl: string;
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

/** Every feed in an OPML subscription list, nested folders included, in document order, without duplicates. */
export function parseOpml(text: string): OpmlFeed[] {
  const doc = stripBom(text).trimStart();
  assertSafeXml(doc, 'OPML');
  const root = rootElementName(doc);
  if (root !== 'opml') throw new FeedError('unknown-format', `OPML: expected an <opml> document, found ${root ? `<${root}>` : 'no XML'}`);
  let parsed: { body?: { outlines?: Outline[] } };
  try {
    parsed = parseOpmlDocument(doc) as typeof parsed;
  } catch (err) {
    throw new FeedError('malformed', `OPML: cannot parse: ${(err as Error).message}`, { cause: err });
  }
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const walk = (outlines: Outline[] | undefined) => {
    for (const o of outlines ?? []) {
      const feedUrl = o.xmlUrl?.trim();
      if (feedUrl && !seen.has(feedUrl)) {
        seen.add(feedUrl);
        feeds.push({ title: (o.title ?? o.text ?? '').trim() || feedUrl, feedUrl });
      }
      walk(o.outlines);
    }
  };
  walk(parsed.body?.outlines);
  return feeds;
}
