import { describe, expect, it } from 'vitest';
import { parseHtml } from './dom.ts';
import { readJsonLd } from './jsonld.ts';
import { chooseByline, chooseCanonical, choosePublished, chooseTitle, collectMeta, stripSiteName } from './metadata.ts';

const meta = (head: string, body = '') => {
  const doc = parseHtml(`<html><head>${head}</head><body>${body}</body></html>`);
  return { page: collectMeta(doc), ld: readJsonLd(doc) };
};

describe('stripSiteName', () => {
  it.each([
    ['Storm closes schools across the north - Example News', null, 'Storm closes schools across the north'],
    ['Example News | Storm closes schools across the north', 'Example News', 'Storm closes schools across the north'],
    ['Brexit: what happens next', null, 'Brexit: what happens next'],
    ['Storm closes schools | World | Example News', 'Example News', 'Storm closes schools'],
    ['Short - Site', null, 'Short - Site'],
  ])('%s', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });
});

describe('metadata', () => {
  it('prefers an <h1> that agrees with og:title, keeping its exact wording', () => {
    const { page, ld } = meta(
      '<title>Rates rise | Paper</title><meta property="og:title" content="Rates rise again - Paper">',
      '<h1>Rates Rise Again</h1>',
    );
    expect(chooseTitle(page, ld)).toBe('Rates Rise Again');
  });

  it('takes a short <h1> that equals one part of a decorated <title>', () => {
    const { page, ld } = meta('<title>Story 299 | Local News</title>', '<h1>Story 299</h1>');
    expect(chooseTitle(page, ld)).toBe('Story 299');
  });

  it('falls back to og:title without the site name when the h1 is something else', () => {
    const { page, ld } = meta(
      '<meta property="og:title" content="Rates rise again as inflation bites | Paper"><meta property="og:site_name" content="Paper">',
      '<h1>Paper</h1>',
    );
    expect(chooseTitle(page, ld)).toBe('Rates rise again as inflation bites');
  });

  it('reads JSON-LD inside @graph for date and authors; skips placeholder dates', () => {
    const ld =
      '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"H","datePublished":"2026-03-01T09:00:00Z","author":[{"name":"A One"},{"name":"B Two"}]}]}</script>';
    const { page, ld: linked } = meta(ld);
    expect(choosePublished(page, linked)).toBe('2026-03-01T09:00:00Z');
    expect(chooseByline(page, linked)).toBe('A One, B Two');
    const placeholder = meta(
      '<meta property="article:published_time" content="0001-01-01T00:00:00Z">',
      '<time datetime="2026-03-02">2 March</time>',
    );
    expect(choosePublished(placeholder.page, placeholder.ld)).toBe('2026-03-02');
  });

  it('survives malformed JSON-LD', () => {
    const { page, ld } = meta(
      '<script type="application/ld+json">{"@type": "NewsArticle", oops</script><meta name="author" content="C Three">',
    );
    expect(ld).toBeNull();
    expect(chooseByline(page, ld)).toBe('C Three');
  });

  it('cuts a byline element at the date and furniture that follow the names', () => {
    const { page, ld } = meta('', '<div class="byline">By Jane Doe | November 18, 2019 12:01 PM Print this article</div>');
    expect(chooseByline(page, ld)).toBe('Jane Doe');
  });

  it('resolves the canonical URL against the page URL, ignoring non-http schemes', () => {
    expect(chooseCanonical(meta('<link rel="canonical" href="/a/b">').page, 'https://x.example/a/b?utm_source=rss')).toBe(
      'https://x.example/a/b',
    );
    expect(
      chooseCanonical(
        meta('<link rel="canonical" href="javascript:void(0)"><meta property="og:url" content="https://x.example/og">').page,
        'https://x.example/',
      ),
    ).toBe('https://x.example/og');
    expect(chooseCanonical(meta('').page, 'https://x.example/')).toBeNull();
  });
});
