import { describe, expect, it } from 'vitest';
import { FastTokenizer, PlainTokenizer } from './tokenizer.ts';

/** Every callback the tokenizer makes, with its arguments. */
function events(Tokenizer: typeof PlainTokenizer, html: string, chunks: string[] = [html]): string[] {
  const out: string[] = [];
  const callbacks = new Proxy(
    { isInForeignContext: () => false },
    {
      get(target, name) {
        if (name === 'isInForeignContext') return target.isInForeignContext;
        return (...args: unknown[]) => out.push(`${String(name)}(${args.join(',')})`);
      },
    },
  );
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return out;
}

const CASES = [
  'plain text with no tags at all',
  '<p class="a b" id=x data-v=\'1\' hidden>text &amp; more</p>',
  '<div\nclass = "a"\tid=b/><img src=x.png alt="&quot;q&quot;"/>tail',
  '<a href=?a=1&amp;b=2&c>unquoted value with entities</a><b title=x>y</b >',
  '<script>var s = "</p>"; if (a<b) {}</script><style>a>b{}</style><title>T &amp; t</title>',
  '<!-- comment --><!----><!--><![CDATA[x]]><!doctype html><?pi x?><!bogus>',
  '&eacute;&#233;&#x1F600;&notanentity;&amp&lt',
  '<p>ends in text',
  '<p class="ends in a value',
  '<p class=ends',
  '<p clas',
  '<p',
  '</p',
  '<a href="x" &amp;>&',
  'x < y > z <1> </ p> </>',
  // The open and close tag fast paths.
  '<a =b c = "d" e=\'f\' g=h/ i / >x</a\n>y</b foo>z</c/>',
  '<br/><br / ><img/src=x><p a b=  c d= "e" f= >',
  '<SCRIPT x=1>a</p></SCRIPT ><scripts>x</scripts><sty>s</sty><Title a="b">t &amp;</title>',
  '<textarea/>v</textarea><xmp>w</xmp><iframe src=y></iframe><plain>p</plain>',
  '<p class="x&amp;y">a</p><p class=\'&lt;\'>b<p class=&amp;>c',
];

describe('FastTokenizer', () => {
  for (const html of CASES)
    it(`calls back as htmlparser2's Tokenizer does: ${JSON.stringify(html).slice(0, 60)}`, () => {
      const plain = events(PlainTokenizer, html);
      expect(plain.length).toBeGreaterThan(0);
      expect(events(FastTokenizer, html)).toEqual(plain);
    });

  it('calls back as the original on random text and values written in chunks (the next-character search starts again on a new buffer)', () => {
    const bits = [
      'a',
      ' ',
      '<',
      '>',
      '&',
      '&amp;',
      '"',
      "'",
      '<p>',
      '</p>',
      '<a href="',
      "<b x='",
      '<i y=',
      '=',
      '/',
      '\u00e9',
      '<script>',
      '</script',
      '<Style ',
      '<sp',
      ' z',
      '/>',
    ];
    let seed = 3;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let k = 0; k < 3000; k++) {
      let html = '';
      for (let n = rnd(30); n > 0; n--) html += bits[rnd(bits.length)];
      const cut = rnd(html.length + 1);
      const chunks = [html.slice(0, cut), html.slice(cut)];
      expect(events(FastTokenizer, html, chunks)).toEqual(events(PlainTokenizer, html, chunks));
      expect(events(FastTokenizer, html)).toEqual(events(PlainTokenizer, html));
    }
  });
});
