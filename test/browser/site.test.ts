/**
 * Must-show 1: a real headless Chromium reads the site while the demo newsroom is tracked by the
 * real tracker. Saves screenshots under test-output/screenshots/. Skips without /usr/bin/chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/index.ts';
import { DEMO_EDITS, LAST_STEP, STORIES, startNewsroom, type Newsroom } from '../../src/demo/index.ts';
import { createFetcher } from '../../src/fetch/index.ts';
import { silentLogger } from '../../src/log/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { runOnce } from '../../src/tracker/index.ts';
import { createApp } from '../../src/web/index.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SHOTS = join(process.cwd(), 'test-output/screenshots');

function edit(articleId: string, kind: string) {
  const e = DEMO_EDITS.find((x) => x.articleId === articleId && x.kind === kind);
  if (!e) throw new Error(`demo script has no ${kind} edit for ${articleId}`);
  return e;
}

describe.skipIf(!existsSync(CHROMIUM))('the site in a real browser', () => {
  let newsroom: Newsroom;
  let store: Store;
  let server: ServerType;
  let browser: Browser;
  let base = '';
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-browser-'));
    const config = defaultConfig();
    config.dataDir = dir;
    config.fetch.perHostDelayMs = 0;
    config.fetch.perHostConcurrency = 4;
    config.fetch.allowPrivateNetworks = true;
    newsroom = await startNewsroom({ manual: true });
    store = await openStore({ dataDir: dir, databaseUrl: null });
    await store.upsertSource(
      { key: 'demo', name: 'Demo Gazette', feedUrl: newsroom.feedUrl, pollPeriodSec: 60, include: [], exclude: ['/sport/live/'] },
      Date.now(),
    );
    // Two tracker passes: the original stories, then (an hour later on the tracker's clock) every scripted edit.
    let offset = 0;
    const deps = { config, store, fetcher: createFetcher(config.fetch), log: silentLogger, now: () => Date.now() + offset };
    await runOnce(deps);
    newsroom.setStep(LAST_STEP);
    offset = 3600_000;
    await runOnce(deps);

    const app = createApp({ store, config, now: deps.now });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    await newsroom?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Console errors and failed loads per page: a page that works logs none. */
  const problems = new Map<Page, string[]>();

  async function open(width: number, path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: width > 600 ? 900 : 844 }, colorScheme });
    const errors: string[] = [];
    problems.set(page, errors);
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base + path);
    return page;
  }

  async function done(page: Page): Promise<void> {
    expect(problems.get(page), `console errors on ${page.url()}`).toEqual([]);
    await page.close();
  }

  const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();
  const texts = async (page: Page, selector: string): Promise<string[]> => (await page.locator(selector).allInnerTexts()).map(squash);

  /** The story's diff 1 -> 2, reached as a reader would: recent changes, its article page, the diff. */
  async function diffFromHome(storyId: string, headline: string, shots: boolean): Promise<Page> {
    const page = await open(1280, '/');
    await page.locator('li.change', { hasText: headline }).getByRole('link', { name: 'all versions' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    expect(squash(await page.locator('.article-intro').innerText())).toContain(
      'The article has changed 1 time. There is an RSS feed of changes available.',
    );
    expect(await page.locator('table.versions tbody tr').count()).toBe(2);
    if (shots) {
      await page.screenshot({ path: join(SHOTS, 'article-desktop.png'), fullPage: true });
      const phone = await open(390, new URL(page.url()).pathname);
      await phone.screenshot({ path: join(SHOTS, 'article-phone.png'), fullPage: true });
      await done(phone);
    }
    await page.getByRole('link', { name: 'diff with 1' }).click();
    await page.waitForURL(/\/diff\/1\/2$/);
    expect(await page.title(), storyId).toContain('(versions 1 and 2)');
    return page;
  }

  async function diffShots(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}-desktop.png`), fullPage: true });
    const phone = await open(390, new URL(page.url()).pathname);
    await phone.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true });
    await done(phone);
    const dark = await open(1280, new URL(page.url()).pathname, 'dark');
    await dark.screenshot({ path: join(SHOTS, `${name}-desktop-dark.png`), fullPage: true });
    await done(dark);
  }

  it('recent changes lists the edited stories', async () => {
    const page = await open(1280, '/');
    expect(await page.title()).toBe('Recent changes · Redline');
    expect(await page.locator('li.change').count()).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: join(SHOTS, 'recent-changes-desktop.png'), fullPage: true });
    await done(page);
    const phone = await open(390, '/');
    await phone.screenshot({ path: join(SHOTS, 'recent-changes-phone.png'), fullPage: true });
    await done(phone);
  });

  it('search finds a paragraph that was later removed; sources show their poll status', async () => {
    const removed = edit('grunwald-tunnel', 'removed').before!;
    const phrase = removed.split(' ').slice(1, 5).join(' ');
    const page = await open(1280, '/');
    await page.getByRole('searchbox', { name: 'Search all versions' }).fill(`"${phrase}"`);
    await page.getByRole('button', { name: 'Search' }).first().click();
    await page.waitForURL(/\/search\?q=/);
    expect(await page.locator('ol.hits > li').count()).toBe(1);
    expect(await texts(page, 'ol.hits .meta > a')).toEqual(['version 1']);
    // The text was removed later: the hit says so and strikes it through.
    expect(await page.locator('ol.hits li.hit-removed .badge-removed').count()).toBe(1);
    expect(squash(await page.locator('ol.hits del mark').first().innerText()).toLowerCase()).toBe(phrase.toLowerCase());
    await page.screenshot({ path: join(SHOTS, 'search-desktop.png'), fullPage: true });
    await page.getByRole('link', { name: 'Sources', exact: true }).click();
    await page.waitForURL(/\/sources$/);
    expect(squash(await page.locator('table.sources tbody tr').first().innerText())).toMatch(/Demo Gazette \d+ \d+ feed read/i);
    await page.screenshot({ path: join(SHOTS, 'sources-desktop.png'), fullPage: true });
    await done(page);
  });

  it('a removed paragraph is only on the left, the headline change is shown', async () => {
    const headline = edit('grunwald-tunnel', 'headline');
    const removed = edit('grunwald-tunnel', 'removed');
    const page = await diffFromHome('grunwald-tunnel', headline.after!, false);
    expect(await texts(page, 'tr.field-title.row-changed td.left')).toEqual([squash(headline.before!)]);
    expect(await texts(page, 'tr.field-title.row-changed td.right')).toEqual([squash(headline.after!)]);
    expect(await page.locator('tr.field-title del').count()).toBeGreaterThan(0);
    expect(await page.locator('tr.field-title ins').count()).toBeGreaterThan(0);
    expect(await texts(page, 'tr.row-removed td.left del')).toEqual([squash(removed.before!)]);
    expect(await page.locator('tr.row-removed td.right.empty').count()).toBe(1);
    expect((await texts(page, 'table.diff td.right')).join('\n')).not.toContain(squash(removed.before!));
    expect(squash(await page.locator('table.diff th.right').innerText())).toMatch(/^Version 2 \((1 hour|\d+ minutes) later\)$/);
    await diffShots(page, 'diff-removed');
    await done(page);
  });

  it('an added paragraph is only on the right, an edited sentence is paired with its changed words marked', async () => {
    const story = STORIES.find((s) => s.id === 'ferry-aground')!;
    const added = edit('ferry-aground', 'added');
    const edited = edit('ferry-aground', 'number');
    const page = await diffFromHome('ferry-aground', story.headline, true);
    expect(await texts(page, 'tr.row-added td.right ins')).toEqual([squash(added.after!)]);
    expect(await page.locator('tr.row-added td.left.empty').count()).toBe(1);
    expect((await texts(page, 'table.diff td.left')).join('\n')).not.toContain(squash(added.after!));
    const row = page.locator('tr.row-changed:not(.field)');
    expect(await row.count()).toBe(1);
    expect(squash(await row.locator('td.left').innerText())).toBe(squash(edited.before!));
    expect(squash(await row.locator('td.right').innerText())).toBe(squash(edited.after!));
    const removedWords = (await texts(page, 'tr.row-changed:not(.field) td.left del')).join(' ');
    const addedWords = (await texts(page, 'tr.row-changed:not(.field) td.right ins')).join(' ');
    expect(removedWords.length).toBeGreaterThan(0);
    expect(addedWords.length).toBeGreaterThan(0);
    // Only the changed words are marked, not the whole sentence.
    expect(removedWords.length).toBeLessThan(squash(edited.before!).length / 2);
    for (const w of removedWords.split(' ')) expect(edited.before).toContain(w);
    for (const w of addedWords.split(' ')) expect(edited.after).toContain(w);
    await diffShots(page, 'diff');
    await page.getByRole('link', { name: 'inline' }).click();
    await page.waitForURL(/view=inline/);
    expect(await page.locator('table.diff-inline tr.row-added ins').count()).toBe(1);
    await done(page);
  });

  it('every page, statistics included, fits the screen at 1280 and 390 px, light and dark', async () => {
    const { items } = await store.listArticles({ limit: 100, minVersions: 2 });
    const ferry = items.find((a) => a.title?.includes('Ferry'))!;
    const pages: [string, string][] = [
      ['home', '/'],
      ['home-headline', '/?source=demo&kind=headline'],
      ['articles', '/articles'],
      ['article', `/articles/${ferry.id}`],
      ['diff-side', `/articles/${ferry.id}/diff/1/2`],
      ['diff-inline', `/articles/${ferry.id}/diff/1/2?view=inline&changes=only`],
      ['version', `/articles/${ferry.id}/versions/2`],
      ['sources', '/sources'],
      ['search', '/search?q=ferry'],
      ['search-major', '/search?q=ferry&min=major'],
      ['stats', '/stats'],
      ['stats-source', '/stats/sources/demo'],
      ['most-edited', '/stats/most-edited?period=week'],
      ['about', '/about'],
      ['not-found', '/articles/999999'],
    ];
    const tooWide: string[] = [];
    for (const [name, path] of pages) {
      for (const width of [1280, 390]) {
        for (const scheme of ['light', 'dark'] as const) {
          const page = await open(width, path, scheme);
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > width) tooWide.push(`${path} at ${width}px (${scheme}): ${scroll}px`);
          await page.screenshot({ path: join(SHOTS, `all-${name}-${width}-${scheme}.png`), fullPage: true });
          if (name !== 'not-found') await done(page);
          else await page.close();
        }
      }
    }
    expect(tooWide).toEqual([]);
  }, 180_000);

  it('a folded run of unchanged paragraphs opens without JavaScript', async () => {
    const { items } = await store.listArticles({ limit: 100, minVersions: 2 });
    const ferry = items.find((a) => a.title?.includes('Ferry'))!;
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/articles/${ferry.id}/diff/1/2?changes=only`);
    const fold = page.locator('tr.row-fold details').first();
    expect(await fold.locator('.folded').isVisible()).toBe(false);
    await fold.locator('summary').click();
    expect(await fold.locator('.folded').isVisible()).toBe(true);
    await page.close();
  });

  it('a moved paragraph is shown as moved at both ends; "changes only" folds the rest', async () => {
    const moved = edit('boil-water', 'moved');
    const story = STORIES.find((x) => x.id === 'boil-water')!;
    const page = await diffFromHome('boil-water', story.headline, false);
    await page.getByRole('link', { name: 'changes only' }).click();
    await page.waitForURL(/changes=only/);
    expect(await texts(page, 'tr.row-moved-from td.left')).toEqual([expect.stringContaining(squash(moved.before!))]);
    expect(await texts(page, 'tr.row-moved-to td.right')).toEqual([expect.stringContaining(squash(moved.before!))]);
    expect(await page.locator('tr.row-fold').count()).toBeGreaterThan(0);
    // The note at each end links to the other end.
    await page.locator('tr.row-moved-from .moved-note a').click();
    expect(new URL(page.url()).hash).toBe(`#${await page.locator('tr.row-moved-to').getAttribute('id')}`);
    await page.screenshot({ path: join(SHOTS, 'diff-moved-changes-only-desktop.png'), fullPage: true });
    await done(page);
  });

  it('a paragraph moved and edited is one move, with its deletions at the old place and insertions at the new one', async () => {
    const moved = edit('rates-hold', 'moved');
    const story = STORIES.find((x) => x.id === 'rates-hold')!;
    const page = await diffFromHome('rates-hold', story.headline, false);
    const from = page.locator('tr.row-moved-from.row-moved-changed');
    const to = page.locator('tr.row-moved-to.row-moved-changed');
    expect(await from.count()).toBe(1);
    expect(await to.count()).toBe(1);
    expect(squash(await from.locator('td.left').innerText())).toContain(squash(moved.before!));
    expect(squash(await to.locator('td.right').innerText())).toContain(squash(moved.after!));
    expect(await texts(page, 'tr.row-moved-from td.left del')).toEqual(['slightly']);
    expect(await texts(page, 'tr.row-moved-to td.right ins')).toEqual(['sharply', 'and the euro']);
    expect(await page.locator('tr.row-removed, tr.row-added').count()).toBe(0);
    // It reads as moved up, next to the first paragraph, and links back to where it was.
    expect(await texts(page, 'tr.row-moved-to .moved-note')).toEqual([expect.stringMatching(/^moved from ¶\d+ and changed$/)]);
    await to.locator('.moved-note a').click();
    expect(new URL(page.url()).hash).toBe(`#${await from.getAttribute('id')}`);
    await diffShots(page, 'diff-moved-changed');
    await done(page);
  });
});
