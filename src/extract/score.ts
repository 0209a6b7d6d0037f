import { classWords } from './clean.ts';
import { elementsIn, type Document, type Element } from './dom.ts';
import type { Stats } from './stats.ts';

/** How much a character of link text or short text outside prose counts against a container. */
const LINK_PENALTY = 1.0;
const SHORT_PENALTY = 0.5;

const POSITIVE_WORDS = new Set(['article', 'articlebody', 'body', 'content', 'entry', 'main', 'post', 'story', 'text', 'prose', 'blog']);

/**
 * The main content container: the element maximising prose minus penalised boilerplate text.
 * Unlike scoring single paragraphs' parents (Readability), this naturally spans several sibling
 * blocks of an article split by ads, and stops where link lists and short snippets outweigh text.
 */
export function chooseContainer(doc: Document, stats: Map<Element, Stats>): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of elementsIn(doc)) {
    const s = stats.get(el)!;
    if (s.prose === 0) continue;
    const score = (s.prose - LINK_PENALTY * s.otherLinks - SHORT_PENALTY * s.other) * hint(el);
    // >= keeps the deepest of equal scores: the tightest wrapper around the same text.
    if (score >= bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

function hint(el: Element): number {
  if (el.attribs.itemprop === 'articleBody') return 1.1;
  if (el.name === 'article' || el.name === 'main') return 1.02;
  return classWords(el).some((w) => POSITIVE_WORDS.has(w)) ? 1.02 : 1;
}
