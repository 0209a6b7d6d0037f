/** The HTML parser of extract/: htmlparser2's tokenizer with a depth and an element bound, building domhandler-shaped nodes fast. */
import { Document, type Element } from 'domhandler';
import { TreeBuilder } from './tree-builder.ts';

/** Every element parseHtml made, in document order (the order they were opened). */
export type ParsedDocument = Document & { elementList?: Element[]; attachedScratch?: Uint8Array };

/**
 * Deepest element nesting kept, as in Chromium's HTML parser (512): a tag opened deeper is
 * dropped and its content flows into the element at the limit. A close tag is looked for among
 * the open elements, so 1,000,000 unclosed `<b>` would cost minutes (quadratic); with the bound
 * every tag costs at most MAX_DEPTH steps.
 */
export const MAX_DEPTH = 512;

/**
 * Most elements parsed from one page. The largest of the 976 real article pages in ../shared has
 * under 5,000; a page of 200,000 short paragraphs needs about 250 MB of heap to extract. Past the
 * bound the page fails with `too-complex` before its tree can outgrow the parsing thread's heap
 * budget (worker.extractMemoryMb): a worker thread that hits its V8 heap limit can take the whole
 * process down with it (Node 20), so the heap limit must stay a last line that pages never reach.
 */
export const MAX_ELEMENTS = 200_000;

/**
 * domhandler's fields that parseHtml's nodes leave out: source positions (domhandler records
 * them only when asked, and parseHtml never asks: they stay null there) and parse5's namespaces
 * (undefined there). Reading one gives undefined. Every page's tree is copied by the garbage
 * collector while it is read, so its size counts: without them the young generation promotes
 * 8 % fewer bytes.
 */
export const LEFT_OUT_FIELDS = ['startIndex', 'endIndex', 'namespace', 'x-attribsNamespace', 'x-attribsPrefix'];

export function parseHtml(html: string): Document {
  const builder = new TreeBuilder(new Document([]), MAX_DEPTH, MAX_ELEMENTS);
  builder.build(html);
  const doc = builder.root as ParsedDocument;
  doc.elementList = builder.elements;
  doc.attachedScratch = new Uint8Array(builder.elements.length);
  return doc;
}

/** The own fields parseHtml adds to each element, after domhandler's. */
export const REDLINE_FIELDS = ['docOrder', 'classWords', 'tokens', 'negative'];
