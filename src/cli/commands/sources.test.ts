import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../store/index.ts';
import sources, { keyFromUrl } from './sources.ts';

describe('keyFromUrl', () => {
  it.each([
    ['https://feeds.bbci.co.uk/news/rss.xml', 'bbci'],
    ['https://www.theguardian.com/world/rss', 'theguardian'],
    ['https://rss.nytimes.com/services/xml/rss/nyt/HomePage.xml', 'nytimes'],
    ['http://127.0.0.1:8080/feed.xml', 'feed-127-0-0-1'],
    ['http://[::1]:8080/feed.xml', 'feed-1'],
    ['https://localhost/feed', 'localhost'],
  ])('%s -> %s', (url, key) => {
    expect(keyFromUrl(url)).toBe(key);
  });
});

describe('redline sources add', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function run(argv: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    try {
      return { code: await sources(argv), out };
    } finally {
      vi.restoreAllMocks();
    }
  }

  it('adds a page source with a link pattern and Chromium rendering, and lists it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'redline-sources-cli-'));
    dirs.push(data);
    const added = await run([
      'add',
      'https://front.example/',
      '--key',
      'front',
      '--type',
      'page',
      '--link-pattern',
      '/news/\\d+',
      '--render',
      'chromium',
      '--data',
      data,
    ]);
    expect(added).toEqual({
      code: 0,
      out: 'added source front: front page https://front.example/ (links matching /news/\\d+) every 5m, rendered with Chromium\n',
    });
    const store = await openStore({ dataDir: data });
    expect(await store.getSource('front')).toMatchObject({
      type: 'page',
      linkPattern: '/news/\\d+',
      render: 'chromium',
      feedUrl: 'https://front.example/',
    });
    await store.close();
    expect((await run(['list', '--data', data])).out).toContain(
      'front page, links matching /news/\\d+; rendered with Chromium; not polled yet',
    );
  });

  it.each([
    [['--type', 'blog'], /--type must be one of feed, page \(got "blog"\)/],
    [['--link-pattern', 'x'], /--link-pattern is for sources of type "page"/],
    [['--type', 'page', '--link-pattern', '(['], /--link-pattern is an invalid regular expression/],
    [['--render', 'webkit'], /--render must be one of http, chromium/],
    [['--key', 'no spaces'], /--key must be a short name of letters, digits, - or _/],
    [['--key', 'manual'], /"manual" is reserved/],
    [['--include', '(['], /--include is an invalid regular expression/],
    [['--every', '10s'], /--every must be at least 60s/],
  ])('refuses %j', async (flags, message) => {
    await expect(sources(['add', 'https://front.example/', '--data', '/nonexistent-redline', ...flags])).rejects.toThrow(message);
  });
});

describe('redline sources remove', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function run(argv: string[]): Promise<{ code: number; out: string; error: string }> {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    try {
      return { code: await sources(argv), out, error: '' };
    } catch (err) {
      return { code: -1, out, error: (err as Error).message };
    } finally {
      vi.restoreAllMocks();
    }
  }

  async function database(): Promise<string> {
    const data = mkdtempSync(join(tmpdir(), 'redline-sources-rm-'));
    dirs.push(data);
    const store = await openStore({ dataDir: data });
    try {
      const kept = await store.upsertSource(
        { key: 'kept', name: 'Kept', feedUrl: 'https://kept.example/feed', pollPeriodSec: 60, include: [], exclude: [] },
        0,
      );
      await store.upsertSource(
        { key: 'empty', name: 'Empty', feedUrl: 'https://empty.example/feed', pollPeriodSec: 60, include: [], exclude: [] },
        0,
      );
      const { article } = await store.upsertArticle({
        sourceId: kept.id,
        url: 'https://kept.example/a',
        host: 'kept.example',
        feedTitle: null,
        feedPublishedAt: null,
        now: 0,
        checkPeriodSec: 60,
      });
      await store.addVersion(article.id, 1, {
        title: 'A',
        byline: null,
        published: null,
        paragraphs: ['One paragraph.'],
        fingerprint: 'fp1',
        extractorVersion: 'x',
        capturedAt: 1000,
        rawHtml: null,
        wordsAdded: 0,
        wordsRemoved: 0,
      });
    } finally {
      await store.close();
    }
    return data;
  }

  it('refuses to delete stored history without --purge, and says how to keep it', async () => {
    const data = await database();
    const refused = await run(['remove', 'kept', '--data', data]);
    expect(refused.code).toBe(-1);
    expect(refused.error).toMatch(/source kept has 1 stored versions of 1 articles.*redline admin pause-source kept.*--purge/);
    const store = await openStore({ dataDir: data });
    try {
      expect(await store.getSource('kept')).not.toBeNull();
      expect((await store.listVersions((await store.getArticleByUrl('https://kept.example/a'))!.id)).length).toBe(1);
    } finally {
      await store.close();
    }
    expect(await run(['remove', 'empty', '--data', data])).toMatchObject({
      code: 0,
      out: 'removed source empty with its 0 articles and 0 versions\n',
    });
    expect(await run(['remove', 'kept', '--purge', '--data', data])).toMatchObject({
      code: 0,
      out: 'removed source kept with its 1 articles and 1 versions\n',
    });
    expect((await run(['remove', 'kept', '--data', data])).error).toMatch(/no source with key kept/);
  });
});
