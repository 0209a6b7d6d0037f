import { isElement, orderOf, type Element, type RemovalReason } from './dom.ts';
import type { PageStats } from './stats.ts';

/**
 * The text, link text and prose of elements once what the boilerplate passes take out is left
 * out: a related list, an ad or a share bar inserted beside the article's paragraphs changes
 * their parent's raw statistics, not these. Computed for the ancestors of removed subtrees only;
 * every other element reads as its raw statistics. A removal inside a removed subtree (a related
 * list the link pass took out, in a wrapper the weak pass took out later) is left out of the
 * elements between the two: the paragraphs beside it in the wrapper read without it too.
 */
export class KeptStats {
  private readonly cut = new Map<number, [number, number, number]>();

  constructor(
    private readonly stats: PageStats,
    reasons: Map<unknown, RemovalReason>,
  ) {
    for (const node of reasons.keys()) {
      if (!isElement(node as Element)) continue;
      const el = node as Element;
      const text = stats.text(el);
      if (text === 0) continue;
      const link = stats.link(el);
      const prose = stats.prose(el);
      for (let p = el.parent; p && isElement(p); p = p.parent) {
        const i = orderOf(p);
        if (i >= 0 && i < stats.size) {
          const sums = this.cut.get(i);
          if (sums) {
            sums[0] += text;
            sums[1] += link;
            sums[2] += prose;
          } else this.cut.set(i, [text, link, prose]);
        }
        // Above a removed ancestor its own removal counts, with this one inside it.
        if (reasons.has(p)) break;
      }
    }
  }

  /** Text, link text and prose of the element without its removed parts (never below 0). */
  of(el: Element): [number, number, number] {
    const sums = this.cut.get(orderOf(el));
    const text = this.stats.text(el);
    const link = this.stats.link(el);
    const prose = this.stats.prose(el);
    if (!sums) return [text, link, prose];
    return [Math.max(0, text - sums[0]), Math.max(0, link - sums[1]), Math.max(0, prose - sums[2])];
  }
}
