import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/index.ts';
import { ExtractError, extractArticle, MAX_ELEMENTS } from '../../extract/index.ts';
import { FeedError, pageLinks, parseFeedDocument } from '../../feeds/index.ts';
import { describeFailure } from '../failure.ts';
import { articlePage } from '../testdata/fakes.ts';
import { createParsers, TooComplexError } from './index.ts';

const PAGE = articlePage('Council approves budget', [
  'The council voted on Tuesday to approve the new budget for the coming year after a long debate.',
  'Opposition members said the plan would cut services that many residents rely on every single day.',
]);
const parsers = createParsers(defaultConfig().worker);
afterAll(() => parsers.close());

/** The longest the event loop went without running a 10 ms timer while `work` ran. */
async function maxLoopLag<T>(work: Promise<T>): Promise<{ result: PromiseSettledResult<T>; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last);
    last = now;
  }, 10);
  const [result] = await Promise.allSettled([work]);
  clearInterval(timer);
  return { result, lagMs };
}

describe('parsing threads', () => {
  it('extract in a thread exactly what extractArticle gives in-thread', async () => {
    expect(await parsers.extract(PAGE, 'https://news.example/a')).toEqual(extractArticle(PAGE, 'https://news.example/a'));
  });

  it('rebuilds the stage errors: ExtractError and FeedError keep their kinds', async () => {
    const empty = await parsers.extract('<html><body></body></html>', 'https://news.example/empty').catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(ExtractError);
    expect(empty).toMatchObject({ kind: 'empty' });
    const feed = await parsers
      .parseFeedDocument('<html><body><p>not a feed</p></body></html>', 'https://news.example/feed')
      .catch((e: unknown) => e);
    expect(feed).toBeInstanceOf(FeedError);
    expect(feed).toMatchObject({ kind: 'unknown-format' });
  });

  it('parses feed documents and front-page links as feeds/ does in-thread', async () => {
    const rss =
      '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="hub" href="https://hub.example/"/><item><title>A</title><link>https://news.example/a</link><pubDate>Tue, 06 Jan 2026 10:00:00 GMT</pubDate></item></channel></rss>';
    expect(await parsers.parseFeedDocument(rss, 'https://news.example/feed')).toEqual(parseFeedDocument(rss, 'https://news.example/feed'));
    const front =
      '<html><body><a href="/news/1">One</a> <a href="/about">About</a> <a href="https://news.example/news/2">Two</a></body></html>';
    const pattern = /\/news\/\d+$/;
    expect(await parsers.pageLinks(front, 'https://news.example/', pattern)).toEqual(pageLinks(front, 'https://news.example/', pattern));
    expect((await parsers.pageLinks(front, 'https://news.example/', pattern)).map((i) => i.url)).toEqual([
      'https://news.example/news/1',
      'https://news.example/news/2',
    ]);
  });

  it('a 3 MB page of 1,000,000 unclosed <b> ends within the budget, too-complex or correct, and the event loop stays free', async () => {
    const budget = defaultConfig().worker.extractBudgetMs;
    expect(budget).toBeLessThanOrEqual(5_000);
    const paragraph = 'The council voted on Tuesday to approve the new budget for the coming year after a long debate.';
    const html = `<html><body><article><p>${paragraph}</p>${'<b>'.repeat(1_000_000)}</article></body></html>`;
    expect(html.length).toBeGreaterThan(3_000_000);
    const started = performance.now();
    const { result, lagMs } = await maxLoopLag(parsers.extract(html, 'https://hostile.example/b'));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(budget + 3_000); // the budget, plus slack for terminating the thread on a loaded machine
    if (result.status === 'rejected') {
      expect(result.reason).toBeInstanceOf(TooComplexError);
      expect(describeFailure(result.reason)).toMatchObject({ stage: 'extract', kind: 'too-complex' });
    } else {
      expect(result.value.paragraphs).toContain(paragraph);
    }
    expect(lagMs).toBeLessThan(1_000); // a guard against a freeze (minutes in-thread); the machine may be loaded
    // The pool carries on with a fresh thread.
    expect((await parsers.extract(PAGE, 'https://news.example/a')).title).toBe('Council approves budget');
  }, 30_000);

  it('a page over the time budget fails with too-complex naming the budget', async () => {
    const tight = createParsers({ extractThreads: 1, extractBudgetMs: 50, feedBudgetMs: 50, extractMemoryMb: 256 });
    try {
      // Warm the thread up first, so that the budget is spent on the page and not on starting tsx.
      await tight.extract(PAGE, 'https://news.example/a').catch(() => undefined);
      const html = `<html><body>${'<div><p>deep '.repeat(200_000)}</body></html>`;
      const err = await tight.extract(html, 'https://hostile.example/deep').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TooComplexError);
      expect((err as Error).message).toMatch(
        /https:\/\/hostile\.example\/deep: parsing (took longer than the 50 ms budget|needed more than)/,
      );
    } finally {
      await tight.close();
    }
  }, 30_000);

  it('a page of more elements than MAX_ELEMENTS fails with too-complex before its tree nears the heap budget; the thread carries on', async () => {
    // A thread that reaches its V8 heap limit can abort the whole process (Node 20): the element bound
    // must stop such a page first, with the smallest heap budget the config accepts.
    const small = createParsers({ extractThreads: 1, extractBudgetMs: 20_000, feedBudgetMs: 20_000, extractMemoryMb: 256 });
    try {
      const html = `<html><body>${'<p>a paragraph of words that goes on and on</p>'.repeat(MAX_ELEMENTS + 1)}</body></html>`;
      const err = await small.extract(html, 'https://hostile.example/big').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ExtractError);
      expect(err).toMatchObject({ kind: 'too-complex' });
      expect((err as Error).message).toMatch(/more than 200,000 elements/);
      expect(describeFailure(err)).toMatchObject({ stage: 'extract', kind: 'too-complex' });
      expect((await small.extract(PAGE, 'https://news.example/a')).title).toBe('Council approves budget');
    } finally {
      await small.close();
    }
  }, 60_000);
});
