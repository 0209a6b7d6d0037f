import { describe, expect, it } from 'vitest';
import { rssItemUrl } from './item-url.ts';

const FEED = 'https://feeds.example.com/rss.xml';

describe('rssItemUrl', () => {
  it.each([
    ['link only', 'https://ex.com/a', undefined, 'https://ex.com/a'],
    ['guid URL only', undefined, { value: 'https://ex.com/g' }, 'https://ex.com/g'],
    ['guid not a URL, no link', undefined, { value: 'tag:ex.com,2024:1', isPermaLink: false }, null],
    ['opaque guid that looks like a path, no link', undefined, { value: 'abc', isPermaLink: false }, null],
    ['relative guid is an identifier, not a path', undefined, { value: 'story/123' }, null],
    ['isPermaLink="false" URL guid alone is not the article', undefined, { value: 'https://ex.com/g', isPermaLink: false }, null],
    ['link and equal guid', 'https://ex.com/a?utm_source=rss', { value: 'https://ex.com/a' }, 'https://ex.com/a'],
    // A different permalink guid alone is no reason to distrust the link (guids are often old URLs).
    ['link and unrelated guid URL', 'https://ex.com/new-slug', { value: 'https://ex.com/?p=123' }, 'https://ex.com/new-slug'],
    [
      'BBC-style /go/rss/ wrapper',
      'http://news.bbc.co.uk/go/rss/-/1/hi/uk/1.stm',
      { value: 'http://news.bbc.co.uk/1/hi/uk/1.stm', isPermaLink: false },
      'http://news.bbc.co.uk/1/hi/uk/1.stm',
    ],
    [
      'wrapper on a sibling host',
      'http://www.bbc.co.uk/go/rss/-/blogs/nick/',
      { value: 'http://www.bbc.co.uk/blogs/nick/' },
      'http://www.bbc.co.uk/blogs/nick/',
    ],
    [
      'click tracker with the URL in its query',
      'https://track.example.net/c?u=https%3A%2F%2Fex.com%2Fstory',
      { value: 'https://ex.com/story' },
      'https://ex.com/story',
    ],
    [
      'same path on an unrelated site is not a wrapper',
      'https://mirror.other.org/x/1.html',
      { value: 'https://ex.com/1.html' },
      'https://mirror.other.org/x/1.html',
    ],
  ])('%s', (_name, link, guid, expected) => {
    expect(rssItemUrl(link, guid, FEED)).toBe(expected);
  });
});
