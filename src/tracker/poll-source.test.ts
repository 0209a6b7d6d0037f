import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ERROR_BACKOFF_MS, pollSource } from './poll-source.ts';
import { harness, type Harness } from './testdata/fakes.ts';
import { FetchError } from '../fetch/index.ts';

const FEED = 'https://news.example/rss.xml';
const rss = (links: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title><link>https://news.example/</link>
${links.map((l, i) => `<item><title>Story ${i}</title><link>${l}</link><pubDate>Tue, 06 Jan 2026 10:0${i}:00 GMT</pubDate></item>`).join('\n')}
</channel></rss>`;

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

async function addSource(over: { exclude?: string[]; pollPeriodSec?: number } = {}) {
  return h.deps.store.upsertSource(
    { key: 'ex', name: 'Example', feedUrl: FEED, pollPeriodSec: over.pollPeriodSec ?? 300, include: [], exclude: over.exclude ?? [] },
    h.clock.now,
  );
}

describe('pollSource', () => {
  it('adds canonical, filtered, deduplicated articles that are due at once', async () => {
    h.fetcher.answers.set(FEED, {
      html: rss([
        'https://news.example/world/a?utm_source=rss#top',
        'https://news.example/world/a',
        'https://news.example/sport/b',
        'https://news.example/world/c',
      ]),
    });
    const source = await addSource({ exclude: ['/sport/'] });
    const o = await pollSource(h.deps, source);
    expect(o).toMatchObject({ status: 'ok', created: 2, nextPollAt: h.clock.now + 300_000 });
    const urls = (await h.deps.store.listArticles({ limit: 10 })).items.map((a) => a.url).sort();
    expect(urls).toEqual(['https://news.example/world/a', 'https://news.example/world/c']);
    const a = (await h.deps.store.getArticleByUrl('https://news.example/world/a'))!;
    // Undated and just found: the youngest schedule tier (5 min).
    expect(a).toMatchObject({ feedTitle: 'Story 0', nextCheckAt: h.clock.now, checkPeriodSec: 300 });
    expect((await h.deps.store.getSource('ex'))!.lastStatus).toBe('ok');

    // The same story in another feed is the same article.
    const other = await h.deps.store.upsertSource(
      { key: 'ex2', name: 'Ex 2', feedUrl: FEED + '2', pollPeriodSec: 300, include: [], exclude: [] },
      h.clock.now,
    );
    h.fetcher.answers.set(FEED + '2', { html: rss(['https://news.example/world/c?fbclid=123']) });
    expect(await pollSource(h.deps, other)).toMatchObject({ accepted: 1, created: 0 });
  });

  it('honours a longer max-age but never polls sooner than the period', async () => {
    h.fetcher.answers.set(FEED, { html: rss([]), maxAgeMs: 3600_000 });
    expect((await pollSource(h.deps, await addSource())).nextPollAt).toBe(h.clock.now + 3600_000);
    h.fetcher.answers.set(FEED, { html: rss([]), maxAgeMs: 10_000 });
    expect((await pollSource(h.deps, await addSource())).nextPollAt).toBe(h.clock.now + 300_000);
    h.deps.config.schedule.feedMinPeriodSec = 600;
    expect((await pollSource(h.deps, await addSource({ pollPeriodSec: 60 }))).nextPollAt).toBe(h.clock.now + 600_000);
  });

  it('records fetch and feed errors with their kind, honouring Retry-After and 429', async () => {
    h.fetcher.answers.set(FEED, { error: new FetchError('http', 'HTTP 429 from news.example', { status: 429, retryAfterMs: 7200_000 }) });
    const o = await pollSource(h.deps, await addSource());
    expect(o).toMatchObject({ status: 'error', nextPollAt: h.clock.now + 7200_000 });
    expect((await h.deps.store.getSource('ex'))!.lastError).toBe('fetch http: HTTP 429 from news.example');

    const other = await h.deps.store.upsertSource(
      { key: 'ex503', name: 'Ex 503', feedUrl: FEED + '503', pollPeriodSec: 300, include: [], exclude: [] },
      h.clock.now,
    );
    h.fetcher.answers.set(FEED + '503', { error: new FetchError('http', 'HTTP 503', { status: 503 }) });
    expect((await pollSource(h.deps, other)).nextPollAt).toBe(h.clock.now + 600_000);

    h.fetcher.answers.set(FEED, { html: '<rss><channel><item><link>oops' });
    await pollSource(h.deps, await addSource());
    expect((await h.deps.store.getSource('ex'))!.lastError).toMatch(/^feed (malformed|unknown-format): /);
    expect(h.deps.log.lines.at(-1)).toMatch(/error poll source=ex status=error .*stage=feed/);
  });

  it('backs off a feed that keeps failing, up to an hour, and returns to its period once it works', async () => {
    h.fetcher.answers.set(FEED, { error: new FetchError('dns', 'cannot resolve host news.example (ENOTFOUND)') });
    const waits: number[] = [];
    await addSource();
    for (let i = 0; i < 7; i++) {
      const source = (await h.deps.store.getSource('ex'))!;
      h.clock.now = Math.max(h.clock.now, source.nextPollAt);
      waits.push(((await pollSource(h.deps, source)).nextPollAt - h.clock.now) / 60_000);
    }
    expect(waits).toEqual([5, 10, 20, 40, 60, 60, 60]);
    expect(MAX_ERROR_BACKOFF_MS).toBe(3600_000);
    // Seven failed polls over almost four hours: seven log lines, not one every five minutes.
    expect(h.deps.log.lines.filter((l) => / poll source=ex status=error stage=fetch kind=dns/.test(l)).length).toBe(7);

    h.fetcher.answers.set(FEED, { html: rss([]) });
    h.clock.advance(3600);
    expect((await pollSource(h.deps, (await h.deps.store.getSource('ex'))!)).nextPollAt).toBe(h.clock.now + 300_000);
    h.fetcher.answers.set(FEED, { error: new FetchError('dns', 'cannot resolve host news.example (ENOTFOUND)') });
    h.clock.advance(300);
    expect((await pollSource(h.deps, (await h.deps.store.getSource('ex'))!)).nextPollAt).toBe(h.clock.now + 300_000);
  });

  it('handles a feed listing 10,000 URLs: filters applied, non-http links ignored, duplicates merged', async () => {
    const links: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const section = i % 2 === 0 ? 'world' : 'sport';
      links.push(
        i % 10 === 4
          ? ['javascript:alert(1)', 'mailto:desk@news.example', 'ftp://news.example/f', 'data:text/html,x'][i % 4]
          : `https://news.example/${section}/${i}`,
      );
    }
    links.push('https://news.example/world/0?utm_campaign=dup', 'HTTPS://NEWS.EXAMPLE/world/2#comments');
    h.fetcher.answers.set(FEED, { html: rss(links) });
    h.deps.config.limits.newArticlesPerPoll = 10_000;
    h.deps.config.limits.newArticlesPerDay = 10_000;
    const o = await pollSource(h.deps, await addSource({ exclude: ['/sport/'] }));
    // Every tenth link is not http(s): 4,000 world stories remain, the two variants are not new.
    expect(o).toMatchObject({ status: 'ok', accepted: 4000, created: 4000 });
    expect(await h.deps.store.stats()).toMatchObject({ articles: 4000 });
    const { items } = await h.deps.store.listArticles({ limit: 500 });
    expect(items.every((a) => a.url.startsWith('https://news.example/world/'))).toBe(true);
  });

  it('keeps validators and reports not_modified on a 304', async () => {
    h.fetcher.answers.set(FEED, { html: rss(['https://news.example/world/a']), etag: '"f1"' });
    await pollSource(h.deps, await addSource());
    const o = await pollSource(h.deps, (await h.deps.store.getSource('ex'))!);
    expect(o.status).toBe('not_modified');
    expect(h.fetcher.requests[1].options.etag).toBe('"f1"');
    expect((await h.deps.store.getSource('ex'))!.etag).toBe('"f1"');
  });
});
