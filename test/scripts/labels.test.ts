import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/extract/blocks.ts';
import { blockLabels } from '../../scripts/lib/labels.ts';

const blocks = (texts: string[]) => texts.map((text) => ({ text }) as Block);
const ARTICLE = 'The council approved the new budget on Tuesday after a long debate about school funding.';
const PROMO = 'Sign up for our daily newsletter to get the top stories in your inbox.';
const MENU = 'Home News Sport Weather';

describe('blockLabels (training labels of the block classifier)', () => {
  it('labels the ground-truth block 1 and furniture 0, and weighs blocks by their words', () => {
    const { labels, weights } = blockLabels(blocks([ARTICLE, PROMO, MENU]), ARTICLE);
    expect([...labels]).toEqual([1, 0, 0]);
    expect(weights[0]).toBeGreaterThan(weights[2]);
  });

  it('gives a furniture block that holds, or lies inside, a without[] snippet the extra weight, and no other block', () => {
    const texts = [ARTICLE, PROMO, MENU, 'Get the top stories'];
    const plain = blockLabels(blocks(texts), ARTICLE);
    const weighted = blockLabels(blocks(texts), ARTICLE, {
      snippets: ['Sign up for our daily newsletter', 'get the top stories in your inbox. Unsubscribe at any time.'],
      weight: 3,
    });
    expect(weighted.weights[0]).toBeCloseTo(plain.weights[0]);
    expect(weighted.weights[1]).toBeCloseTo(3 * plain.weights[1]);
    expect(weighted.weights[2]).toBeCloseTo(plain.weights[2]);
    expect(weighted.weights[3]).toBeCloseTo(3 * plain.weights[3]);
  });

  it('never weighs up a block of the ground truth, even when a snippet names its text', () => {
    const plain = blockLabels(blocks([ARTICLE, PROMO]), ARTICLE);
    const weighted = blockLabels(blocks([ARTICLE, PROMO]), ARTICLE, { snippets: [ARTICLE.slice(0, 40)], weight: 3 });
    expect(weighted.weights[0]).toBeCloseTo(plain.weights[0]);
  });
});
