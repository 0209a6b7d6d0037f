import { Text, elementsIn, isElement, type ParentNode, type Element } from './dom.ts';

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
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
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

/** Bottom-up statistics for every element under `root`, in one pass. */
export function computeStats(root: ParentNode): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const all = elementsIn(root);
  for (let i = all.length - 1; i >= 0; i--) stats.set(all[i], statsOf(all[i], stats));
  return stats;
}

/**
 * Brings `stats` up to date after subtrees were detached from `parents` (their former parents):
 * every ancestor on those paths is recomputed once, deepest first; the rest of the page is
 * unchanged. Equal to a fresh computeStats of the page, at the cost of the paths only.
 */
export function refreshStats(stats: Map<Element, Stats>, parents: ParentNode[]): void {
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
  for (const el of order) stats.set(el, statsOf(el, stats));
}

function statsOf(el: Element, stats: Map<Element, Stats>): Stats {
  const s: Stats = { text: 0, link: 0, inline: 0, inlineLink: 0, prose: 0, other: 0, otherLinks: 0 };
  for (const child of el.children) {
    if (child instanceof Text) {
      const n = visibleLength(child.data);
      s.text += n;
      s.inline += n;
    } else if (isElement(child)) {
      const c = stats.get(child)!;
      s.text += c.text;
      s.link += c.link;
      s.prose += c.prose;
      s.other += c.other;
      s.otherLinks += c.otherLinks;
      if (!BLOCK_TAGS.has(child.name)) {
        s.inline += c.inline;
        s.inlineLink += c.inlineLink;
      }
    }
  }
  if (el.name === 'a') {
    s.link = s.text;
    s.inlineLink = s.inline;
  }
  if (BLOCK_TAGS.has(el.name)) classifyInline(s, NEUTRAL_BLOCKS.has(el.name));
  return s;
}

/**
 * Short blocks that are content as often as furniture: table rows of data and headings (an
 * article's sub-headings). Without links they count neither way, so a heading added above a
 * "related" list cannot tip the choice of container.
 */
const NEUTRAL_BLOCKS = new Set(['tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function classifyInline(s: Stats, neutral: boolean): void {
  if (s.inline === 0) return;
  if (isProse(s.inline, s.inlineLink)) s.prose += s.inline;
  else if (neutral && s.inlineLink === 0) return;
  else {
    s.other += s.inline - s.inlineLink;
    s.otherLinks += s.inlineLink;
  }
}

/**
 * Long text that is mostly not links. A list item that leads with a linked headline and goes on
 * with a sentence of its own ("<a>WeWork is investigated</a>. The company confirmed...") is prose too.
 */
export function isProse(chars: number, linkChars: number): boolean {
  if (chars < PROSE_MIN_CHARS) return false;
  const density = linkChars / chars;
  return density < PROSE_MAX_LINK_DENSITY || (chars - linkChars >= PROSE_MIN_CHARS && density < 0.65);
}
