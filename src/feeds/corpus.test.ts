import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeedDocument } from './parse.ts';
import { decodeHtml } from '../text/charset.ts';

/** As the fetcher does for feeds: the XML declaration names the encoding when the header does not. */
function decodeFeedBytes(bytes: Uint8Array): string {
  const declared = /^<\?xml[^>]*encoding=["']([\w.:-]+)["']/.exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'));
  return decodeHtml(bytes, declared ? `text/xml; charset=${declared[1]}` : null).text;
}

const RSS_DIR = join(import.meta.dirname, '../../../shared/corpus/newssniffer/rss');

describe.skipIf(!existsSync(RSS_DIR))('real feeds in ../shared', () => {
  it('BBC 2009 (ISO-8859-1): the guid article URL wins over the /go/rss/ redirect link', () => {
    const text = decodeFeedBytes(readFileSync(join(RSS_DIR, 'bbc_uk_politics.xml')));
    const doc = parseFeedDocument(text, 'http://newsrss.bbc.co.uk/rss/newsonline_uk_edition/uk_politics/rss.xml');
    expect(doc.format).toBe('rss');
    expect(doc.items.length).toBeGreaterThan(20);
    expect(doc.items.filter((i) => /^http:\/\/news\.bbc\.co\.uk\/1\/hi\/.+\.stm$/.test(i.url)).length).toBeGreaterThan(40);
    for (const item of doc.items) {
      expect(item.url).toMatch(/^http:\/\/(news|www)\.bbc\.co\.uk\//);
      expect(item.url).not.toContain('/go/rss/');
      expect(item.title).toBeTruthy();
    }
    const dated = doc.items.filter((i) => i.publishedAt !== null);
    expect(dated.length).toBeGreaterThan(40);
    // The feed was saved on 23 May 2009; its evergreen items (blogs, guides) date back to 2004.
    for (const item of dated) {
      expect(item.publishedAt).toBeGreaterThanOrEqual(Date.UTC(2004, 0, 1));
      expect(item.publishedAt).toBeLessThan(Date.UTC(2009, 4, 24));
    }
    expect(doc.items[0]).toEqual({
      url: 'http://news.bbc.co.uk/1/hi/uk_politics/8064868.stm',
      title: 'Expenses leak man defends actions',
      publishedAt: Date.UTC(2009, 4, 23, 9, 15, 34),
    });
    // The pound sign is byte 0xA3 in ISO-8859-1: it must survive decoding.
    expect(doc.items.map((i) => i.title)).toContain('Tory MP claims £5,000 for gates');
  });

  it('NYT 2012: links kept, partner=rss&emc=rss tracking dropped', () => {
    const text = decodeFeedBytes(readFileSync(join(RSS_DIR, 'nyt_global_home.xml')));
    const doc = parseFeedDocument(text, 'http://www.nytimes.com/services/xml/rss/nyt/GlobalHome.xml');
    expect(doc.items.length).toBeGreaterThan(10);
    expect(doc.items[0].url).toBe('http://www.nytimes.com/2012/08/26/us/more-young-illegal-immigrants-face-deportation.html');
    expect(doc.items.every((i) => !i.url.includes('partner=rss'))).toBe(true);
    expect(doc.items.map((i) => i.title)).toContain('Brazil’s Ex-President Da Silva Back on Political Front Lines');
  });
});
