import { describe, expect, it } from 'vitest';
import type { DiffSummary } from '../diff/types.ts';
import { laterOrEarlier, relativeTime, formatDate } from './format.ts';
import { describeDiff } from './summary.ts';

const none: DiffSummary = {
  wordsAdded: 0, wordsRemoved: 0, paragraphsAdded: 0, paragraphsRemoved: 0, paragraphsChanged: 0, paragraphsMoved: 0,
  paragraphsSplit: 0, paragraphsMerged: 0, titleChanged: false, bylineChanged: false, publishedChanged: false,
};

describe('describeDiff', () => {
  it.each([
    [{ titleChanged: true, paragraphsRemoved: 2, paragraphsChanged: 1, wordsAdded: 12, wordsRemoved: 30 }, 'Headline changed; 2 paragraphs removed, 1 changed: +12 / \u221230 words'],
    [{ paragraphsAdded: 1, wordsAdded: 20 }, '1 paragraph added: +20 / \u22120 words'],
    [{ paragraphsMoved: 1 }, '1 paragraph moved: +0 / \u22120 words'],
    [{ titleChanged: true, bylineChanged: true, wordsAdded: 2, wordsRemoved: 2 }, 'Headline and byline changed; no paragraph changed: +2 / \u22122 words'],
    [{}, 'No paragraph changed: +0 / \u22120 words'],
  ])('%j', (partial, expected) => {
    expect(describeDiff({ ...none, ...partial })).toBe(expected);
  });
});

describe('time formatting', () => {
  const t = Date.UTC(2026, 10, 20, 9, 5);
  it.each([
    [t, t + 31 * 60_000, '31 minutes later'],
    [t, t + 60 * 60_000, '1 hour later'],
    [t + 3 * 86_400_000, t, '3 days earlier'],
    [t, t + 20_000, 'less than a minute later'],
    [t, t, 'at the same time'],
  ])('laterOrEarlier(%i, %i) = %s', (a, b, expected) => {
    expect(laterOrEarlier(a, b)).toBe(expected);
  });

  it('relative and exact times', () => {
    expect(relativeTime(t, t + 2 * 3600_000 + 59 * 60_000)).toBe('2 hours ago');
    expect(relativeTime(t + 5 * 60_000, t)).toBe('in 5 minutes');
    expect(formatDate(t)).toBe('20 November 2026, 09:05 UTC');
  });
});
