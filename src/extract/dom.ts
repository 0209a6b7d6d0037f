import { Element, Text, type AnyNode, type Document, type ParentNode } from 'domhandler';
import type { ParsedDocument } from './parse-html.ts';

export type { Document, AnyNode, ParentNode };
export { Element, Text };
export { LEFT_OUT_FIELDS, MAX_DEPTH, MAX_ELEMENTS, parseHtml, REDLINE_FIELDS } from './parse-html.ts';
import { NO_ATTRIBUTES } from './tree-nodes.ts';

type OrderedElement = Element & { docOrder?: number };

/**
 * An element's place in document order, 0 to elementCount(doc) - 1, given by parseHtml (nodes
 * are detached and put back, and moved only by forgetParseOrder's caller): per-element data of a
 * page lives in flat arrays at this index instead of in Maps. -1 for an element parseHtml did not make.
 */
export function orderOf(el: Element): number {
  return (el as OrderedElement).docOrder ?? -1;
}

/**
 * After nodes were moved (streamed.ts puts React's streamed segments in place), the parse's order
 * is no longer the document's: elementsIn walks the tree from then on. orderOf still numbers the
 * elements, for the per-element arrays.
 */
export function forgetParseOrder(doc: Document): void {
  (doc as ParsedDocument).attachedScratch = undefined;
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
  unlink(node);
}

/**
 * Moves every child of `from`, in order, into `parent` before `before` (at the end when `before`
 * is null or not its child), in one pass: a removeNode and an insert per child is quadratic in
 * their number.
 */
export function moveChildren(from: ParentNode, parent: ParentNode, before: AnyNode | null): void {
  if (from.children.length === 0) return;
  const nodes = from.children.splice(0);
  // A childless parsed element shares one frozen empty array: it gets its own.
  if (Object.isFrozen(parent.children)) parent.children = [];
  const list = parent.children;
  const index = before && before.parent === parent ? list.indexOf(before) : -1;
  const at = index >= 0 ? index : list.length;
  // One splice; spread arguments are bounded, so many nodes are put in by rebuilding the tail.
  if (nodes.length <= 1000) list.splice(at, 0, ...nodes);
  else {
    const tail = list.slice(at);
    list.length = at;
    for (const node of nodes) list.push(node);
    for (const node of tail) list.push(node);
  }
  for (let i = Math.max(0, at - 1); i < Math.min(list.length, at + nodes.length + 1); i++) {
    const node = list[i];
    node.parent = parent;
    node.prev = list[i - 1] ?? null;
    node.next = list[i + 1] ?? null;
  }
}

/** Why a subtree was taken out of the page by one of the boilerplate passes. */
export type RemovalReason = 'semantic' | 'teaser' | 'linklist' | 'furniture' | 'strong' | 'weak';
export type Remover = (node: Element, reason: RemovalReason) => void;

/**
 * Detaches subtrees like removeNode but remembers where they were, so the page can be put back
 * together after the boilerplate passes and each block can be told which pass would drop it.
 * A removal unlinks the node at once (its `parent`, `prev` and `next`), but the children arrays
 * of the parents it touched are brought up to date by `flush()`, all in one pass over them: one
 * `indexOf` and `splice` per removal made a page of many siblings quadratic (60,000 `<aside>`s in
 * one parent, 0.9 MB, took 14 s). The passes run in document order and read no children array
 * that a removal of the same pass has changed; `runPasses` flushes after each pass.
 */
export class Removals {
  readonly reasons = new Map<AnyNode, RemovalReason>();
  /** Each parent a removal touched, with its children as they were before the first. */
  private readonly originals = new Map<ParentNode, AnyNode[]>();
  private readonly stale = new Set<ParentNode>();

  readonly remove: Remover = (node, reason) => {
    const parent = node.parent;
    if (!parent) return;
    // Inside a subtree already taken out: the outer removal is the one that counts.
    for (let p: ParentNode | null = parent; p; p = p.parent) if (this.reasons.has(p)) return;
    if (!this.originals.has(parent)) {
      if (!parent.children.includes(node)) return;
      this.originals.set(parent, parent.children.slice());
    }
    this.reasons.set(node, reason);
    this.stale.add(parent);
    unlink(node);
  };

  /** Drops the removed nodes from their parents' children arrays. */
  flush(): void {
    for (const parent of this.stale) compactChildren(parent);
    this.stale.clear();
  }

  /** Puts every removed subtree back where it was. */
  restore(): void {
    for (const [parent, children] of this.originals) {
      const list = parent.children;
      list.length = 0;
      for (let i = 0; i < children.length; i++) {
        const node = children[i];
        list.push(node);
        node.parent = parent;
        node.prev = children[i - 1] ?? null;
        node.next = children[i + 1] ?? null;
      }
    }
    this.originals.clear();
    this.stale.clear();
  }
}

/**
 * Detaches every node of `nodes` (in any order, some perhaps inside others) in one pass over
 * their parents' children, where a removeNode each would be quadratic in a parent's children.
 */
export function removeNodes(nodes: readonly AnyNode[]): void {
  const parents = new Set<ParentNode>();
  for (const node of nodes) {
    if (!node.parent) continue;
    parents.add(node.parent);
    unlink(node);
  }
  for (const parent of parents) compactChildren(parent);
}

function unlink(node: AnyNode): void {
  const prev = node.prev;
  const next = node.next;
  if (prev) prev.next = next;
  if (next) next.prev = prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

/** Keeps, in place, the children that still have this parent. */
function compactChildren(parent: ParentNode): void {
  const list = parent.children;
  let kept = 0;
  for (let i = 0; i < list.length; i++) if (list[i].parent === parent) list[kept++] = list[i];
  list.length = kept;
}
