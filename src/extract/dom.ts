import { Element, Text, type AnyNode, type Document, type ParentNode } from 'domhandler';
import type { ParsedDocument } from './parse-html.ts';

export type { Document, AnyNode, ParentNode };
export { Element, Text };
export { LEFT_OUT_FIELDS, MAX_DEPTH, MAX_ELEMENTS, parseHtml, REDLINE_FIELDS } from './parse-html.ts';
import { NO_ATTRIBUTES } from './tree-nodes.ts';

type OrderedElement = Element & { docOrder?: number };

/**
 * An element's place in document order, 0 to elementCount(doc) - 1, given by parseHtml (nodes
 * are never moved afterwards, only detached and put back): per-element data of a page lives in
 * flat arrays at this index instead of in Maps. -1 for an element parseHtml did not make.
 */
export function orderOf(el: Element): number {
  return (el as OrderedElement).docOrder ?? -1;
}

/** How many elements parseHtml made for this document (0 for a tree from elsewhere). */
export function elementCount(doc: Document): number {
  return (doc as ParsedDocument).elementList?.length ?? 0;
}

export function isElement(node: AnyNode): node is Element {
  return node instanceof Element;
}

/**
 * Whether parseHtml gave the element no attributes (its one shared empty `attribs`): a quick
 * answer for the tests of attributes every pass runs on every element. False for an element
 * from elsewhere, whatever its attributes.
 */
export function hasNoAttributes(el: Element): boolean {
  return el.attribs === NO_ATTRIBUTES;
}

export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

/**
 * All elements under `root` in document order. Iterative, because some real pages nest
 * thousands of unclosed tags and would overflow a recursive walk.
 */
export function elementsIn(root: ParentNode): Element[] {
  const { elementList: list, attachedScratch: attached } = root as ParsedDocument;
  if (list && attached) return attachedElements(root as Document, list, attached);
  const out: Element[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

/**
 * elementsIn for a document parseHtml made, without walking the tree: nodes are never moved
 * after the parse, only detached and put back where they were, so the elements still in the
 * document are, in document order, those of the parse whose parent is still in it.
 */
function attachedElements(doc: Document, list: Element[], attached: Uint8Array): Element[] {
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    const parent = list[i].parent;
    const inside = parent === doc || (parent !== null && parent instanceof Element && attached[orderOf(parent)] === 1);
    attached[i] = inside ? 1 : 0;
    count += attached[i];
  }
  // Counted first, so the array is made at its size instead of growing by copies.
  const out: Element[] = count <= PRESIZED_MAX ? new Array<Element>(count) : [];
  let k = 0;
  for (let i = 0; i < list.length; i++) if (attached[i] === 1) out[k++] = list[i];
  return out;
}
/** Above this many elements `new Array(n)` would not make a fast array (V8): those grow as usual. */
const PRESIZED_MAX = 50_000;

export function firstElement(root: ParentNode, test: (el: Element) => boolean): Element | null {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (test(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return null;
}

/** Text content of a subtree (raw, not normalised). */
export function textOf(root: AnyNode): string {
  if (root instanceof Text) return root.data;
  if (!isElement(root) && !('children' in root)) return '';
  // Most elements asked for their text hold one text node, or nothing.
  const children = root.children;
  if (children.length === 0) return '';
  if (children.length === 1 && children[0] instanceof Text) return children[0].data;
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Text) parts.push(node.data);
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return parts.join('');
}

export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const i = parent.children.indexOf(node as never);
  if (i >= 0) parent.children.splice(i, 1);
  const prev = node.prev;
  const next = node.next;
  if (prev) prev.next = next;
  if (next) next.prev = prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

/** Why a subtree was taken out of the page by one of the boilerplate passes. */
export type RemovalReason = 'semantic' | 'teaser' | 'linklist' | 'furniture' | 'strong' | 'weak';
export type Remover = (node: Element, reason: RemovalReason) => void;

/**
 * Detaches subtrees like removeNode but remembers where they were, so the page can be put back
 * together after the boilerplate passes and each block can be told which pass would drop it.
 */
export class Removals {
  readonly reasons = new Map<AnyNode, RemovalReason>();
  private readonly log: { node: AnyNode; parent: ParentNode; index: number }[] = [];

  readonly remove: Remover = (node, reason) => {
    const parent = node.parent;
    if (!parent) return;
    // Inside a subtree already taken out: the outer removal is the one that counts.
    for (let p: ParentNode | null = parent; p; p = p.parent) if (this.reasons.has(p)) return;
    const index = parent.children.indexOf(node);
    if (index < 0) return;
    this.log.push({ node, parent, index });
    this.reasons.set(node, reason);
    removeNode(node);
  };

  /** Puts every removed subtree back where it was (in reverse order, so indices hold). */
  restore(): void {
    for (let i = this.log.length - 1; i >= 0; i--) {
      const { node, parent, index } = this.log[i];
      const prev = parent.children[index - 1] ?? null;
      const next = parent.children[index] ?? null;
      parent.children.splice(index, 0, node as never);
      node.parent = parent;
      node.prev = prev;
      node.next = next;
      if (prev) prev.next = node;
      if (next) next.prev = node;
    }
    this.log.length = 0;
  }
}
