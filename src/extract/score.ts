import { classWords } from './clean.ts';
import { elementsIn, isElement, type Document, type Element } from './dom.ts';
import { BLOCK_TAGS, type PageStats } from './stats.ts';

/** How much a character of link text or short text outside prose counts against a container. */
const LINK_PENALTY = 1.0;
const SHORT_PENALTY = 0.5;

const POSITIVE_WORDS = new Set(['article', 'articlebody', 'body', 'content', 'entry', 'main', 'post', 'story', 'text', 'prose', 'blog']);

/**
 * The main content container: the element maximising prose minus penalised boilerplate text.
 * Unlike scoring single paragraphs' parents (Readability), this naturally spans several sibling
 * blocks of an article split by ads, and stops where link lists and short snippets outweigh text.
 */
export function chooseContainer(doc: Document, stats: PageStats): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  const scoreOf = (el: Element) => {
    return (stats.prose(el) - LINK_PENALTY * stats.otherLinks(el) - SHORT_PENALTY * stats.other(el)) * hint(el);
  };
  for (const el of elementsIn(doc)) {
    if (stats.prose(el) === 0) continue;
    const score = scoreOf(el);
    // >= keeps the deepest of equal scores: the tightest wrapper around the same text.
    if (score >= bestScore) {
      best = el;
      bestScore = score;
    }
  }
  // A single paragraph is not an article's container: on a short article (one long paragraph
  // and a short one) the short one's penalty would make the long one win alone. Its parent,
  // when that still scores above nothing, is the container.
  const parent = best?.parent;
  if (best && parent && isElement(parent) && isOneBlock(best) && stats.prose(parent) > 0 && scoreOf(parent) > 0) return parent;
  return best;
}

/** The element's text is one block: no block element inside it (line breaks aside). */
function isOneBlock(el: Element): boolean {
  for (const d of elementsIn(el)) if (d !== el && d.name !== 'br' && BLOCK_TAGS.has(d.name)) return false;
  return true;
}

function hint(el: Element): number {
  if (el.attribs.itemprop === 'articleBody') return 1.1;
  if (el.name === 'article' || el.name === 'main') return 1.02;
  return classWords(el).some((w) => POSITIVE_WORDS.has(w)) ? 1.02 : 1;
}
