import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError } from './errors.ts';
import { parseFeed, parseFeedDocument } from './parse.ts';
import { MAX_DOCUMENT_CHARS } from './xml-guard.ts';
import { MAX_XML_ELEMENTS } from './xml-tree.ts';

const FEED_URL = 'https://feeds.example.com/path/feed';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'testdata', name), 'utf8');

describe('parseFeedDocument on each format', () => {
  it('RSS 2.0: strips tracking, resolves relative links, falls back to an http guid, dedupes', () => {
    const doc = parseFeedDocument(fixture('rss2.xml'), FEED_URL);
    expect(doc.format).toBe('rss');
    expect(doc.items).toEqual([
      {
        url: 'https://news.example.com/politics/minister-resigns',
        title: 'Minister resigns over expenses',
        publishedAt: Date.UTC(2024, 2, 5, 14, 30),
      },
      { url: 'https://feeds.example.com/world/story-2', title: 'Relative link & entity', publishedAt: Date.UTC(2024, 2, 5, 10) },
      { url: 'https://news.example.com/world/story-3', title: 'Guid only', publishedAt: null },
    ]);
  });

  it('RSS 0.91 with a plain public DOCTYPE is accepted', () => {
    expect(parseFeed(fixture('rss091.xml'), FEED_URL)).toEqual([
      { url: 'http://old.example.org/cafe.html', title: 'Café opens', publishedAt: null },
    ]);
  });

  it('RSS 1.0 (RDF) with dc:date', () => {
    const doc = parseFeedDocument(fixture('rdf.xml'), FEED_URL);
    expect(doc.format).toBe('rdf');
    expect(doc.items.map((i) => i.url)).toEqual(['https://www.example.de/a-1', 'https://www.example.de/b-2?maca=en-rss-en-all-1573-rdf']);
    expect(doc.items[0]).toMatchObject({ title: 'Erster Artikel über Ärger', publishedAt: Date.UTC(2024, 2, 1, 7, 15) });
  });

  it('Atom: alternate link over self, html title flattened, updated when no published', () => {
    const doc = parseFeedDocument(fixture('atom.xml'), FEED_URL);
    expect(doc.format).toBe('atom');
    expect(doc.items).toEqual([
      { url: 'https://atom.example.com/2024/03/storm', title: 'Storm hits coast', publishedAt: Date.UTC(2024, 2, 5, 12) },
      { url: 'https://feeds.example.com/2024/03/second', title: 'Updated only', publishedAt: Date.UTC(2024, 2, 4, 14) },
    ]);
  });

  it('JSON Feed: url, then external_url; items without either are skipped', () => {
    const doc = parseFeedDocument(fixture('feed.json'), FEED_URL);
    expect(doc.format).toBe('json');
    expect(doc.items).toEqual([
      { url: 'https://json.example.com/a?id=7', title: 'First', publishedAt: Date.UTC(2024, 2, 5, 12) },
      { url: 'https://elsewhere.example.net/b', title: 'Linked', publishedAt: null },
    ]);
  });

  it('XML sitemap: loc and lastmod, invalid locs skipped', () => {
    const doc = parseFeedDocument(fixture('sitemap.xml'), FEED_URL);
    expect(doc).toEqual({
      format: 'sitemap',
      sitemaps: [],
      items: [
        { url: 'https://map.example.com/news/one', title: null, publishedAt: Date.UTC(2024, 2, 5) },
        { url: 'https://map.example.com/news/two?a=1&b=2', title: null, publishedAt: Date.UTC(2024, 2, 5, 10, 20) },
      ],
    });
  });

  it('Google News sitemap: news:title and news:publication_date, image:* ignored', () => {
    expect(parseFeed(fixture('news-sitemap.xml'), FEED_URL)).toEqual([
      {
        url: 'https://www.example.co.uk/world/europe/article-123',
        title: 'Talks & tension in Brussels',
        publishedAt: Date.UTC(2024, 2, 5, 13, 45),
      },
      { url: 'https://www.example.co.uk/business/article-124', title: 'Markets <rally>', publishedAt: Date.UTC(2024, 2, 5) },
    ]);
  });

  it('sitemap index: child sitemaps, no items', () => {
    const doc = parseFeedDocument(fixture('sitemap-index.xml'), FEED_URL);
    expect(doc).toEqual({
      format: 'sitemap-index',
      items: [],
      sitemaps: ['https://idx.example.com/sitemap-news-1.xml', 'https://feeds.example.com/sitemap-news-2.xml'],
    });
    expect(parseFeed(fixture('sitemap-index.xml'), FEED_URL)).toEqual([]);
  });
});

describe('hostile and broken documents', () => {
  const kindOf = (text: string) => {
    try {
      parseFeedDocument(text, FEED_URL);
      return 'parsed';
    } catch (err) {
      expect(err).toBeInstanceOf(FeedError);
      expect((err as Error).message).toContain(FEED_URL);
      return (err as FeedError).kind;
    }
  };

  it('rejects an entity-expansion bomb quickly', () => {
    const started = performance.now();
    expect(kindOf(fixture('billion-laughs.xml'))).toBe('malformed');
    // Not a timing assertion on the happy path: an expanded bomb would take gigabytes and never return.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ['mismatched tags', fixture('malformed.xml'), 'malformed'],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'malformed'],
    ['no root element', '<?xml version="1.0"?><!-- nothing -->', 'malformed'],
    ['an HTML page', '<!doctype html><html><head><title>x</title></head><body></body></html>', 'unknown-format'],
    ['plain text', 'Service unavailable', 'unknown-format'],
    ['JSON that is not a feed', '{"hello": "world"}', 'unknown-format'],
  ])('%s', (_name, text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it('refuses a document over the size limit without parsing it', () => {
    const huge = '<rss version="2.0">' + ' '.repeat(MAX_DOCUMENT_CHARS);
    expect(kindOf(huge)).toBe('too-large');
  });

  it('refuses a document of more than MAX_XML_ELEMENTS elements, and reads one at the bound', () => {
    const items = (n: number) => `<rss version="2.0"><channel><title>x</title>${'<a/>'.repeat(n)}</channel></rss>`;
    expect(kindOf(items(MAX_XML_ELEMENTS))).toBe('too-large');
    expect(() => parseFeedDocument(items(MAX_XML_ELEMENTS), FEED_URL)).toThrow(/more than 1,000,000 elements/);
    expect(parseFeedDocument(items(MAX_XML_ELEMENTS - 3), FEED_URL).items).toEqual([]);
  });

  it('accepts a leading BOM and whitespace', () => {
    expect(parseFeed('\ufeff\n  ' + fixture('rss091.xml'), FEED_URL)).toHaveLength(1);
  });
});
