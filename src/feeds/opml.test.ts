import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError } from './errors.ts';
import { parseOpml } from './opml.ts';

describe('parseOpml', () => {
  it('lists feeds from nested outlines in document order, once each', () => {
    const text = readFileSync(join(import.meta.dirname, 'testdata', 'subscriptions.opml'), 'utf8');
    expect(parseOpml(text)).toEqual([
      { title: 'BBC News', feedUrl: 'https://feeds.bbci.co.uk/news/rss.xml' },
      { title: 'Al Jazeera', feedUrl: 'https://www.aljazeera.com/xml/rss/all.xml' },
      { title: 'DW', feedUrl: 'https://rss.dw.com/rdf/rss-en-all' },
    ]);
  });

  it('falls back to the URL as title', () => {
    const text = '<opml version="1.0"><body><outline xmlUrl="https://a.example/feed"/></body></opml>';
    expect(parseOpml(text)).toEqual([{ title: 'https://a.example/feed', feedUrl: 'https://a.example/feed' }]);
  });

  it.each([
    ['an HTML page', '<html><body>hi</body></html>', 'unknown-format'],
    ['plain text', 'Not Found', 'unknown-format'],
    ['an entity bomb', '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>', 'malformed'],
  ])('rejects %s with FeedError', (_name, text, kind) => {
    expect(() => parseOpml(text)).toThrow(FeedError);
    expect(() => parseOpml(text)).toThrow(expect.objectContaining({ kind }));
  });
});
