import { describe, expect, it } from 'vitest';
import { keyFromUrl } from './sources.ts';

describe('keyFromUrl', () => {
  it.each([
    ['https://feeds.bbci.co.uk/news/rss.xml', 'bbci'],
    ['https://www.theguardian.com/world/rss', 'theguardian'],
    ['https://rss.nytimes.com/services/xml/rss/nyt/HomePage.xml', 'nytimes'],
    ['http://127.0.0.1:8080/feed.xml', 'feed-127-0-0-1'],
    ['http://[::1]:8080/feed.xml', 'feed-1'],
    ['https://localhost/feed', 'localhost'],
  ])('%s -> %s', (url, key) => {
    expect(keyFromUrl(url)).toBe(key);
  });
});
