/**
 * The tree builder of parseHtml, driven directly by htmlparser2's Tokenizer
 * (tokenizer.ts). It does in one
 * object what htmlparser2's Parser (HTML mode, entities decoded) and domhandler's DomHandler did
 * together, with the same results node for node (dom.test.ts, bench/lib/parse-identity.ts), and
 * with less work: open elements on stacks that grow at the end (Parser shifts and unshifts), no
 * attribs object for an element without attributes, tag and attribute names shared between
 * elements, each element's children in an array of exactly their number.
 */
import { Comment, ProcessingInstruction, type AnyNode, type Document, type Element, type ParentNode, type Text } from 'domhandler';
import { ExtractError } from './errors.ts';
import { NameTable } from './names.ts';
import { FastTokenizer } from './tokenizer.ts';
import { FastElement, FastText, firstAttribute, NO_ATTRIBUTES } from './tree-nodes.ts';
import { foreignContextElements, htmlIntegrationElements, openImpliesClose, svgTagNameAdjustments, voidElements } from './parser-tables.ts';

const FOREIGN_NONE = 0;
const FOREIGN_SVG = 1;
const FOREIGN_MATHML = 2;

/**
 * Tag and attribute names, each kept once (see NameTable). 8192 slots: of the 3.06 million names
 * read on both sets (6,615 distinct), 2048 slots missed 19,395 (names evicting each other from a
 * slot, each miss a new string made the engine's own), 8192 miss 10,132.
 */
const NAMES = new NameTable(8192);

export class TreeBuilder {
  readonly root: Document;
  readonly elements: Element[] = [];
  private html = '';
  // Parser's state: the names of the open elements (the top at the end), the foreign contexts.
  private readonly names: string[] = [];
  private readonly foreign: number[] = [FOREIGN_NONE];
  private tagname = '';
  /** Whether the tag being read will be opened (Parser's `attribs !== null`). */
  private opening = false;
  private attribs: Record<string, string> | null = null;
  /** The names of the tag's attributes so far (the first of a name wins). */
  private readonly attribNames: string[] = [];
  private attribCount = 0;
  private attribname = '';
  private attribvalue = '';
  // DomHandler's state: the open elements (0: the document), the text node still being written.
  private readonly open: ParentNode[];
  private lastNode: Text | Comment | null = null;
  /** The children gathered so far of the element open at each level of `open`. */
  private readonly gathered: AnyNode[][] = [];
  private readonly counts: number[] = [];

  constructor(
    document: Document,
    private readonly maxDepth: number,
    private readonly maxElements: number,
  ) {
    this.root = document;
    this.open = [document];
  }

  build(html: string): void {
    this.html = html;
    const tokenizer = new FastTokenizer({ decodeEntities: true }, this);
    if (html) tokenizer.write(html);
    tokenizer.end();
  }

  // ---- Tokenizer callbacks (Parser's, HTML mode) ----

  ontext(start: number, end: number): void {
    this.addText(this.html.slice(start, end));
  }

  ontextentity(cp: number): void {
    this.addText(String.fromCodePoint(cp));
  }

  isInForeignContext(): boolean {
    return this.foreign[this.foreign.length - 1] !== FOREIGN_NONE;
  }

  onopentagname(start: number, end: number): void {
    this.emitOpenTag(this.readTagName(start, end));
  }

  onopentagend(): void {
    this.endOpenTag();
  }

  onclosetag(start: number, end: number): void {
    const name = this.readTagName(start, end);
    if (!voidElements.has(name)) {
      const names = this.names;
      let at = names.length - 1;
      while (at >= 0 && names[at] !== name) at--;
      if (at >= 0) {
        for (let n = names.length - 1 - at; n > 0; n--) this.popElement();
        this.popElement();
      } else if (name === 'p') {
        // Implicit open before close
        this.emitOpenTag('p');
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      this.openElement('br', NO_ATTRIBUTES);
      this.closeElement();
    }
  }

  onselfclosingtag(): void {
    if (this.isInForeignContext()) this.closeCurrentTag();
    else this.endOpenTag();
  }

  onattribname(start: number, end: number): void {
    this.attribname = NAMES.lower(this.html, start, end);
  }

  onattribdata(start: number, end: number): void {
    this.attribvalue += this.html.slice(start, end);
  }

  onattribentity(cp: number): void {
    this.attribvalue += String.fromCodePoint(cp);
  }

  onattribend(): void {
    if (this.opening) {
      // Parser's `!Object.hasOwn(attribs, name)`, asked of the names so far: the same answer for
      // every name (an attribute named __proto__ is never an own property: setting it to a string
      // does nothing, and does it again for a second one).
      const name = this.attribname;
      const names = this.attribNames;
      let seen = false;
      for (let i = 0; i < this.attribCount; i++)
        if (names[i] === name) {
          seen = true;
          break;
        }
      if (!seen) {
        const attribs = this.attribs;
        if (attribs === null) this.attribs = firstAttribute(name, this.attribvalue);
        else attribs[name] = this.attribvalue;
        names[this.attribCount++] = name;
      }
    }
    this.attribvalue = '';
  }

  ondeclaration(start: number, end: number): void {
    // In HTML mode only a DOCTYPE gets here.
    this.addNode(new ProcessingInstruction('!doctype', `!${this.html.slice(start, end)}`));
  }

  onprocessinginstruction(start: number, end: number): void {
    const value = this.html.slice(start, end);
    const index = value.search(/\s|\//);
    const name = (index < 0 ? value : value.substr(0, index)).toLowerCase();
    this.addNode(new ProcessingInstruction(`?${name}`, `?${value}`));
  }

  oncomment(start: number, end: number, offset: number): void {
    this.addComment(this.html.slice(start, end - offset));
  }

  oncdata(start: number, end: number, offset: number): void {
    const value = this.html.slice(start, end - offset);
    if (this.isInForeignContext()) this.addText(value);
    else this.addComment(`[CDATA[${value}]]`);
  }

  onend(): void {
    // Parser closes every tag still open, then the handler settles the document.
    for (let i = this.names.length - 1; i >= 0; i--) this.closeElement();
    this.settle(0);
  }

  // ---- Parser ----

  private readTagName(start: number, end: number): string {
    const name = NAMES.lower(this.html, start, end);
    const foreign = this.foreign;
    if (foreign[foreign.length - 1] === FOREIGN_SVG) return svgTagNameAdjustments.get(name) ?? name;
    if (foreign.length > 1) {
      const adjusted = svgTagNameAdjustments.get(name);
      if (adjusted !== undefined && this.names.includes(adjusted)) return adjusted;
    }
    if (!this.isInForeignContext()) return name === 'image' ? 'img' : name;
    return name;
  }

  private emitOpenTag(name: string): void {
    const names = this.names;
    // Deeper than maxDepth the tag is dropped, as Parser drops a nested <form>: an empty tag
    // name makes the attributes, the open event and any later close of this tag no-ops.
    if ((names.length >= this.maxDepth && !voidElements.has(name)) || (name === 'form' && names.includes('form'))) {
      this.tagname = '';
      return;
    }
    this.tagname = name;
    const impliesClose = openImpliesClose.get(name);
    if (impliesClose) while (names.length > 0 && impliesClose.has(names[names.length - 1])) this.popElement();
    if (!voidElements.has(name)) {
      names.push(name);
      if (name === 'svg') this.foreign.push(FOREIGN_SVG);
      else if (name === 'math') this.foreign.push(FOREIGN_MATHML);
      else if (htmlIntegrationElements.has(name)) this.foreign.push(FOREIGN_NONE);
    }
    this.opening = true;
    this.attribCount = 0;
  }

  private endOpenTag(): void {
    if (this.opening) {
      this.openElement(this.tagname, this.attribs ?? NO_ATTRIBUTES);
      this.opening = false;
      this.attribs = null;
      this.attribCount = 0;
    }
    if (voidElements.has(this.tagname)) this.closeElement();
    this.tagname = '';
  }

  private popElement(): void {
    const name = this.names.pop()!;
    if (foreignContextElements.has(name) || htmlIntegrationElements.has(name)) this.foreign.pop();
    this.closeElement();
  }

  private closeCurrentTag(): void {
    const name = this.tagname;
    this.endOpenTag();
    // Self-closing tags will be on the top of the stack
    if (this.names[this.names.length - 1] === name) this.popElement();
  }

  // ---- DomHandler ----

  private openElement(name: string, attribs: Record<string, string>): void {
    const elements = this.elements;
    if (elements.length >= this.maxElements)
      throw new ExtractError('too-complex', `the page has more than ${this.maxElements.toLocaleString('en')} elements`);
    const element = new FastElement(name, attribs, elements.length);
    elements.push(element);
    this.addNode(element);
    this.open.push(element);
    this.counts[this.open.length - 1] = 0;
  }

  private closeElement(): void {
    this.settle(this.open.length - 1);
    this.lastNode = null;
    this.open.pop();
  }

  private addText(data: string): void {
    const last = this.lastNode;
    if (last !== null && last.type === 'text') last.data += data;
    else {
      const node = new FastText(data);
      this.addNode(node);
      this.lastNode = node;
    }
  }

  /** A comment node of its own (Parser ends each comment, so comments never merge). */
  private addComment(data: string): void {
    this.addNode(new Comment(data));
  }

  /** DomHandler's addNode, the child kept in the level's gathered array instead of the parent's children. */
  private addNode(node: AnyNode): void {
    const level = this.open.length - 1;
    const parent = this.open[level];
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
    this.lastNode = null;
  }

  /** Gives the element open at `level` its gathered children. */
  private settle(level: number): void {
    const count = this.counts[level] ?? 0;
    if (count === 0) return;
    this.open[level].children = this.gathered[level].slice(0, count) as never;
    this.counts[level] = 0;
  }
}
