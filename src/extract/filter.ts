import { normalizeText } from '../text/normalize.ts';
import type { Block } from './blocks.ts';
import { elementsIn, isElement, textOf, type Document, type Remover } from './dom.ts';
import { matchesFurniture } from './furniture.ts';
import { comparable } from './metadata.ts';
import { PROSE_MIN_CHARS, type PageStats } from './stats.ts';

const MAX_LINK_DENSITY = 0.5;

const MAX_FURNITURE_CHARS = 300;

/** A whole block's text that is page furniture ("Advertisement", "Updated 3 minutes ago"...). */
export function isFurnitureText(text: string): boolean {
  if (text.length >= MAX_FURNITURE_CHARS) return false;
  let known = furnitureSeen.get(text);
  if (known === undefined) {
    known = matchesFurniture(text);
    // The same short texts come back on every page of a site and in several passes; the memo is bounded.
    if (furnitureSeen.size >= 10_000) furnitureSeen.clear();
    furnitureSeen.set(text, known);
  }
  return known;
}
const furnitureSeen = new Map<string, boolean>();

/**
 * Removes short elements whose whole text is furniture before the container is chosen, so that
 * a timestamp or an ad label appearing or changing cannot move the article's boundary.
 */
export function removeFurniture(doc: Document, stats: PageStats, remove: Remover): void {
  for (const el of elementsIn(doc)) {
    const chars = stats.text(el);
    if (!el.parent || chars === 0 || chars >= MAX_FURNITURE_CHARS || !FURNITURE_TAGS.has(el.name)) continue;
    // A wrapper whose one child holds all its text is judged through that child: this keeps
    // deeply nested pages linear, and removing the child empties the wrapper just the same.
    if (el.children.some((c) => isElement(c) && stats.text(c) === chars)) continue;
    if (isFurnitureText(normalizeText(textOf(el)))) remove(el, 'furniture');
  }
}

const FURNITURE_TAGS = new Set(['p', 'div', 'span', 'time', 'small', 'li', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * A block `filterBlocks` drops whatever the model says (`title` as `comparable` gives it). A
 * mostly-linked block is dropped unless it is `embedded` (see `embeddedLinks`).
 */
export function isBoilerplate(block: Block, title: string, furniture?: boolean, embedded = false): boolean {
  if (!embedded && isLinkDense(block)) return true;
  if (furniture ?? isFurnitureText(block.text)) return true;
  // The headline repeated in the body, possibly with the site name appended; a heading that goes
  // on after the headline with a sentence of its own ("Which mattress? Answering your questions.")
  // is a section of the article.
  if (title !== '' && block.text.length < title.length + 40 && comparable(block.text).startsWith(title) && !ADDS_SENTENCE.test(block.text))
    return true;
  return false;
}

/** A sentence's end: . ! or ?, perhaps a closing quote or bracket after it. */
const STOP = String.raw`[.!?]["'\u201d\u2019)]?`;
/** One sentence ends and another, capitalised, begins. */
const NEXT_SENTENCE = new RegExp(String.raw`${STOP}\s+\p{Lu}`, 'u');
const ENDS_SENTENCE = new RegExp(`${STOP}$`, 'u');
const ADDS_SENTENCE = new RegExp(String.raw`${STOP}\s+\p{Lu}[^.!?]*${STOP}$`, 'u');

/** Mostly links: a menu, a list of related stories, a row of tags. */
function isLinkDense(block: Block): boolean {
  const ownChars = block.text.length * (1 - block.linkDensity);
  return block.linkDensity > MAX_LINK_DENSITY && !(ownChars >= PROSE_MIN_CHARS && block.linkDensity < 0.65);
}

/** Running text by its own content: a paragraph (not a heading) of some length, mostly not links. */
function isProseText(block: Block | undefined): boolean {
  return block !== undefined && block.kind !== 'heading' && block.text.length >= PROSE_MIN_CHARS && block.linkDensity < MAX_LINK_DENSITY;
}

/**
 * A line that reads as a line of the article by its own words: a sentence of at least six
 * words ending in . ! ? or : ("Have trouble deciding? Read our comparison of the two models.",
 * "Jump to the full list of the best builders.", "The benefits include:"), or a label of one
 * or two words and a colon before a link ("Tested: <linked review>", "Buy: <linked shops>").
 * A row of links set apart by | / or · is a menu, whatever its words.
 */
function readsAsLine(text: string): boolean {
  if (/\s[|/\u00b7]\s/u.test(text)) return false;
  if (/^\p{Lu}[\p{L}\p{N}]*(?: [\p{L}\p{N}]+)?: \S/u.test(text)) return true;
  return /[.!?:]["'\u201d\u2019)]?$/u.test(text) && text.split(/\s+/).length >= 6;
}

/**
 * The mostly-linked blocks that belong to running text: the block reads as a line of the
 * article (`readsAsLine`) and the nearest block before it, passing over furniture texts
 * ("Advertisement", "Updated 5 minutes ago"), is a prose paragraph (`isProseText`) of the same
 * element. A menu, a row of tags or a related list is a run of headline-like links, usually
 * at the edge of the text or after its own heading. The rule reads the blocks' own text and
 * their order only, never a model's probability, so a list inserted after the paragraphs (or
 * before them) cannot flip it; the model still has to keep the block like any other.
 */
export function embeddedLinks(blocks: readonly Block[]): Set<Block> {
  const out = new Set<Block>();
  let prev: Block | undefined;
  for (const b of blocks) {
    if (isFurnitureText(b.text)) continue;
    if (prev && isLinkDense(b) && readsAsLine(b.text) && isProseText(prev) && b.el.parent && prev.el.parent === b.el.parent) out.add(b);
    prev = b;
  }
  for (const b of linkedParagraphsWithin(blocks)) out.add(b);
  return out;
}

/**
 * Mostly-linked <p>s standing between prose <p>s of their own parent element, each a line of the
 * text (`readsAsLine`) or together a list the paragraph before them announces with a colon (a
 * list of linked project names after "my friends' favourite projects are:"): the article goes
 * on after them, so they are its text, not a list at its edge nor a row of buttons ("Buy
 * Poster", "Compare deals with ..."). Read by shape only (tags, parents, order, link share, the
 * colon); a related list inserted after the last paragraph, or any list of <li>s, is not one.
 */
function linkedParagraphsWithin(blocks: readonly Block[]): Block[] {
  const last = new Map<unknown, number>();
  blocks.forEach((b, i) => {
    if (isProsePara(b)) last.set(b.el.parent, i);
  });
  const out: Block[] = [];
  const opened = new Set<unknown>();
  let announced = false;
  let prev: Block | undefined;
  blocks.forEach((b, i) => {
    const parent = b.el.parent;
    const within = parent && opened.has(parent) && i < last.get(parent)!;
    if (within && b.el.name === 'p' && b.kind === 'p' && isLinkDense(b) && !isFurnitureText(b.text)) {
      // A run goes on while its lines share the parent of the paragraph that opened it.
      if (prev && prev.el.parent !== parent) announced = false;
      if (announced || readsAsLine(b.text)) out.push(b);
    } else {
      // Any line of the text may announce a list, a short one too ("My favourite projects are:").
      announced = b.el.name === 'p' && b.kind === 'p' && !isLinkDense(b) && b.text.endsWith(':');
      if (parent && isProsePara(b)) opened.add(parent);
    }
    prev = b;
  });
  return out;
}
const isProsePara = (b: Block) => b.el.name === 'p' && b.kind === 'p' && isProseText(b);

/**
 * A heading by its role, not only its tag: a "heading" of several sentences is a paragraph set in
 * heading type (a dek under the headline in an h2, a paragraph in an h3), and is kept as one.
 */
function isHeading(block: Block): boolean {
  return block.kind === 'heading' && !readsAsParagraph(block.text);
}
function readsAsParagraph(text: string): boolean {
  return text.length >= PROSE_MIN_CHARS && NEXT_SENTENCE.test(text) && ENDS_SENTENCE.test(text);
}

/**
 * Keeps the article's own paragraphs: drops link lists, furniture texts, the repeated headline,
 * headings that introduce nothing (a "Related" heading left after its links were dropped, or
 * followed by a heading of its own rank or higher) and repeats.
 */
export function filterBlocks(blocks: Block[], title: string, embedded?: ReadonlySet<Block>): string[] {
  const titleKey = comparable(title);
  const kept = blocks.filter((b) => !isBoilerplate(b, titleKey, undefined, embedded?.has(b)));
  const out: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const b = kept[i];
    const next = kept[i + 1];
    // A heading over a deeper one opens a section with subsections (h2 "Tools", h3 "Hammers").
    if (isHeading(b) && (!next || (isHeading(next) && !(b.level > 0 && next.level > b.level)))) continue;
    if (out.length > 0 && out[out.length - 1] === b.text) continue;
    out.push(b.text);
  }
  return out;
}
