import { Text, elementCount, elementsIn, isElement, orderOf, type Document, type Element, type ParentNode } from './dom.ts';

/**
 * Elements that start a new paragraph; everything else is inline and flows into its block.
 * Table cells are inline so that a table row reads as one line ("1 Kyle Busch 5040 5").
 */
export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'li',
  'ul',
  'ol',
  'dl',
  'dd',
  'dt',
  'tr',
  'tbody',
  'thead',
  'table',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'form',
  'body',
  'html',
  'center',
  'address',
  'hr',
  'br',
  'details',
  'summary',
  'fieldset',
  'hgroup',
  'nav',
  'aside',
  'footer',
  'figure',
  'figcaption',
  'dialog',
  'menu',
]);

/** A block whose own text is at least this long and mostly not links reads as prose. */
export const PROSE_MIN_CHARS = 60;
export const PROSE_MAX_LINK_DENSITY = 0.35;

export interface Stats {
  /** Characters of text (whitespace collapsed) in the subtree, and the part inside links. */
  text: number;
  link: number;
  /** Text of this element that belongs to no nested block. */
  inline: number;
  inlineLink: number;
  /** Characters in prose blocks, and in short or link-heavy blocks, within the subtree. */
  prose: number;
  other: number;
  otherLinks: number;
}

export function visibleLength(s: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Space, \n, \t, \r, \f and NBSP; a printable character is told by one comparison.
    const isSpace = c <= 32 ? c === 32 || c === 10 || c === 9 || c === 13 || c === 12 : c === 160;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

/** The columns of PageStats, each element's values side by side. */
const TEXT = 0;
const LINK = 1;
const INLINE = 2;
const INLINE_LINK = 3;
const PROSE = 4;
const OTHER = 5;
const OTHER_LINKS = 6;
const WIDTH = 7;

/**
 * Statistics of a page's elements in one flat array at each element's document order (see
 * `orderOf`): no Map and no object per element. An element the statistics were not computed
 * for (outside the tree at the time, or not made by parseHtml) reads as all zeros, which every
 * pass treats as a Map's missing entry.
 */
export class PageStats {
  private readonly values: Float64Array;
  /** How many elements the statistics have room for (elements of order 0 to size - 1). */
  readonly size: number;

  constructor(size: number, values?: Float64Array) {
    this.values = values ?? new Float64Array(size * WIDTH);
    this.size = this.values.length / WIDTH;
  }

  /** An independent copy (to bring up to date with refreshStats while this one stays). */
  copy(): PageStats {
    return new PageStats(0, this.values.slice());
  }

  private at(el: Element, column: number): number {
    const i = orderOf(el);
    return i < 0 ? 0 : (this.values[i * WIDTH + column] ?? 0);
  }

  text(el: Element): number {
    return this.at(el, TEXT);
  }
  link(el: Element): number {
    return this.at(el, LINK);
  }
  prose(el: Element): number {
    return this.at(el, PROSE);
  }
  other(el: Element): number {
    return this.at(el, OTHER);
  }
  otherLinks(el: Element): number {
    return this.at(el, OTHER_LINKS);
  }

  /** All of an element's statistics as an object (for tests and scripts; the passes read columns). */
  get(el: Element): Stats {
    return {
      text: this.at(el, TEXT),
      link: this.at(el, LINK),
      inline: this.at(el, INLINE),
      inlineLink: this.at(el, INLINE_LINK),
      prose: this.at(el, PROSE),
      other: this.at(el, OTHER),
      otherLinks: this.at(el, OTHER_LINKS),
    };
  }

  /** Recomputes one element from its children's values (children first). */
  compute(el: Element): void {
    const v = this.values;
    const at = orderOf(el) * WIDTH;
    if (at < 0 || at >= v.length) throw new Error(`computeStats needs a tree made by parseHtml (element <${el.name}> is not)`);
    let text = 0;
    let link = 0;
    let inline = 0;
    let inlineLink = 0;
    let prose = 0;
    let other = 0;
    let otherLinks = 0;
    // An indexed loop: for-of over children allocates an iterator result per child here (the
    // shared frozen empty children of tree-nodes.ts make the arrays two kinds to V8).
    const children = el.children;
    for (let k = 0; k < children.length; k++) {
      const child = children[k];
      if (child instanceof Text) {
        const n = visibleLength(child.data);
        text += n;
        inline += n;
      } else if (isElement(child)) {
        const c = orderOf(child) * WIDTH;
        if (c < 0) continue;
        text += v[c + TEXT];
        link += v[c + LINK];
        prose += v[c + PROSE];
        other += v[c + OTHER];
        otherLinks += v[c + OTHER_LINKS];
        if (!BLOCK_TAGS.has(child.name)) {
          inline += v[c + INLINE];
          inlineLink += v[c + INLINE_LINK];
        }
      }
    }
    if (el.name === 'a') {
      link = text;
      inlineLink = inline;
    }
    if (BLOCK_TAGS.has(el.name) && inline !== 0) {
      // Classifies the element's own inline text (see NEUTRAL_BLOCKS).
      if (isProse(inline, inlineLink)) prose += inline;
      else if (!(NEUTRAL_BLOCKS.has(el.name) && inlineLink === 0)) {
        other += inline - inlineLink;
        otherLinks += inlineLink;
      }
    }
    v[at + TEXT] = text;
    v[at + LINK] = link;
    v[at + INLINE] = inline;
    v[at + INLINE_LINK] = inlineLink;
    v[at + PROSE] = prose;
    v[at + OTHER] = other;
    v[at + OTHER_LINKS] = otherLinks;
  }
}

/** Bottom-up statistics for every element under `root` (a tree made by parseHtml), in one pass. */
export function computeStats(root: ParentNode): PageStats {
  let top: ParentNode = root;
  while (top.parent) top = top.parent;
  const stats = new PageStats(elementCount(top as Document));
  const all = elementsIn(root);
  for (let i = all.length - 1; i >= 0; i--) stats.compute(all[i]);
  return stats;
}

/**
 * Brings `stats` up to date after subtrees were detached from `parents` (their former parents):
 * every ancestor on those paths is recomputed once, deepest first; the rest of the page is
 * unchanged. Equal to a fresh computeStats of the page, at the cost of the paths only.
 */
export function refreshStats(stats: PageStats, parents: ParentNode[]): void {
  const depthOf = new Map<Element, number>();
  for (const start of parents) {
    const chain: Element[] = [];
    for (let p: ParentNode | null = start; p && isElement(p) && !depthOf.has(p); p = p.parent) chain.push(p);
    if (chain.length === 0) continue;
    const top = chain[chain.length - 1].parent;
    let depth = top && isElement(top) ? depthOf.get(top)! + 1 : 0;
    for (let i = chain.length - 1; i >= 0; i--) depthOf.set(chain[i], depth++);
  }
  const order = [...depthOf.keys()].sort((a, b) => depthOf.get(b)! - depthOf.get(a)!);
  for (const el of order) stats.compute(el);
}

/**
 * Short blocks that are content as often as furniture: table rows of data and headings (an
 * article's sub-headings). Without links they count neither way, so a heading added above a
 * "related" list cannot tip the choice of container.
 */
const NEUTRAL_BLOCKS = new Set(['tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Long text that is mostly not links. A list item that leads with a linked headline and goes on
 * with a sentence of its own ("<a>WeWork is investigated</a>. The company confirmed...") is prose too.
 */
export function isProse(chars: number, linkChars: number): boolean {
  if (chars < PROSE_MIN_CHARS) return false;
  const density = linkChars / chars;
  return density < PROSE_MAX_LINK_DENSITY || (chars - linkChars >= PROSE_MIN_CHARS && density < 0.65);
}
