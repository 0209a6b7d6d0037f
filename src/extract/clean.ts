import { elementsIn, forgetParseOrder, hasNoAttributes, isElement, removeNodes, type Document, type Element, type Remover } from './dom.ts';
import type { PageStats } from './stats.ts';
import { NameTable } from './names.ts';
import { STRONG_WORDS, WEAK_WORDS } from './negative-words.ts';
import { placeStreamedSegments } from './streamed.ts';

/** Elements that never hold visible article text. */
const JUNK_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'head',
  'link',
  'meta',
  'picture',
  'map',
  // Captions change with every picture swap and are not the story's text.
  'figure',
  'figcaption',
]);

/**
 * Elements that hold page furniture far more often than article text. They are taken out before
 * the container is chosen; the block classifier sees that (and the tag) and has the last word.
 */
export const SEMANTIC_TAGS = new Set(['label', 'nav', 'aside', 'footer', 'dialog', 'menu']);

/** CMS taxonomy classes (WordPress "category-social", "tag-cookies") describe the article, not the element. */
const TAXONOMY_CLASS = /(^|\s)(category|tag|post|format|status|type|topic|section)-\S*/g;

const NO_WORDS: string[] = [];
/** Class, id and component words, each kept once (they are kept on the element). */
const CLASS_WORDS = new NameTable(16384);

/**
 * The words of an element's class and id (shared array: do not modify it). Several passes and
 * the features ask for the same element's words: they are split once, kept on the element.
 */
export function classWords(el: Element): string[] {
  const cached = (el as WordsElement).classWords;
  if (cached) return cached;
  if (hasNoAttributes(el)) return NO_WORDS;
  const cls = el.attribs.class;
  const id = el.attribs.id;
  if (!cls && !id) return ((el as WordsElement).classWords = NO_WORDS);
  // Without an id the words are the class value's alone: a page repeats its class values.
  const known = id ? undefined : wordsOfClass.get(cls);
  if (known) return ((el as WordsElement).classWords = known);
  let words: string[];
  // Every taxonomy class has a hyphen: most class values skip the replacement.
  const classes = cls?.includes('-') ? cls.replace(TAXONOMY_CLASS, ' ') : (cls ?? '');
  if (!id && isAscii(classes)) {
    // Only a class (the common case): split as `${classes} ` would be, without making that string.
    words = [];
    splitAsciiWords(classes, words);
  } else {
    const raw = `${classes} ${id ?? ''}`;
    words = isAscii(raw) ? splitAsciiWords(raw, []) : splitWords(raw);
  }
  if (words.length === 0) words = NO_WORDS;
  (el as WordsElement).classWords = words;
  if (!id && cls.length <= 200) {
    if (wordsOfClass.size >= 4096) wordsOfClass.clear();
    wordsOfClass.set(cls, words);
  }
  return words;
}
/** classWords of elements with a class (of at most 200 characters) and no id, by class value; bounded. */
const wordsOfClass = new Map<string, string[]>();
type WordsElement = Element & { classWords?: string[] };

function splitWords(raw: string): string[] {
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * splitWords for ASCII text in one loop without regular expressions (the class words of every
 * element are split): runs of letters and digits, lowercased, a new word where a lowercase
 * letter meets an uppercase one.
 */
function splitAsciiWords(raw: string, out: string[]): string[] {
  let start = -1;
  let prevLower = false;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 32;
    const lower = c >= 97 && c <= 122;
    const upper = c >= 65 && c <= 90;
    const word = lower || upper || (c >= 48 && c <= 57);
    if (start >= 0 && (!word || (upper && prevLower))) {
      out.push(CLASS_WORDS.lower(raw, start, i));
      start = -1;
    }
    if (word && start < 0) start = i;
    prevLower = lower;
  }
  return out;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Words of a main-content container; they turn a strong signal weak ("article-content url-breadcrumb"). */
const CONTENT_WORDS = new Set(['article', 'content', 'body', 'story', 'entry', 'main', 'text']);

/**
 * Attributes in which pages with generated class names ("css-16vmic4", utility classes) name
 * their components instead: data-testid="newsletter-signup", data-identity="billboard-ad".
 */
const COMPONENT_ATTRIBUTES = new Set([
  'data-testid',
  'data-test-id',
  'data-component',
  'data-module',
  'data-identity',
  'data-theme-key',
  'data-qa',
]);

/**
 * The words of the attributes that name an element's component (not cached: most elements have
 * none), in the order of the element's attributes (only tested for membership). One walk over
 * the element's few attributes: a lookup of each of the seven names costs more on objects of as
 * many shapes as the page has attribute lists.
 */
function componentWords(el: Element): string[] {
  if (hasNoAttributes(el)) return NO_WORDS;
  let out: string[] | undefined;
  const attribs = el.attribs;
  for (const name in attribs) {
    // Every component attribute starts with "data-" ('d'); the shortest, data-qa, has 7 characters.
    if (name.length < 7 || name.charCodeAt(0) !== 100 || !COMPONENT_ATTRIBUTES.has(name)) continue;
    const value = attribs[name];
    if (!value) continue;
    out ??= [];
    if (isAscii(value)) splitAsciiWords(value, out);
    else out.push(...splitWords(value));
  }
  return out ?? NO_WORDS;
}

type Negative = 'strong' | 'weak' | null;

/**
 * How strongly an element's class, id and component words mark it as boilerplate. The strong
 * and the weak pass both ask: the verdict (of the element's name and attributes only, which no
 * pass changes) is kept on the element.
 */
export function negativeStrength(el: Element): Negative {
  const known = (el as NegativeElement).negative;
  if (known !== undefined) return known;
  return ((el as NegativeElement).negative = judgeNegative(el));
}
type NegativeElement = Element & { negative?: Negative };

function judgeNegative(el: Element): Negative {
  const own = componentWords(el);
  const words = classWords(el);
  // Plain loops over the two word lists: no joined array and no closure per element (every element is judged).
  if (anyIn(words, STRONG_WORDS) || anyIn(own, STRONG_WORDS)) {
    const contentLike = el.name === 'article' || el.name === 'main' || anyIn(words, CONTENT_WORDS) || anyIn(own, CONTENT_WORDS);
    return contentLike ? 'weak' : 'strong';
  }
  // A component's name is judged by the strong words and the ad words only: its weak words
  // ("listicle-slide-item-meta", "author-card") name parts of the article as often as not.
  if (anyIn(words, WEAK_WORDS) || anyIn(own, AD_WORDS) || el.name === 'header') return 'weak';
  return null;
}

function anyIn(words: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < words.length; i++) if (set.has(words[i])) return true;
  return false;
}
const AD_WORDS = new Set(['ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'dfp', 'gpt']);

/** Hidden by the `hidden` attribute, aria-hidden="true" or an inline style; one walk over the attributes. */
function isHidden(el: Element): boolean {
  if (hasNoAttributes(el)) return false;
  const attribs = el.attribs;
  let style = '';
  for (const name in attribs) {
    if (name === 'hidden' || (name === 'aria-hidden' && attribs[name] === 'true')) return true;
    if (name === 'style') style = attribs[name];
  }
  return style !== '' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * Removes tags that never hold visible text, and hidden elements unless `keepHidden` (streamed
 * server rendering parks the whole article in a `<div hidden>` that a script later shows),
 * once the segments React streams in are where its scripts put them (see streamed.ts).
 */
export function removeJunk(doc: Document, keepHidden = false): void {
  let all = elementsIn(doc);
  if (placeStreamedSegments(all)) {
    forgetParseOrder(doc);
    all = elementsIn(doc);
  }
  removeNodes(all.filter((el) => (JUNK_TAGS.has(el.name) && !isTableFigure(el)) || (!keepHidden && isHidden(el))));
}

/**
 * A figure that frames a table (WordPress wraps every table block in `<figure class="wp-block-table">`):
 * the table is the article's text, a reader sees it as such; its caption still goes with the other captions.
 */
function isTableFigure(el: Element): boolean {
  return el.name === 'figure' && el.children.some((c) => isElement(c) && c.name === 'table');
}

/** Takes out navigation, asides, footers, dialogs and forms' labels. */
export function removeSemantic(doc: Document, remove: Remover): void {
  for (const el of elementsIn(doc)) {
    if (el.parent && SEMANTIC_TAGS.has(el.name)) remove(el, 'semantic');
  }
}

/** Removes elements whose class/id carries a strong boilerplate word ("comments", "related", "cookie"...). */
export function removeStrongNegative(doc: Document, remove: Remover): void {
  for (const el of elementsIn(doc)) {
    if (el.parent && !PROTECTED.has(el.name) && negativeStrength(el) === 'strong') remove(el, 'strong');
  }
}

/**
 * Removes elements with weak boilerplate words ("sidebar", "header", "ad") unless they hold a
 * large share of the prose left after strong removal (a wrapper "content has-sidebar" must
 * survive). Measured after strong removal, so adding a cookie banner cannot change the outcome.
 */
export function removeWeakNegative(doc: Document, proseOf: (el: Element) => number, totalProse: number, remove: Remover): void {
  for (const el of elementsIn(doc)) {
    if (el.parent && !PROTECTED.has(el.name) && negativeStrength(el) === 'weak' && proseOf(el) < totalProse * 0.3) remove(el, 'weak');
  }
}

const PROTECTED = new Set(['body', 'html', 'a']);

/**
 * Removes lists that are nearly all links (menus, "related" and "most read" lists) before the
 * container is chosen, so adding or changing such a list can never move the article's boundary.
 */
export function removeLinkLists(doc: Document, stats: PageStats, remove: Remover): void {
  for (const el of elementsIn(doc)) {
    if (el.name !== 'ul' && el.name !== 'ol') continue;
    const text = stats.text(el);
    if (el.parent && text > 0 && stats.link(el) / text >= 0.8) remove(el, 'linklist');
  }
}
