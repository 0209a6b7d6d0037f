/**
 * The nodes parseHtml's tree builder (tree-builder.ts) makes: domhandler's Element and Text, built
 * by plain assignment, and the shared frozen children and attributes of elements that have none.
 */
import { Element, Text, type AnyNode } from 'domhandler';

/**
 * The children of every element that has none: one frozen array instead of an empty one per
 * element (18 % of the elements of the WCXB pages have none). Nodes are only ever put back where
 * they were taken from, never added to a childless element; adding one would throw.
 */
const NO_CHILDREN: AnyNode[] = Object.freeze([]) as unknown as AnyNode[];
/** The attributes of every element that has none (a fifth of the elements of both sets), frozen likewise. */
export const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * domhandler's nodes declare class fields, and V8 (Node 20) defines class fields far more slowly
 * than it runs plain assignments. These constructors make the same objects (same prototype, same
 * own properties in the same order, so `instanceof Element`, css-select and domutils see no
 * difference) by assignment, less the fields in LEFT_OUT_FIELDS (parse-html.ts).
 */
export const FastElement = function (this: Record<string, unknown>, name: string, attribs: Record<string, string>, order: number) {
  this.parent = null;
  this.prev = null;
  this.next = null;
  // Until it closes with children of its own (see TreeBuilder.settle).
  this.children = NO_CHILDREN;
  this.name = name;
  this.attribs = attribs;
  this.type = name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag';
  // Redline's own (REDLINE_FIELDS): the element's place in document order (see `orderOf`), and
  // the words of its class and id once split (see clean.ts's classWords), its class/id tokens
  // (features.ts's tokensOf), and its class/id/component words' verdict (clean.ts's negativeStrength).
  this.docOrder = order;
  this.classWords = undefined;
  this.tokens = undefined;
  this.negative = undefined;
} as unknown as new (name: string, attribs: Record<string, string>, order: number) => Element;
FastElement.prototype = Element.prototype;
export const FastText = function (this: Record<string, unknown>, data: string) {
  this.parent = null;
  this.prev = null;
  this.next = null;
  this.data = data;
  this.type = 'text';
} as unknown as new (data: string) => Text;
FastText.prototype = Text.prototype;

/**
 * A tag's attributes object made with its first attribute. Every attribute put into an object
 * by name goes through the engine's one generic keyed store (all elements' objects, of
 * thousands of shapes, pass through it), which costs about 0.25 µs; the names most elements
 * start with (class, href or id on 71 % of the elements that have attributes) are put in by an
 * object literal instead, one shape each. The same object: own data properties in the same order.
 */
export function firstAttribute(name: string, value: string): Record<string, string> {
  switch (name) {
    case 'class':
      return { class: value };
    case 'href':
      return { href: value };
    case 'id':
      return { id: value };
    case 'rel':
      return { rel: value };
    case 'type':
      return { type: value };
    case 'src':
      return { src: value };
    case 'style':
      return { style: value };
    default: {
      // An attribute named __proto__ is no own property: the store leaves an empty object, as Parser's does.
      const attribs: Record<string, string> = {};
      attribs[name] = value;
      return attribs;
    }
  }
}
