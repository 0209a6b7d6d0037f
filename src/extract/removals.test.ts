import { Element, type AnyNode, type ParentNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { elementsIn, moveChildren, parseHtml, Removals, removeNode, removeNodes, type RemovalReason } from './dom.ts';

/** The Removals of before: an indexOf and a splice per removal, re-inserted by index in reverse. */
class SplicingRemovals {
  readonly reasons = new Map<AnyNode, RemovalReason>();
  private readonly log: { node: AnyNode; parent: ParentNode; index: number }[] = [];
  remove(node: Element, reason: RemovalReason): void {
    const parent = node.parent;
    if (!parent) return;
    for (let p: ParentNode | null = parent; p; p = p.parent) if (this.reasons.has(p)) return;
    const index = parent.children.indexOf(node);
    if (index < 0) return;
    this.log.push({ node, parent, index });
    this.reasons.set(node, reason);
    removeNode(node);
  }
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
  }
}

/** The tree as names, every parent/prev/next link checked on the way. */
function shape(node: ParentNode): string[] {
  return node.children.map((c, i) => {
    if (c.parent !== node || c.prev !== (node.children[i - 1] ?? null) || c.next !== (node.children[i + 1] ?? null))
      throw new Error(`broken links at child ${i}`);
    return c instanceof Element ? `${c.name}(${shape(c).join(',')})` : c.type;
  });
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** A page of nested elements, runs of many siblings among them, text and comments between. */
function randomPage(rand: () => number): string {
  const names = ['div', 'p', 'span', 'aside', 'ul', 'li', 'section', 'b'];
  const part = (depth: number): string => {
    const n = depth > 3 ? 0 : depth <= 1 && rand() < 0.3 ? 30 : Math.floor(rand() * 4);
    let out = '';
    for (let i = 0; i < n; i++) {
      const name = names[Math.floor(rand() * names.length)];
      out += rand() < 0.2 ? `t${i}<!--c-->` : `<${name}>${part(depth + 1)}</${name}>`;
    }
    return out;
  };
  return `<html><body>${part(0)}</body></html>`;
}

describe('Removals', () => {
  it('leaves the tree as one indexOf and splice per removal did, after each flush and after restore', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rand = rng(seed);
      const html = randomPage(rand);
      const a = parseHtml(html);
      const b = parseHtml(html);
      const original = shape(a);
      const [ea, eb] = [elementsIn(a), elementsIn(b)];
      const [ia, ib] = [new Map(ea.map((e, i) => [e, i])), new Map(eb.map((e, i) => [e, i]))];
      const fast = new Removals();
      const slow = new SplicingRemovals();
      // Several passes, each removing in document order (as the boilerplate passes do) or not.
      for (let pass = 0; pass < 3; pass++) {
        const order = ea.map((_e, i) => i).filter(() => rand() < 0.15);
        if (rand() < 0.5) order.reverse();
        for (const i of order) {
          fast.remove(ea[i], 'weak');
          slow.remove(eb[i], 'weak');
        }
        fast.flush();
        expect(shape(a)).toEqual(shape(b));
        expect(elementsIn(a).map((e) => ia.get(e))).toEqual(elementsIn(b).map((e) => ib.get(e)));
      }
      expect([...fast.reasons.keys()].map((n) => ea.indexOf(n as Element))).toEqual(
        [...slow.reasons.keys()].map((n) => eb.indexOf(n as Element)),
      );
      fast.restore();
      slow.restore();
      expect(shape(a)).toEqual(original);
      expect(shape(b)).toEqual(original);
    }
  });

  it('takes 50,000 siblings out of one parent and puts them back in linear time', () => {
    const n = 50_000;
    const doc = parseHtml(`<body><p>first</p>${'<aside>x</aside>'.repeat(n)}<p>last</p></body>`);
    const asides = elementsIn(doc).filter((e) => e.name === 'aside');
    const removals = new Removals();
    const started = performance.now();
    for (const el of asides) removals.remove(el, 'semantic');
    removals.flush();
    const body = elementsIn(doc).find((e) => e.name === 'body')!;
    expect(body.children.map((c) => (c as Element).name)).toEqual(['p', 'p']);
    removals.restore();
    expect(body.children).toHaveLength(n + 2);
    // A guard against the quadratic code (tens of seconds), not a timing.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('removeNodes', () => {
  it('detaches nodes in any order, some inside others, as removeNode one by one does', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rand = rng(seed * 7);
      const html = randomPage(rand);
      const a = parseHtml(html);
      const b = parseHtml(html);
      const [ea, eb] = [elementsIn(a), elementsIn(b)];
      const picked = ea.map((_e, i) => i).filter(() => rand() < 0.2);
      removeNodes(picked.map((i) => ea[i]).reverse());
      for (const i of picked) removeNode(eb[i]);
      expect(shape(a)).toEqual(shape(b));
    }
  });
});

/** moveChildren as a removeNode and an insert per child. */
function moveOneByOne(from: ParentNode, parent: ParentNode, before: AnyNode | null): void {
  for (const child of [...from.children]) {
    removeNode(child);
    const index = before ? parent.children.indexOf(before) : -1;
    const at = index >= 0 ? index : parent.children.length;
    if (Object.isFrozen(parent.children)) parent.children = [];
    parent.children.splice(at, 0, child);
    child.parent = parent;
    child.prev = parent.children[at - 1] ?? null;
    child.next = parent.children[at + 1] ?? null;
    if (child.prev) child.prev.next = child;
    if (child.next) child.next.prev = child;
  }
}

describe('moveChildren', () => {
  it('moves the children as one removal and insertion per child does, many or few, before any node or at the end', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const rand = rng(seed * 13);
      const many = seed % 10 === 0 ? 1500 : Math.floor(rand() * 6);
      const html = `<html><body><div>${randomPage(rand)}<section>${'<b>x</b>t'.repeat(many)}</section></div></body></html>`;
      const [a, b] = [parseHtml(html), parseHtml(html)];
      const [ea, eb] = [elementsIn(a), elementsIn(b)];
      const from = ea.findIndex((e) => e.name === 'section');
      const to = Math.floor(rand() * from);
      const kids = ea[to].children.length;
      const at = Math.floor(rand() * (kids + 1));
      moveChildren(ea[from], ea[to], ea[to].children[at] ?? null);
      moveOneByOne(eb[from], eb[to], eb[to].children[at] ?? null);
      expect(shape(a)).toEqual(shape(b));
    }
  });
});
