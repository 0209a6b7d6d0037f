/** The HTML parser of extract/: htmlparser2 with a depth and an element bound, building domhandler-shaped nodes fast. */
import { Parser } from 'htmlparser2';
import { DomHandler, Element, Text, type AnyNode, type Document, type ParentNode } from 'domhandler';
import { ExtractError } from './errors.ts';

/** Every element parseHtml made, in document order (the order they were opened). */
export type ParsedDocument = Document & { elementList?: Element[]; attachedScratch?: Uint8Array };

/**
 * Deepest element nesting kept, as in Chromium's HTML parser (512): a tag opened deeper is
 * dropped and its content flows into the element at the limit. htmlparser2 keeps its open
 * elements in an array it shifts and unshifts, so 1,000,000 unclosed `<b>` cost minutes
 * (quadratic); with the bound every tag costs at most MAX_DEPTH steps.
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

interface ParserInternals {
  stack: string[];
  tagname: string;
  openTagStart: number;
  startIndex: number;
  isVoidElement(name: string): boolean;
  emitOpenTag(name: string): void;
}

const baseEmitOpenTag = (Parser.prototype as unknown as ParserInternals).emitOpenTag;
if (typeof baseEmitOpenTag !== 'function')
  throw new Error('htmlparser2 changed: Parser.emitOpenTag is gone (see MAX_DEPTH in extract/parse-html.ts)');

/** A parser that drops open tags beyond MAX_DEPTH (patched on the instance: emitOpenTag is private). */
function depthBoundParser(handler: DomHandler): Parser {
  const parser = new Parser(handler, { decodeEntities: true });
  const self = parser as unknown as ParserInternals;
  self.emitOpenTag = (name: string) => {
    if (self.stack.length >= MAX_DEPTH && !self.isVoidElement(name)) {
      // What htmlparser2 itself does with a nested <form>: an empty tag name makes the
      // attributes, the open event and any later close of this tag no-ops.
      self.openTagStart = self.startIndex;
      self.tagname = '';
      return;
    }
    baseEmitOpenTag.call(parser, name);
  };
  return parser;
}

/**
 * domhandler's nodes declare class fields, and V8 (Node 20) defines class fields far more slowly
 * than it runs plain assignments: building the nodes was a tenth of the extraction's time. These
 * constructors make the same objects (same prototype, same own properties in the same order, so
 * `instanceof Element`, css-select and domutils see no difference) by assignment, less the
 * fields in LEFT_OUT_FIELDS: source positions (domhandler records them only when asked, and
 * parseHtml never asks: they stay null there) and parse5's namespaces (undefined there). Reading
 * one gives undefined. Every page's tree is copied by the garbage collector while it is read, so
 * its size counts: without them the young generation promotes 8 % fewer bytes.
 */
export const LEFT_OUT_FIELDS = ['startIndex', 'endIndex', 'namespace', 'x-attribsNamespace', 'x-attribsPrefix'];
/**
 * The children of every element that has none: one frozen array instead of an empty one per
 * element (18 % of the elements of the WCXB pages have none). Nodes are only ever put back where
 * they were taken from, never added to a childless element; adding one would throw.
 */
const NO_CHILDREN: AnyNode[] = Object.freeze([]) as unknown as AnyNode[];
const FastElement = function (this: Record<string, unknown>, name: string, attribs: Record<string, string>, order: number) {
  this.parent = null;
  this.prev = null;
  this.next = null;
  // Until it closes with children of its own (see FastHandler.settle).
  this.children = NO_CHILDREN;
  this.name = name;
  this.attribs = attribs;
  this.type = name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag';
  // Redline's own (REDLINE_FIELDS): the element's place in document order (see `orderOf`), and
  // the words of its class and id once split (see clean.ts's classWords), its class/id tokens
  // (features.ts's tokensOf).
  this.docOrder = order;
  this.classWords = undefined;
  this.tokens = undefined;
} as unknown as new (name: string, attribs: Record<string, string>, order: number) => Element;
FastElement.prototype = Element.prototype;
const FastText = function (this: Record<string, unknown>, data: string) {
  this.parent = null;
  this.prev = null;
  this.next = null;
  this.data = data;
  this.type = 'text';
} as unknown as new (data: string) => Text;
FastText.prototype = Text.prototype;

interface HandlerInternals {
  lastNode: Text | null;
  tagStack: ParentNode[];
  addNode(node: AnyNode): void;
}

/**
 * DomHandler building its elements and text nodes with the constructors above. Children are
 * gathered in one reused array per open level and each element gets an array of exactly its
 * children when it closes: a children array grown by push holds room for 17 or more, and every
 * page's tree is copied by the garbage collector while it is being read.
 */
class FastHandler extends DomHandler {
  readonly elements: Element[] = [];
  /** The children gathered so far of the element open at each level of tagStack (0: the document). */
  private readonly gathered: AnyNode[][] = [];
  private readonly counts: number[] = [];

  override onopentag(name: string, attribs: Record<string, string>): void {
    const self = this as unknown as HandlerInternals;
    if (this.elements.length >= MAX_ELEMENTS)
      throw new ExtractError('too-complex', `the page has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`);
    const element = new FastElement(name, attribs, this.elements.length);
    this.elements.push(element);
    self.addNode(element);
    self.tagStack.push(element);
    this.counts[self.tagStack.length - 1] = 0;
  }

  override ontext(data: string): void {
    const self = this as unknown as HandlerInternals;
    const last = self.lastNode;
    if (last && last.type === 'text') last.data += data;
    else {
      const node = new FastText(data);
      self.addNode(node);
      self.lastNode = node;
    }
  }

  /** domhandler's addNode, the child kept in the level's gathered array instead of the parent's children. */
  addNode(node: AnyNode): void {
    const self = this as unknown as HandlerInternals;
    const level = self.tagStack.length - 1;
    const parent = self.tagStack[level];
    const gathered = (this.gathered[level] ??= []);
    const count = this.counts[level] ?? 0;
    if (count > 0) {
      const previous = gathered[count - 1];
      node.prev = previous;
      previous.next = node;
    }
    gathered[count] = node;
    this.counts[level] = count + 1;
    node.parent = parent;
    self.lastNode = null;
  }

  override onclosetag(): void {
    const self = this as unknown as HandlerInternals;
    this.settle(self.tagStack.length - 1);
    super.onclosetag();
  }

  override onend(): void {
    this.settle(0);
    super.onend();
  }

  /** Gives the element open at `level` its gathered children. */
  private settle(level: number): void {
    const self = this as unknown as HandlerInternals;
    const count = this.counts[level] ?? 0;
    if (count === 0) return;
    const parent = self.tagStack[level];
    parent.children = this.gathered[level].slice(0, count) as never;
    this.counts[level] = 0;
  }
}

export function parseHtml(html: string): Document {
  const handler = new FastHandler(undefined, {});
  depthBoundParser(handler).end(html);
  const doc = handler.root as ParsedDocument;
  doc.elementList = handler.elements;
  doc.attachedScratch = new Uint8Array(handler.elements.length);
  return doc;
}

/** The own fields parseHtml adds to each element, after domhandler's. */
export const REDLINE_FIELDS = ['docOrder', 'classWords', 'tokens'];
