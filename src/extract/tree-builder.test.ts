import { Document, DomHandler, Element, type AnyNode } from 'domhandler';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { ExtractError } from './errors.ts';
import { LEFT_OUT_FIELDS, MAX_DEPTH, parseHtml, REDLINE_FIELDS } from './parse-html.ts';
import { TreeBuilder } from './tree-builder.ts';
import { NO_ATTRIBUTES } from './tree-nodes.ts';

/** The tree as plain data: names, attributes in order, types, texts, own keys (less `skip`), links checked. */
function shape(node: AnyNode, skip: string[]): unknown {
  const rec = node as unknown as Record<string, unknown>;
  const kids = (rec.children as AnyNode[] | undefined) ?? [];
  kids.forEach((c, i) => {
    expect(c.parent).toBe(node);
    expect(c.prev).toBe(kids[i - 1] ?? null);
    expect(c.next).toBe(kids[i + 1] ?? null);
  });
  return {
    proto: Object.getPrototypeOf(node)?.constructor?.name,
    keys: Object.keys(rec).filter((k) => !skip.includes(k)),
    type: node.type,
    name: rec.name,
    attribs: rec.attribs ? Object.entries(rec.attribs as Record<string, string>) : undefined,
    data: rec.data,
    children: kids.map((c) => shape(c, skip)),
  };
}

/** htmlparser2's own Parser and DomHandler: what parseHtml built before it had a tree builder. */
function reference(html: string): AnyNode {
  const handler = new DomHandler(undefined, {});
  new Parser(handler, { decodeEntities: true }).end(html);
  return handler.root;
}

const TRICKY = {
  'implied closes': '<p>one<p>two<div>three</p><li>a<li>b<dd>x<dt>y<h1>h<h2>i</h1><table><tr><td>a<td>b<tr><th>c</table>',
  'a close with no open': '</p>text</div></br><b>x</i></b>',
  'void elements': '<p>a<br>b<img src=x alt="y"><hr><input value=1><br/><wbr>c</p><img></img>',
  'nested forms and selects': '<form id=a><form id=b><input><select><option>1<option>2<optgroup><option>3</select></form>',
  'foreign content':
    '<svg viewBox="0 0 1 1"><clippath/><foreignObject><p>html<image/></foreignObject><g><![CDATA[x<y]]></g></svg><image src=a><math><mi>x</mi></math><![CDATA[z]]>',
  'tags left open': '<div><section><p>one <b>two <i>three',
  'raw text elements':
    '<script>if (a < b && "</p>") {}</script><style>p>b{}</style><title>A &amp; B <b></title><textarea>x &lt; <p></textarea><xmp><b></xmp><iframe><p></iframe><noembed><b></noembed>',
  'entities in text and attributes':
    '<a href="?a=1&amp;b=2&copy=3" title=\'&quot;q&quot;\' data-x=&lt;y&gt;>&eacute;&#233;&#x1F600;&notanentity; &amp &lt;b&gt; fish&chips</a>',
  'attributes: case, duplicates, no value, odd names':
    '<DIV CLASS="A" class=b ID=x hidden data-a=\'1\' __proto__="p" constructor=c toString=t>x</DIV>',
  'attributes: each first name made by a literal (firstAttribute), then more, duplicated, or __proto__ first':
    '<p class=a id=b class=c><a href=h CLASS=k><i id=i><link rel=r><b type=t src=s><img src=s><u style=s title=t><s __proto__=p class=q><q data-x=1 href=h>x',
  'comments, doctype, processing instructions': '<!doctype html><!-- a --><!----><!--><?xml version="1.0"?><!bogus><p>x<!-- b -- c --></p>',
  'a document that ends inside a tag': '<div class="a"><p>text<span class="unterminated',
  'a document that ends inside a comment': '<p>x</p><!-- never closed',
  empty: '',
};

describe('TreeBuilder', () => {
  for (const [what, html] of Object.entries(TRICKY))
    it(`builds the tree htmlparser2's Parser and DomHandler build: ${what}`, () => {
      expect(shape(parseHtml(html), [...REDLINE_FIELDS, ...LEFT_OUT_FIELDS, 'elementList', 'attachedScratch'])).toEqual(
        shape(reference(html), LEFT_OUT_FIELDS),
      );
    });

  it('gives elements with no attributes one shared frozen object', () => {
    const doc = parseHtml('<p>a<b>b</b><i class=x>c</i></p>');
    const p = doc.children[0] as Element;
    const [b, i] = p.children.filter((c): c is Element => c instanceof Element);
    expect(p.attribs).toBe(NO_ATTRIBUTES);
    expect(b.attribs).toBe(NO_ATTRIBUTES);
    expect(i.attribs).toEqual({ class: 'x' });
    expect(Object.isFrozen(NO_ATTRIBUTES)).toBe(true);
  });

  it('drops tags opened deeper than the depth bound, keeping their content', () => {
    const html = '<div>'.repeat(MAX_DEPTH + 10) + 'deep' + '</div>'.repeat(MAX_DEPTH + 10);
    let depth = 0;
    for (let node: AnyNode | undefined = parseHtml(html).children[0]; node instanceof Element; node = node.children[0]) depth++;
    expect(depth).toBe(MAX_DEPTH);
    const small = new TreeBuilder(new Document([]), 3, 100);
    small.build('<a><b><c><d>x</d></c></b></a>');
    expect(small.elements.map((e) => e.name)).toEqual(['a', 'b', 'c']);
    expect((small.elements[2].children[0] as unknown as { data: string }).data).toBe('x');
  });

  it('fails with too-complex past the element bound', () => {
    const builder = new TreeBuilder(new Document([]), 512, 5);
    expect(() => builder.build('<p>'.repeat(6))).toThrow(ExtractError);
    expect(() => new TreeBuilder(new Document([]), 512, 5).build('<br>'.repeat(6))).toThrow(/more than 5 elements/);
    new TreeBuilder(new Document([]), 512, 5).build('<br>'.repeat(5));
  });
});
