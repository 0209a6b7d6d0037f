/**
 * matchesFurniture (literal prefilters, joined patterns) against the plain
 * FURNITURE_PATTERNS.some((re) => re.test(text)) on every short element text of both sets, each
 * also upper-cased and after a prefix (so unanchored patterns are tried off the start):
 *   node --import tsx bench/lib/furniture-identity.ts
 */
import { FURNITURE_PATTERNS, matchesFurniture } from '../../src/extract/furniture.ts';
import { elementsIn, parseHtml, textOf } from '../../src/extract/dom.ts';
import { normalizeText } from '../../src/text/normalize.ts';
import { loadCorpus, readPageHtml } from './corpus.ts';
import { loadWcxb, readWcxbHtml } from './wcxb.ts';

const texts = new Set<string>();
const pages = [...loadCorpus(Infinity).map(readPageHtml), ...loadWcxb(Infinity).map(readWcxbHtml)];
for (const html of pages) {
  let doc;
  try {
    doc = parseHtml(html);
  } catch {
    continue;
  }
  for (const el of elementsIn(doc)) {
    const text = textOf(el);
    if (text.length < 400) texts.add(normalizeText(text));
  }
}
let furniture = 0;
const differ: string[] = [];
for (const text of texts) {
  for (const t of [text, text.toUpperCase(), `x ${text}`]) {
    const want = FURNITURE_PATTERNS.some((re) => re.test(t));
    if (want) furniture++;
    if (matchesFurniture(t) !== want) differ.push(t);
  }
}
console.log(`${pages.length} pages, ${texts.size * 3} texts (${furniture} furniture), ${differ.length} differ`);
for (const t of differ.slice(0, 10)) console.log(JSON.stringify(t));
process.exitCode = differ.length === 0 ? 0 : 1;
