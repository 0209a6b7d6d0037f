import { parseDocument } from 'htmlparser2';
import { normalizeText } from '../../text/normalize.ts';
import { elementsIn, isElement, textOf, Text, type Element } from '../dom.ts';
import { seededRandom as mulberry32, type Random } from '../../demo/random.ts';

/**
 * Programmatic page variants for the "no false versions" suite (used by robustness.test.ts and
 * bench/extract.ts). Edits are made on the HTML string at parser-reported offsets, so a variant
 * differs from the original only where intended (no re-serialisation artefacts).
 */
export const BOILERPLATE_VARIANTS = [
  'comment', 'whitespace', 'scripts', 'class-names', 'image-urls', 'cookie-banner', 'related-stories', 'ads', 'timestamp',
] as const;
export const BODY_VARIANTS = ['word-changed', 'paragraph-removed'] as const;
export type VariantKind = (typeof BOILERPLATE_VARIANTS)[number] | (typeof BODY_VARIANTS)[number];

export interface VariantOptions {
  seed: number;
  /** Says whether a paragraph's text is article body (ground truth, or the extractor's own output). */
  isBody: (text: string) => boolean;
}

const squeeze = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * `isBody` for a page with a human ground truth: the text occurs in it, ignoring case, spacing
 * and punctuation (annotators often normalised quotes and spaces).
 */
export function groundTruthMatcher(articleBody: string): (text: string) => boolean {
  const truth = squeeze(articleBody);
  return (text) => {
    const t = squeeze(text);
    return t.length > 0 && truth.includes(t);
  };
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}



const token = (rand: Random, n = 6) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rand() * 36)]).join('');

/**
 * The edits applied as if one by one from the end of the page (insertions at one offset end up
 * in reverse order), in one pass: the whitespace variant makes thousands of edits per page.
 */
export function applyEdits(html: string, edits: Edit[]): string {
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || b.i - a.i);
  const parts: string[] = [];
  let at = 0;
  for (const { e } of order) {
    parts.push(html.slice(at, e.start), e.text);
    at = Math.max(at, e.end);
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/** A word of four or more letters in any script (not inside an entity such as &nbsp;). */
const WORD = /(?<![\p{L}\p{N}&#])\p{L}{4,}(?![\p{L}\p{N};])/u;

/** Block elements whose removal removes one paragraph and nothing else. */
const PARAGRAPH_TAGS = new Set(['p', 'li', 'blockquote', 'h2', 'h3', 'h4', 'dd']);

/**
 * A body paragraph to edit or anchor insertions to: the middle one of the <p>s that `isBody`
 * accepts; on pages without such <p>s, a body text node in any element (div+br layouts).
 */
function bodyText(all: Element[], isBody: (t: string) => boolean): Text | null {
  const accepts = (el: Element) => isBody(normalizeText(textOf(el)));
  // Substantial runs of text only: a fragment like "You can also " between two links is not where edits happen.
  const texts = (els: Element[]) => els.flatMap((el) => el.children.filter((c): c is Text => c instanceof Text && WORD.test(c.data) && normalizeText(c.data).length >= 30));
  const paras = all.filter((el) => el.name === 'p' && normalizeText(textOf(el)).length >= 40 && accepts(el));
  const inParas = texts(paras);
  if (inParas.length > 0) return inParas[Math.floor(inParas.length / 2)];
  const loose = texts(all).filter((t) => normalizeText(t.data).length >= 40 && isBody(normalizeText(t.data)));
  return loose[Math.floor(loose.length / 2)] ?? null;
}

/** The paragraph element holding a body text node, or the text node itself in div+br layouts. */
function paragraphOf(text: Text): Element | Text {
  for (let el = text.parent; el && isElement(el); el = el.parent) if (PARAGRAPH_TAGS.has(el.name)) return el;
  return text;
}

/** Where a block can be inserted next to the paragraph without splitting a line of text in two. */
function blockAnchor(para: Element | Text): number {
  return para instanceof Text && para.parent && isElement(para.parent) ? para.parent.startIndex! : para.startIndex!;
}

const openTagEnd = (html: string, el: Element) => html.indexOf('>', el.startIndex!) + 1;

/** The variant's HTML, or null when the page offers no place for it (e.g. no body paragraph). */
export function makeVariant(html: string, kind: VariantKind, opts: VariantOptions): string | null {
  const rand = mulberry32(opts.seed);
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const all = elementsIn(doc);
  const body = all.find((el) => el.name === 'body');
  const text = bodyText(all, opts.isBody);
  const para = text ? paragraphOf(text) : null;
  const edits = EDITORS[kind]({ html, all, body, text, para, rand });
  return edits && edits.length > 0 ? applyEdits(html, edits) : null;
}

/** The text of the body paragraph that body edits change (and insertions are anchored to), or null. */
export function variantTarget(html: string, isBody: (text: string) => boolean): string | null {
  const text = bodyText(elementsIn(parseDocument(html, { withStartIndices: true, withEndIndices: true })), isBody);
  if (!text) return null;
  const para = paragraphOf(text);
  return normalizeText(para instanceof Text ? para.data : textOf(para));
}

interface Ctx {
  html: string;
  all: Element[];
  body: Element | undefined;
  /** A text node of the article body, and the element to insert around or remove with it. */
  text: Text | null;
  para: Element | Text | null;
  rand: Random;
}

const RAW_TEXT = new Set(['script', 'style', 'pre', 'textarea', 'title']);

const EDITORS: Record<VariantKind, (c: Ctx) => Edit[] | null> = {
  comment: ({ para, rand }) => (para ? [{ start: para.startIndex!, end: para.startIndex!, text: `<!-- rendered ${token(rand)} -->` }] : null),

  whitespace: ({ html, all, rand }) => {
    const ws = [' ', '\n', '\n  ', '\t', '  \n    '];
    const edits: Edit[] = [];
    for (const el of all) {
      if (RAW_TEXT.has(el.name)) continue;
      for (const child of el.children) {
        if (!(child instanceof Text) || child.startIndex === null) continue;
        // Only whitespace that is already there is changed, so words never join or split.
        const raw = html.slice(child.startIndex, child.endIndex! + 1);
        for (const m of raw.matchAll(/[ \t\r\n]+/g)) {
          edits.push({ start: child.startIndex + m.index!, end: child.startIndex + m.index! + m[0].length, text: ws[Math.floor(rand() * ws.length)] });
        }
      }
    }
    return edits;
  },

  scripts: ({ all, rand }) =>
    all
      .filter((el) => el.name === 'script' && !/json/i.test(el.attribs.type ?? '') && el.children.length > 0)
      .map((el) => ({ start: el.children[0].startIndex!, end: el.children[el.children.length - 1].endIndex! + 1, text: `window.__build=${JSON.stringify(token(rand, 12))};` })),

  'class-names': ({ html, all, rand }) =>
    all.filter((el) => el.attribs.class !== undefined).flatMap((el) => {
      const tag = html.slice(el.startIndex!, openTagEnd(html, el));
      const m = /\sclass\s*=\s*("([^"]*)"|'([^']*)')/i.exec(tag);
      if (!m) return [];
      // What a CSS-modules / CSS-in-JS rebuild does: hashed suffixes and generated classes change.
      const classes = (m[2] ?? m[3]).split(/\s+/).filter(Boolean).map((c) => `${c}__${token(rand, 5)}`);
      const value = ` class="${[...classes, `css-${token(rand)}`].join(' ')}"`;
      const start = el.startIndex! + m.index;
      return [{ start, end: start + m[0].length, text: value }];
    }),

  'image-urls': ({ html, all, rand }) =>
    all.filter((el) => el.name === 'img' || el.name === 'source').flatMap((el) => {
      const tag = html.slice(el.startIndex!, openTagEnd(html, el));
      return [...tag.matchAll(/\s(src|data-src|srcset)\s*=\s*"([^"]*)"/gi)].map((m) => {
        const start = el.startIndex! + m.index! + m[0].indexOf('"') + 1;
        const busted = m[2].replace(/(\S+?)(\s+\d+[wx])?(,|$)/g, (_s, u: string, d = '', sep: string) => `${u}${u.includes('?') ? '&' : '?'}cb=${token(rand)}${d}${sep}`);
        return { start, end: start + m[2].length, text: busted };
      });
    }),

  'cookie-banner': ({ html, body, rand }) => {
    if (!body) return null;
    const banner = `<div id="consent-${token(rand)}" class="cookie-banner"><p>We use cookies to personalise content and ads and to analyse our traffic. By continuing to browse the site you agree to our use of cookies.</p><button>Accept all</button><a href="/privacy">Privacy policy</a></div>`;
    const atStart = rand() < 0.5;
    const close = html.lastIndexOf('</body>');
    const at = atStart ? openTagEnd(html, body) : close >= 0 ? close : html.length;
    return [{ start: at, end: at, text: banner }];
  },

  'related-stories': ({ para, rand }) => {
    if (!para?.parent) return null;
    const siblings = isElement(para) ? para.parent.children.filter((c): c is Element => isElement(c) && c.name === para.name) : [];
    const last = siblings[siblings.length - 1] ?? para;
    const items = [1, 2, 3, 4].map((i) => `<li><a href="/news/${token(rand)}">Story ${i}: ${['Minister resigns over', 'Markets fall after', 'Storm hits coast as', 'Court rules on'][i - 1]} ${token(rand, 4)} report</a></li>`).join('');
    // Half the blocks carry a telling class, half are anonymous markup: both must be ignored.
    const block = rand() < 0.5
      ? `<div class="related-stories"><h3>Related stories</h3><ul>${items}</ul></div>`
      : `<section><h2>More on this story</h2><ul>${items}</ul></section>`;
    return [{ start: last.endIndex! + 1, end: last.endIndex! + 1, text: block }];
  },

  ads: ({ para, rand }) => {
    if (!para) return null;
    const ad = `<div class="ad-slot ad-${token(rand, 3)}"><p class="ad-label">Advertisement</p><a href="https://ads.example.com/click?c=${token(rand)}"><img src="https://ads.example.com/creative/${token(rand)}.jpg" alt="${token(rand)}"></a></div>`;
    return [{ start: blockAnchor(para), end: blockAnchor(para), text: ad }];
  },

  timestamp: ({ para, rand }) => {
    if (!para) return null;
    // A relative time rendered on the server changes on every fetch.
    const ago = `${1 + Math.floor(rand() * 58)} ${rand() < 0.5 ? 'minutes' : 'hours'} ago`;
    const line = rand() < 0.5 ? `<p>Updated ${ago}</p>` : `<div><span>${ago}</span></div>`;
    return [{ start: blockAnchor(para), end: blockAnchor(para), text: line }];
  },

  'word-changed': ({ html, text }) => {
    if (!text || text.startIndex === null) return null;
    const m = WORD.exec(html.slice(text.startIndex, text.endIndex! + 1));
    if (!m) return null;
    const start = text.startIndex + m.index;
    return [{ start, end: start + m[0].length, text: m[0].split('').reverse().join('') === m[0] ? `${m[0]}s` : m[0].split('').reverse().join('') }];
  },

  'paragraph-removed': ({ para }) => (para ? [{ start: para.startIndex!, end: para.endIndex! + 1, text: '' }] : null),
};
