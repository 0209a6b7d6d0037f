import { elementsIn, isElement, Text, textOf, type AnyNode, type Document, type Element, type Remover } from './dom.ts';
import type { PageStats } from './stats.ts';

const HEADING = /^h[2-6]$/;
const MAX_TEASER_CHARS = 600;

/**
 * Removes lists of article teasers ("More from...", tickers, related cards): sibling elements
 * that each carry a linked headline, or start with a link and end with a truncated summary.
 * Needs at least two such siblings, so one linked sub-heading in an article is left alone.
 * Siblings whose headings count on ("1. Harvard", "2. Stanford"...) are the entries of a ranked
 * listicle that link to their own pages, not teasers: they are left to the model.
 */
export function removeTeaserLists(doc: Document, stats: PageStats, remove: Remover): void {
  const all = elementsIn(doc);
  const withLinkedHeading = elementsWithLinkedHeading(all, stats);
  for (const parent of all) {
    if (!parent.parent) continue;
    // Most elements have no teaser child: no array for them.
    let teasers: Element[] | undefined;
    // By index: for-of over children allocates an iterator result per child (see stats.ts's compute).
    const children = parent.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (isElement(c) && isTeaser(c, stats, withLinkedHeading)) (teasers ??= []).push(c);
    }
    if (teasers && teasers.length >= 2 && !isNumberedRun(parent, teasers)) for (const t of teasers) remove(t, 'teaser');
  }
}

/**
 * The parent's children are ranked entries: the first headings of its children count on
 * (1, 2, 3..., at least three), and most teasers among them are such entries.
 */
function isNumberedRun(parent: Element, teasers: Element[]): boolean {
  const ranks: number[] = [];
  let rankedTeasers = 0;
  for (const c of parent.children) {
    if (!isElement(c)) continue;
    const heading = firstHeading(c);
    const m = heading && RANK.exec(textOf(heading));
    if (!m) continue;
    ranks.push(Number(m[1]));
    if (teasers.includes(c)) rankedTeasers++;
  }
  if (ranks.length < 3 || rankedTeasers * 3 < teasers.length * 2) return false;
  return ranks.every((r, i) => i === 0 || r === ranks[i - 1] + 1);
}
const RANK = /^\s*(\d{1,3})[.)]\s/;

function firstHeading(el: Element): Element | undefined {
  const stack: Element[] = [el];
  for (let seen = 0; stack.length > 0 && seen < 200; seen++) {
    const node = stack.pop()!;
    if (HEADING.test(node.name)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i];
      if (isElement(c)) stack.push(c);
    }
  }
  return undefined;
}

function isTeaser(el: Element, stats: PageStats, withLinkedHeading: Set<Element>): boolean {
  if (el.name === 'p' || HEADING.test(el.name) || el.name === 'a') return false;
  if (stats.text(el) > MAX_TEASER_CHARS || stats.link(el) < 10) return false;
  if (withLinkedHeading.has(el)) return true;
  return startsWithLink(el) && /(\.\.\.|…)\s*$/.test(lastText(el));
}

/** Elements with an h2-h6 descendant that is mostly link text, computed bottom-up in one pass. */
function elementsWithLinkedHeading(all: Element[], stats: PageStats): Set<Element> {
  const found = new Set<Element>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i];
    const text = stats.text(el);
    // <h3><a>Headline</a></h3> and <a><h3>Headline</h3></a> are both linked headlines.
    const linked = HEADING.test(el.name) && text > 0 && (stats.link(el) / text >= 0.7 || insideLink(el));
    if ((linked || found.has(el)) && el.parent && isElement(el.parent)) found.add(el.parent);
  }
  return found;
}

/** How far down the first/last text is looked for; teasers are shallow. */
const MAX_DESCENT = 12;

function startsWithLink(el: Element): boolean {
  let node: AnyNode | undefined = el;
  for (let depth = 0; node && isElement(node) && depth < MAX_DESCENT; depth++) {
    if (node.name === 'a') return true;
    node = node.children.find((c) => !(c instanceof Text) || c.data.trim() !== '');
  }
  return false;
}

function lastText(el: Element): string {
  let node: AnyNode | undefined = el;
  for (let depth = 0; node && isElement(node) && depth < MAX_DESCENT; depth++)
    node = [...node.children].reverse().find((c) => !(c instanceof Text) || c.data.trim() !== '');
  return node instanceof Text ? node.data : '';
}

function insideLink(el: Element): boolean {
  for (let p = el.parent, hops = 0; p && isElement(p) && hops < 3; p = p.parent, hops++) if (p.name === 'a') return true;
  return false;
}
