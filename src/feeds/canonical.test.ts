import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, tryCanonicalizeHttpUrl } from './canonical.ts';
import { sourceAccepts } from './filter.ts';

describe('canonicalizeUrl', () => {
  it.each([
    ['https://Example.COM/a/b?utm_source=rss&utm_medium=feed#top', 'https://example.com/a/b'],
    ['http://example.com:80/x', 'http://example.com/x'],
    ['https://example.com:443/x', 'https://example.com/x'],
    ['https://example.com:8443/x', 'https://example.com:8443/x'],
    ['https://example.com/x?id=5&fbclid=abc&page=2', 'https://example.com/x?id=5&page=2'],
    ['https://example.com/x?gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&igshid=6&_ga=7', 'https://example.com/x'],
    ['https://example.com/x?q=a%20b&utm_campaign=z', 'https://example.com/x?q=a%20b'],
    // Other parameters keep their order and spelling: reordering could merge distinct pages.
    ['https://example.com/x?b=2&a=1', 'https://example.com/x?b=2&a=1'],
    // ref/partner/emc/cmp only when their value is clearly a channel name.
    ['https://example.com/x?ref=rss', 'https://example.com/x'],
    ['https://example.com/x?ref=4411', 'https://example.com/x?ref=4411'],
    ['https://www.nytimes.com/a.html?partner=rss&emc=rss', 'https://www.nytimes.com/a.html'],
    ['https://example.com/x?partner=acme', 'https://example.com/x?partner=acme'],
    ['https://example.com/x?', 'https://example.com/x'],
    // Credentials in a feed item's URL must never be published with the article.
    ['http://user:pass@news.example/a', 'http://news.example/a'],
    ['https://admin@news.example:8443/a?id=1', 'https://news.example:8443/a?id=1'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('resolves against a base', () => {
    expect(canonicalizeUrl('../b/c?utm_source=x#f', 'https://example.com/a/feed.xml')).toBe('https://example.com/b/c');
  });

  it('is idempotent', () => {
    const once = canonicalizeUrl('HTTPS://EXAMPLE.com:443/Path?utm_x=1&k=v#h');
    expect(canonicalizeUrl(once)).toBe(once);
    expect(once).toBe('https://example.com/Path?k=v');
  });

  it('throws on garbage without a base; tryCanonicalizeHttpUrl returns null', () => {
    expect(() => canonicalizeUrl('not a url')).toThrow(TypeError);
    expect(tryCanonicalizeHttpUrl('not a url', 'https://example.com/')).toBeNull();
    expect(tryCanonicalizeHttpUrl('mailto:a@b.c')).toBeNull();
    expect(tryCanonicalizeHttpUrl('')).toBeNull();
    expect(tryCanonicalizeHttpUrl('/a', 'https://example.com/feed')).toBe('https://example.com/a');
  });
});

describe('sourceAccepts', () => {
  const url = 'https://www.bbc.co.uk/sport/football/123';
  it.each([
    [{ include: [], exclude: [] }, true],
    [{ include: [], exclude: ['/sport/'] }, false],
    [{ include: ['/news/'], exclude: [] }, false],
    [{ include: ['/news/', '/sport/'], exclude: [] }, true],
    [{ include: ['/sport/'], exclude: ['/football/'] }, false],
    [{ include: ['^https://www\\.bbc\\.co\\.uk/'], exclude: ['/live/'] }, true],
  ])('%j -> %s', (source, expected) => {
    expect(sourceAccepts(source, url)).toBe(expected);
  });
});
