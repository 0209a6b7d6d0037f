import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../fetch/index.ts';
import { testFetchConfig, useTestServer } from '../fetch/testdata/server.ts';
import { captureOf, currentFingerprint } from './baseline.ts';
import { checkArticle } from './check-article.ts';
import { syncSources } from './sync.ts';
import { articlePage, harness, manualArticle, type Harness } from './testdata/fakes.ts';

const serve = useTestServer();
let h: Harness;
beforeEach(async () => {
  h = await harness();
  await syncSources(h.deps.store, [], h.clock.now);
});
afterEach(() => h.close());

// Greek in ISO-8859-7, announced only by the HTTP header: sniffing the bytes alone would decode them
// as windows-1252 and extract other text, so re-extraction must use the charset the check used.
const GREEK = [
  'Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία της χώρας.',
  'Οι βουλευτές της αντιπολίτευσης ζήτησαν περισσότερο χρόνο για συζήτηση.',
];
const BYTES = iconv.encode(articlePage('Νέα μέτρα', GREEK).replace(/<head>/, '<head>'), 'iso-8859-7');

describe('exact captures', () => {
  it('keeps the bytes as received (after gzip, before charset decoding), the status line and headers as sent', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(301, { Location: '/story' });
        return res.end();
      }
      res.writeHead(200, 'Fine Thanks', {
        'Content-Type': 'text/html; charset=ISO-8859-7',
        'Content-Encoding': 'gzip',
        'X-Mixed-Case': 'yes',
      });
      res.end(gzipSync(BYTES));
    });
    const deps = { ...h.deps, fetcher: createFetcher(testFetchConfig()) };
    const article = await manualArticle(h.deps.store, `${base}/old`, h.clock.now);
    expect((await checkArticle(deps, article)).status).toBe('new_version');

    const capture = (await h.deps.store.evidence.getCapture(article.id, 1))!;
    expect(Buffer.from(capture.body).equals(BYTES)).toBe(true);
    expect(capture).toMatchObject({
      exact: true,
      requestUrl: `${base}/old`,
      finalUrl: `${base}/story`,
      status: 200,
      statusLine: 'HTTP/1.1 200 Fine Thanks',
      charset: 'iso-8859-7',
    });
    expect(capture.headers).toContainEqual(['X-Mixed-Case', 'yes']);
    expect(capture.headers).toContainEqual(['Content-Encoding', 'gzip']);
    expect(capture.requestHeaders?.map(([n]) => n.toLowerCase())).toEqual(
      expect.arrayContaining(['user-agent', 'accept', 'accept-encoding', 'host']),
    );

    // Re-extraction as after an extractor upgrade: the same text, so the same fingerprint.
    const v1 = (await h.deps.store.getVersion(article.id, 1))!;
    expect(v1.paragraphs).toEqual(GREEK);
    const fp = await currentFingerprint(deps, article.url, { ...v1, extractorVersion: '0-old', baselineExtractorVersion: null });
    expect(fp).toBe(v1.fingerprint);
  });
});

describe('captureOf', () => {
  it('marks a page rendered by a browser as not the bytes received', () => {
    const page = {
      url: 'https://x.example/a',
      status: 200,
      notModified: false,
      headers: {},
      body: new Uint8Array([60]),
      text: '<',
      charset: 'utf-8',
      etag: null,
      lastModified: null,
      maxAgeMs: null,
    };
    expect(captureOf(page.url, page).exact).toBe(true);
    expect(captureOf(page.url, { ...page, rendered: true })).toMatchObject({ exact: false, charset: 'utf-8', requestUrl: page.url });
  });
});
