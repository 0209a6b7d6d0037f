import { parseDocument } from 'htmlparser2';
import { Element, Text, type AnyNode, type Document, type ParentNode } from 'domhandler';

export type { Document, Element, AnyNode, ParentNode };
export { Text };

export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

export function isElement(node: AnyNode): node is Element {
  return node instanceof Element;
}

export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

/**
 * All elements under `root` in document order. Iterative, because some real pages nest
 * thousands of unclosed tags and would overflow a recursive walk.
 */
export function elementsIn(root: ParentNode): Element[] {
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
