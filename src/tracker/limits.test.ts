import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../extract/index.ts';
import { createApp } from '../web/index.ts';
import { checkArticle } from './check-article.ts';
import { capText, validPublished } from './limits.ts';
import { pollSource } from './poll-source.ts';
import { articlePage, harness, type Harness } from './testdata/fakes.ts';

const FEED = 'https://churn.example/rss.xml';
const rss = (links: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Churn</title>${links.map((l) => `<item><title>Story</title><link>${l}</link></item>`).join('')}</channel></rss>`;

let h: Harness;
beforeEach(async () => {
  h = await harness((c) => {
    c.limits.newArticlesPerPoll = 20;
    c.limits.newArticlesPerDay = 50;
    c.limits.versionsPerArticlePerDay = 3;
  });
});
afterEach(() => h.close());

describe('per-source limits', () => {
  it('a feed that changes every URL on every poll is capped per poll and per day, and the Sources page says so', async () => {
    const source = await h.deps.store.upsertSource(
      { key: 'churn', name: 'Churn', feedUrl: FEED, pollPeriodSec: 300, include: [], exclude: [] },
      h.clock.now,
    );
    let poll = 0;
    const pollOnce = async () => {
      poll++;
      // 50 stories, every one at a new URL on every poll (as the runaway source in the issue did).
      h.fetcher.answers.set(FEED, { html: rss(Array.from({ length: 50 }, (_, i) => `https://churn.example/p${poll}/story-${i}`)) });
      const outcome = await pollSource(h.deps, (await h.deps.store.getSource(source.id))!);
      h.clock.advance(300);
      return outcome.created;
    };
    expect(await pollOnce()).toBe(20);
    let s = (await h.deps.store.getSource(source.id))!;
    expect(s).toMatchObject({ limitedCount: 30, lastLimitNote: '30 new articles over the limit of 20 per poll; left for a later poll' });
    expect(await pollOnce()).toBe(20);
    expect(await pollOnce()).toBe(10); // 50 per day
    expect(await pollOnce()).toBe(0);
    s = (await h.deps.store.getSource(source.id))!;
    expect(s.lastLimitNote).toBe('50 new articles over the limit of 50 per day; left for a later poll');
    expect(s.limitedCount).toBe(30 + 30 + 40 + 50);
    expect((await h.deps.store.stats()).articles).toBe(50);
    expect(
      h.deps.log.lines.filter((l) => / warn source_limited source=churn held_back=\d+ limit=newArticlesPer(Poll|Day)$/.test(l)),
    ).toHaveLength(4);

    // A day later the source may add articles again.
    h.clock.advance(24 * 3600);
    expect(await pollOnce()).toBe(20);

    const app = createApp({ store: h.deps.store, config: h.deps.config, now: () => h.clock.now });
    const page = await (await app.request('/sources')).text();
    expect(page, page.slice(page.indexOf('<tbody>'), page.indexOf('</tbody>'))).toContain('Over its limits: 180 held back in all');
    expect(page).toContain('30 new articles over the limit of 20 per poll; left for a later poll');
  });

  it('stores at most versionsPerArticlePerDay versions of a page that changes on every check, and says so', async () => {
    const manual = await h.deps.store.upsertSource(
      { key: 'manual', name: 'Manual', feedUrl: '', pollPeriodSec: 86400, include: [], exclude: [] },
      h.clock.now,
    );
    const url = 'https://churn.example/live';
    const { article } = await h.deps.store.upsertArticle({
      sourceId: manual.id,
      url,
      host: 'churn.example',
      feedTitle: null,
      feedPublishedAt: null,
      now: h.clock.now,
      checkPeriodSec: 1800,
    });
    const statuses: string[] = [];
    // The store is asked only once the article has as many versions as the limit (versions 4, 5, 6 and the last one).
    let counted = 0;
    const count = h.deps.store.countVersionsSince.bind(h.deps.store);
    h.deps.store.countVersionsSince = (...args) => (counted++, count(...args));
    for (let i = 0; i < 6; i++) {
      h.fetcher.answers.set(url, {
        html: articlePage('Live blog', [
          `Update number ${i}: something happened again in the live blog today.`,
          'A second paragraph so that the extractor keeps the story.',
        ]),
      });
      statuses.push((await checkArticle(h.deps, (await h.deps.store.getArticle(article.id))!)).status);
      h.clock.advance(1800);
    }
    expect(statuses).toEqual(['new_version', 'new_version', 'new_version', 'error', 'error', 'error']);
    expect(counted).toBe(3);
    const after = (await h.deps.store.getArticle(article.id))!;
    expect(after.versionCount).toBe(3);
    expect(after.lastError).toMatch(/^limit versions-per-day: 3 versions stored in the last 24 hours \(limit 3\)/);
    expect((await h.deps.store.getSource(manual.id))!).toMatchObject({
      limitedCount: 3,
      lastLimitNote: expect.stringMatching(/a new version held back/),
    });
    // Once the first versions are a day old, the change is stored.
    h.clock.advance(24 * 3600);
    expect((await checkArticle(h.deps, (await h.deps.store.getArticle(article.id))!)).status).toBe('new_version');
  });

  it("cuts a version's text at maxTextChars, fingerprinted as cut, and notes it on the source", async () => {
    h.deps.config.limits.maxTextChars = 300;
    const manual = await h.deps.store.upsertSource(
      { key: 'manual', name: 'Manual', feedUrl: '', pollPeriodSec: 86400, include: [], exclude: [] },
      h.clock.now,
    );
    const url = 'https://churn.example/long';
    const paragraphs = Array.from({ length: 20 }, (_, i) => `Paragraph ${i} of a very long story, which goes on for quite a while longer.`);
    h.fetcher.answers.set(url, { html: articlePage('Long story', paragraphs) });
    const { article } = await h.deps.store.upsertArticle({
      sourceId: manual.id,
      url,
      host: 'churn.example',
      feedTitle: null,
      feedPublishedAt: null,
      now: h.clock.now,
      checkPeriodSec: 1800,
    });
    expect((await checkArticle(h.deps, article)).status).toBe('new_version');
    const v1 = (await h.deps.store.getVersion(article.id, 1))!;
    const chars = v1.title.length + v1.paragraphs.reduce((n, p) => n + p.length, 0);
    expect(chars).toBe(300);
    expect(v1.paragraphs[0]).toBe(paragraphs[0]);
    expect((await h.deps.store.getSource(manual.id))!.lastLimitNote).toMatch(
      /^article \d+: text of \d+ characters cut to the limit of 300$/,
    );
    h.clock.advance(3600);
    expect((await checkArticle(h.deps, (await h.deps.store.getArticle(article.id))!)).status).toBe('unchanged');
  });
});

describe('capText and validPublished', () => {
  it('leaves a text within the limit alone', () => {
    const e = extractArticle(
      articlePage('Short', ['A short story with one paragraph that is long enough to keep.']),
      'https://x.example/a',
    );
    expect(capText(e, { maxTextChars: 10_000 })).toEqual({ extraction: e, cutFrom: null });
  });

  it.each([
    ['2024-03-05T10:00:00Z', '2024-03-05T10:00:00Z'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', 'Tue, 05 Mar 2024 10:00:00 GMT'],
    ['2024-13-45', null],
    ['yesterday', null],
    ['0000-01-01', null],
    ['2999-01-01T00:00:00Z', null],
    ['2024-03-05'.padEnd(500, 'x'), null],
    ['', null],
    [null, null],
  ])('published %j -> %j', (value, expected) => {
    expect(validPublished(value, Date.UTC(2026, 0, 1))).toBe(expected);
  });
});
