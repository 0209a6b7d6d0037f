import { describe, expect, it } from 'vitest';
import type { DiffSummary } from '../diff/types.ts';
import { describeDiff } from './summary.ts';

const none: DiffSummary = {
  wordsAdded: 0,
  wordsRemoved: 0,
  paragraphsAdded: 0,
  paragraphsRemoved: 0,
  paragraphsChanged: 0,
  paragraphsMoved: 0,
  paragraphsSplit: 0,
  paragraphsMerged: 0,
  titleChanged: false,
  bylineChanged: false,
  publishedChanged: false,
};

describe('describeDiff', () => {
  it.each([
    [
      { titleChanged: true, paragraphsRemoved: 2, paragraphsChanged: 1, wordsAdded: 12, wordsRemoved: 30 },
      'Headline changed; 2 paragraphs removed, 1 changed: +12 / \u221230 words',
    ],
    [{ paragraphsAdded: 1, wordsAdded: 20 }, '1 paragraph added: +20 / \u22120 words'],
    [{ paragraphsMoved: 1 }, '1 paragraph moved: +0 / \u22120 words'],
    [
      { titleChanged: true, bylineChanged: true, wordsAdded: 2, wordsRemoved: 2 },
      'Headline and byline changed; no paragraph changed: +2 / \u22122 words',
    ],
    [{}, 'No paragraph changed: +0 / \u22120 words'],
  ])('%j', (partial, expected) => {
    expect(describeDiff({ ...none, ...partial })).toBe(expected);
  });
});
