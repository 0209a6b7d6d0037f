import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../fetch/content.ts';
import { FeedError } from './errors.ts';
import { parseFeedDocument, recoveryNote } from './parse.ts';
import type { FeedDocument } from './types.ts';

/**
 * feedparser-style table: each fixture in testdata/cases/ has a row in cases.json stating the
 * links, titles and dates it must give (or the error it must raise). The bytes go through the
 * fetcher's own decoding with the row's Content-Type, as a poll would.
 */
interface Case {
  file: string;
  about: string;
  feedUrl: string;
  contentType?: string;
  charset?: string;
  format?: FeedDocument['format'];
  items?: { url: string; title: string | null; published: string | null }[];
  sitemaps?: string[];
  recovered?: { items: number; line: number };
  hub?: string;
  self?: string;
  error?: { kind: string; message: string };
}

const DIR = join(import.meta.dirname, 'testdata/cases');
const CASES = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as Case[];

/** What a fetch of this fixture would hand the poller. */
function readCase(c: Case): { text: string; charset: string } {
  const bytes = readFileSync(join(DIR, c.file));
  return decodeBody(bytes, c.contentType ?? (c.file.endsWith('.json') ? 'application/feed+json' : 'application/rss+xml'));
}

function summarise(doc: FeedDocument) {
  return doc.items.map((i) => ({
    url: i.url,
    title: i.title,
    published: i.publishedAt === null ? null : new Date(i.publishedAt).toISOString(),
  }));
}

const iso = (s: string | null) => (s === null ? null : new Date(s).toISOString());

describe.each(CASES)('$file: $about', (c) => {
  it(c.error ? `fails with ${c.error.kind}` : 'gives the stated links, titles and dates', () => {
    const { text, charset } = readCase(c);
    if (c.charset) expect(charset).toBe(c.charset);
    if (c.error) {
      let caught: unknown;
      try {
        parseFeedDocument(text, c.feedUrl);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(FeedError);
      expect((caught as FeedError).kind).toBe(c.error.kind);
      expect((caught as FeedError).message).toContain(c.error.message);
      return;
    }
    const doc = parseFeedDocument(text, c.feedUrl);
    if (c.format) expect(doc.format).toBe(c.format);
    expect(summarise(doc)).toEqual(c.items!.map((i) => ({ ...i, published: iso(i.published) })));
    expect(doc.sitemaps).toEqual(c.sitemaps ?? []);
    expect(doc.hub).toBe(c.hub);
    expect(doc.self).toBe(c.self);
    if (c.recovered) {
      expect(doc.recovered).toMatchObject(c.recovered);
      expect(doc.recovered!.message.length).toBeGreaterThan(0);
      expect(recoveryNote(doc)).toBe(`recovered ${c.recovered.items} items after an XML error at line ${c.recovered.line}`);
    } else {
      expect(doc.recovered).toBeUndefined();
      expect(recoveryNote(doc)).toBeNull();
    }
  });
});

it('every fixture in testdata/cases has a row', async () => {
  const { readdirSync } = await import('node:fs');
  const listed = new Set(CASES.map((c) => c.file));
  for (const f of readdirSync(DIR)) if (f !== 'cases.json') expect(listed.has(f), f).toBe(true);
});
