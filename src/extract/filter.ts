import { normalizeText } from '../text/normalize.ts';
import type { Block } from './blocks.ts';
import { elementsIn, isElement, textOf, type Document, type Remover } from './dom.ts';
import { FURNITURE_PATTERNS } from './furniture.ts';
import { comparable } from './metadata.ts';
import { PROSE_MIN_CHARS, type PageStats } from './stats.ts';

const MAX_LINK_DENSITY = 0.5;

const MAX_FURNITURE_CHARS = 300;

/** A whole block's text that is page furniture ("Advertisement", "Updated 3 minutes ago"...). */
export function isFurnitureText(text: string): boolean {
  if (text.length >= MAX_FURNITURE_CHARS) return false;
  let known = furnitureSeen.get(text);
  if (known === undefined) {
    known = FURNITURE_ANY.some((re) => re.test(text));
    // The same short texts come back on every page of a site and in several passes; the memo is bounded.
    if (furnitureSeen.size >= 10_000) furnitureSeen.clear();
    furnitureSeen.set(text, known);
  }
  return known;
}
const furnitureSeen = new Map<string, boolean>();

/**
 * FURNITURE_PATTERNS joined into one alternation per set of flags: the same matches (none is
 * global or sticky, none refers to a group) in 4 runs instead of 40, 1.4x faster over the
 * pages' short texts.
 */
const FURNITURE_ANY = (() => {
  const byFlags = new Map<string, string[]>();
  for (const re of FURNITURE_PATTERNS) {
    // A global or sticky pattern keeps state between tests, a backreference counts groups: neither joins.
    if (/[gy]/.test(re.flags) || /\\[1-9]|\\k</.test(re.source))
      throw new Error(`furniture pattern ${re} cannot be joined with the others`);
    byFlags.set(re.flags, [...(byFlags.get(re.flags) ?? []), `(?:${re.source})`]);
  }
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
})();

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

/** A block `filterBlocks` drops whatever the model says (`title` as `comparable` gives it). */
export function isBoilerplate(block: Block, title: string, furniture?: boolean): boolean {
  const ownChars = block.text.length * (1 - block.linkDensity);
  if (block.linkDensity > MAX_LINK_DENSITY && !(ownChars >= PROSE_MIN_CHARS && block.linkDensity < 0.65)) return true;
  if (furniture ?? isFurnitureText(block.text)) return true;
  // The headline repeated in the body, possibly with the site name appended.
  if (title !== '' && block.text.length < title.length + 40 && comparable(block.text).startsWith(title)) return true;
  return false;
}

/**
 * Keeps the article's own paragraphs: drops link lists, furniture texts, the repeated headline,
 * headings that introduce nothing (a "Related" heading left after its links were dropped, or
 * followed by a heading of its own rank or higher) and repeats.
 */
export function filterBlocks(blocks: Block[], title: string): string[] {
  const titleKey = comparable(title);
  const kept = blocks.filter((b) => !isBoilerplate(b, titleKey));
  const out: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const b = kept[i];
    const next = kept[i + 1];
    // A heading over a deeper one opens a section with subsections (h2 "Tools", h3 "Hammers").
    if (b.kind === 'heading' && (!next || (next.kind === 'heading' && !(b.level > 0 && next.level > b.level)))) continue;
    if (out.length > 0 && out[out.length - 1] === b.text) continue;
    out.push(b.text);
  }
  return out;
}
