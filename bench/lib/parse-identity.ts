/**
 * Old vs new parseHtml, the trees compared node for node on every page of both sets and on
 * random tag soup:
 *   node --import tsx bench/lib/parse-identity.ts OTHER_PARSE_HTML [FUZZ_CASES] [NEW_FIELD,...]
 * e.g. OTHER_PARSE_HTML=/tmp/base/src/extract/parse-html.ts (a `git archive` copy of an earlier
 * commit with the project's package.json beside it). Compares each node's prototype, own keys in
 * order, type, name, attributes (in order), data, and its parent/prev/next links, and the
 * document-order list of elements; prints each differing input and exits 1 on any difference.
 * For parser work that must not change the tree. NEW_FIELD: own fields the new elements have and
 * the old ones lack (a field added to REDLINE_FIELDS), left out of the keys compared.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyNode, Document } from 'domhandler';
import { corpusAvailable, loadCorpus, readPageHtml } from './corpus.ts';
import { loadWcxb, readWcxbHtml, wcxbAvailable } from './wcxb.ts';

type Parse = (html: string) => Document;

/** The tree as lines of text; each node's links checked against its place. */
export function treeLines(doc: Document, newFields: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  const walk = (node: AnyNode, depth: number): void => {
    const rec = node as unknown as Record<string, unknown>;
    const keys = Object.keys(rec)
      .filter((k) => !newFields.has(k))
      .join(',');
    const attribs = rec.attribs as Record<string, string> | undefined;
    const kids = (rec.children as AnyNode[] | undefined) ?? [];
    const line = [depth, Object.getPrototypeOf(node)?.constructor?.name, keys, node.type, rec.name ?? '', JSON.stringify(rec.data ?? null)];
    if (attribs) line.push(JSON.stringify(Object.entries(attribs)), String(Object.getPrototypeOf(attribs) === Object.prototype));
    line.push(String(rec.docOrder ?? ''), String(kids.length));
    out.push(line.join('\t'));
    kids.forEach((c, i) => {
      if (c.parent !== node || c.prev !== (kids[i - 1] ?? null) || c.next !== (kids[i + 1] ?? null)) out.push(`bad links at ${i}`);
      walk(c, depth + 1);
    });
  };
  walk(doc, 0);
  const list = (doc as unknown as { elementList?: { docOrder?: number; name: string }[] }).elementList ?? [];
  out.push(`elements ${list.map((e, i) => (e.docOrder === i ? e.name : `!${e.name}`)).join(',')}`);
  return out;
}

function outcome(parse: Parse, html: string, newFields?: ReadonlySet<string>): string[] {
  try {
    return treeLines(parse(html), newFields);
  } catch (err) {
    const e = err as { name?: string; kind?: string; message?: string };
    return [JSON.stringify(['error', e.name, e.kind, e.message])];
  }
}

/** Random tag soup from the parser's hard cases: implied closes, foreign content, raw text, entities. */
function soup(seed: number): string {
  let s = seed >>> 0 || 1;
  const rnd = (n: number): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
  const tags = [
    'p',
    'div',
    'li',
    'ul',
    'table',
    'tr',
    'td',
    'th',
    'tbody',
    'a',
    'b',
    'form',
    'select',
    'option',
    'h1',
    'h2',
    'dd',
    'dt',
    'body',
    'head',
    'svg',
    'math',
    'foreignObject',
    'foreignobject',
    'clipPath',
    'title',
    'desc',
    'mi',
    'image',
    'br',
    'img',
    'hr',
    'input',
    'script',
    'style',
    'textarea',
    'iframe',
    'noembed',
    'xmp',
    'P',
    'DIV',
    'Svg',
    'span',
    'rt',
    'rp',
    'button',
    'output',
  ];
  const bits = [
    () => `<${tags[rnd(tags.length)]}>`,
    () => `</${tags[rnd(tags.length)]}>`,
    () => `<${tags[rnd(tags.length)]} class="a &amp; b" id=x${rnd(3)} data-x='&lt;' hidden CLASS=dup>`,
    () => `<${tags[rnd(tags.length)]}/>`,
    () => `<${tags[rnd(tags.length)]} __proto__="p" constructor=c>`,
    () => ['text', ' ', '\n  ', 'a&amp;b', '&eacute;&#233;&#x1F600;', '&notanentity;', '&lt', '<', '>', '&'][rnd(10)],
    () => ['<!-- c -->', '<!---->', '<!-->', '<![CDATA[x<y]]>', '<!doctype html>', '<?xml x?>', '</ p>', '<!x>', '</>'][rnd(9)],
    () => '<script>if (a < b) {"</p>"}</script>',
    () => `<${tags[rnd(tags.length)]} a="unterminated`,
  ];
  const parts: string[] = [];
  const n = 1 + rnd(40);
  for (let i = 0; i < n; i++) parts.push(bits[rnd(bits.length)]());
  return parts.join('');
}

async function main(): Promise<void> {
  const [other, fuzzArg, newFieldsArg] = process.argv.slice(2);
  if (!other) throw new Error('usage: parse-identity.ts OTHER_PARSE_HTML [FUZZ_CASES] [NEW_FIELD,...]');
  const newFields = new Set((newFieldsArg ?? '').split(',').filter(Boolean));
  const old = ((await import(pathToFileURL(resolve(other)).href)) as { parseHtml: Parse }).parseHtml;
  const now = ((await import('../../src/extract/parse-html.ts')) as { parseHtml: Parse }).parseHtml;
  const inputs: { id: string; html: string }[] = [];
  if (corpusAvailable() && wcxbAvailable()) {
    for (const p of loadCorpus()) inputs.push({ id: `scrapinghub/${p.id}`, html: readPageHtml(p) });
    for (const p of loadWcxb()) inputs.push({ id: `wcxb/${p.id}`, html: readWcxbHtml(p) });
  } else console.log('parse-identity: corpora not found; random inputs only.');
  // Pages cut short at arbitrary points: the document ends in every kind of state.
  const pagesCut = inputs
    .slice(0, 300)
    .flatMap(({ id, html }, n) =>
      [1, 2, 3, 4, 5].map((k) => ({ id: `${id} cut ${k}`, html: html.slice(0, Math.floor((html.length * ((n * 7 + k * 13) % 97)) / 97)) })),
    );
  inputs.push(...pagesCut);
  const fuzz = Number(fuzzArg ?? 20000);
  for (let i = 0; i < fuzz; i++) inputs.push({ id: `soup ${i}`, html: soup(i + 1) });
  // Deep nesting: the depth bound.
  inputs.push({ id: 'deep', html: '<div>'.repeat(700) + 'x' + '</div>'.repeat(300) + '<p>y' });
  inputs.push({ id: 'deep svg', html: '<svg>' + '<g>'.repeat(600) + '<foreignObject><p>x</foreignObject></svg>' });
  let differ = 0;
  for (const { id, html } of inputs) {
    const a = outcome(old, html);
    const b = outcome(now, html, newFields);
    if (a.length === b.length && a.every((line, i) => line === b[i])) continue;
    differ++;
    if (differ <= 10) {
      const at = a.findIndex((line, i) => line !== b[i]);
      console.log(`differs: ${id}${id.startsWith('soup') ? ` ${JSON.stringify(html)}` : ''}`);
      console.log(`  old ${a[at]}\n  new ${b[at]}`);
    }
  }
  console.log(`${inputs.length} inputs compared, ${differ} differ`);
  if (differ > 0) process.exitCode = 1;
}

await main();
