import { selectAll } from 'css-select';
import { DomHandler, Element, Text, type AnyNode } from 'domhandler';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import {
  elementCount,
  elementsIn,
  hasNoAttributes,
  LEFT_OUT_FIELDS,
  orderOf,
  parseHtml,
  REDLINE_FIELDS,
  Removals,
  removeNode,
  type ParentNode,
} from './dom.ts';

/**
 * The tree as plain data, with every parent/prev/next link checked on the way. `ownKeys` are
 * left out of the keys listed; `leftOut` too, after checking they hold nothing (null or undefined).
 */
function shape(node: AnyNode, ownKeys: string[] = [], leftOut: string[] = []): unknown {
  for (const k of leftOut) expect((node as unknown as Record<string, unknown>)[k] ?? null).toBe(null);
  const skip = [...ownKeys, ...leftOut];
  if (node instanceof Text) return { text: node.data, type: node.type, keys: Object.keys(node).filter((k) => !skip.includes(k)) };
  if (!(node instanceof Element) && !('children' in node)) return { other: node.type };
  const children = (node as unknown as Element).children;
  children.forEach((c, i) => {
    expect(c.parent).toBe(node);
    expect(c.prev).toBe(children[i - 1] ?? null);
    expect(c.next).toBe(children[i + 1] ?? null);
  });
  const keys = Object.keys(node).filter((k) => !skip.includes(k));
  const own = node instanceof Element ? { name: node.name, attribs: node.attribs, type: node.type, keys } : {};
  return { ...own, children: children.map((c) => shape(c, ownKeys, leftOut)) };
}

describe('parseHtml', () => {
  it("builds the same tree as domhandler's own handler", () => {
    const html = `<!doctype html><html><head><title>T &amp; co</title><script>var a = "<p>";</script><style>p{}</style></head>
<body><!-- note --><div class="a b" id=x><p>One <b>two</b> three<br>four</p><ul><li>a<li>b</ul><img src=i.png>tail &eacute;</div></body></html>`;
    const handler = new DomHandler(undefined, {});
    new Parser(handler, { decodeEntities: true }).end(html);
    const doc = parseHtml(html);
    // The same tree, with Redline's own fields appended to each element's and the empty ones left out.
    expect(shape(doc, REDLINE_FIELDS)).toEqual(shape(handler.root, [], LEFT_OUT_FIELDS));
    expect(elementsIn(doc).some((el) => LEFT_OUT_FIELDS.some((k) => k in el))).toBe(false);
    const elements = elementsIn(doc);
    expect(elements.map(orderOf)).toEqual(elements.map((_, i) => i));
    expect(elements.every((el) => Object.keys(el).slice(-REDLINE_FIELDS.length).join() === REDLINE_FIELDS.join())).toBe(true);
    expect(elementCount(doc)).toBe(elements.length);
    const ps = selectAll<AnyNode, Element>('div.a > p', doc);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toBeInstanceOf(Element);
    expect(ps[0].firstChild).toBeInstanceOf(Text);
  });

  it('shares one frozen empty children array between childless elements, so adding to one throws', () => {
    const doc = parseHtml('<p>a<br><img src=x><span></span></p>');
    const [p, br, img, span] = elementsIn(doc).filter((el) => ['p', 'br', 'img', 'span'].includes(el.name));
    expect(p.children).toHaveLength(4);
    expect(br.children).toBe(img.children);
    expect(span.children).toBe(br.children);
    expect(() => (span.children as unknown[]).push(p)).toThrow(TypeError);
  });

  it('gives the same children on fragments, implied closes and tags left open at the end', () => {
    for (const html of [
      'loose text <b>bold</b> more<!-- c --><p>one<p>two<div>three<table><tr><td>a<td>b</table>',
      '<ul><li>a<li>b<ul><li>c</ul><li>d',
      '<svg><circle/><![CDATA[x]]></svg><i>open <b>nested <br> deeper',
      '',
    ]) {
      const handler = new DomHandler(undefined, {});
      new Parser(handler, { decodeEntities: true }).end(html);
      expect(shape(parseHtml(html), REDLINE_FIELDS)).toEqual(shape(handler.root, [], LEFT_OUT_FIELDS));
    }
  });

  it('tells the elements parseHtml gave no attributes', () => {
    const [p, b, i] = elementsIn(parseHtml('<p><b>x</b><i class="">y</i></p>'));
    expect([p, b, i].map(hasNoAttributes)).toEqual([true, true, false]);
    expect(hasNoAttributes(new Element('p', {}))).toBe(false);
  });

  it('lists the elements still in the document, in document order, after removals and restores', () => {
    const doc = parseHtml(
      `<body><div id=a><p>x<b>y</b></p><ul><li>1</li><li>2<i>z</i></li></ul></div><aside><p>q</p></aside><p>end</p></body>`,
    );
    const walk = (node: ParentNode): Element[] => node.children.flatMap((c) => (c instanceof Element ? [c, ...walk(c)] : []));
    const all = elementsIn(doc);
    expect(all).toEqual(walk(doc));
    const removals = new Removals();
    for (const name of ['ul', 'i', 'aside'])
      removals.remove(
        all.find((e) => e.name === name)!,
        'weak',
      );
    removeNode(all.find((e) => e.name === 'b')!);
    const left = elementsIn(doc);
    removals.flush();
    expect(left.map((e) => e.name)).toEqual(['body', 'div', 'p', 'p']);
    expect(left).toEqual(walk(doc));
    removals.restore();
    expect(elementsIn(doc)).toEqual(walk(doc));
    expect(elementsIn(doc)).toHaveLength(all.length - 1);
  });
});
