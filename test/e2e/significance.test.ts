import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDITS, startNewsroom, type DemoEdit, type Newsroom } from '../../src/demo/index.ts';
import { createApp } from '../../src/web/index.ts';
import { trackDemoScript } from './demo-script.ts';
import { runMain, testTracker, type TestTracker } from './helpers.ts';

/**
 * Issue 10, must show 1: the demo newsroom has a typo fix, a corrected number and a "Correction:"
 * notice. Tracked through its whole script, the website, the three feed formats and
 * `redline changes` agree: "headline changes" lists exactly the scripted headline edits,
 * "substantive" hides the typo fix, "corrections" shows the notice. The expectations come from
 * the script (DEMO_EDITS), not from the labels the store holds.
 */
let newsroom: Newsroom;
let t: TestTracker;
let app: Hono;
/** "articleId/number" of every stored version 2+, with the scripted edits it brought. */
const editsOf = new Map<string, DemoEdit[]>();

beforeAll(async () => {
  newsroom = await startNewsroom({ manual: true });
  t = await testTracker();
  const { capturedAt, storyOf } = await trackDemoScript(t, newsroom);
  for (const [id, steps] of capturedAt)
    for (let n = 2; n <= steps.length; n++)
      editsOf.set(
        `${id}/${n}`,
        DEMO_EDITS.filter((e) => e.articleId === storyOf.get(id) && e.step > steps[n - 2] && e.step <= steps[n - 1]),
      );
  app = createApp({
    store: t.deps.store,
    config: { ...t.deps.config, web: { ...t.deps.config.web, baseUrl: 'http://news.test' } },
    now: () => t.clock.now,
  });
});
afterAll(async () => {
  await newsroom?.close();
  await t?.close();
});

const versionsWith = (test: (e: DemoEdit) => boolean) =>
  [...editsOf]
    .filter(([, edits]) => edits.some(test))
    .map(([key]) => key)
    .sort();
const isHeadline = (e: DemoEdit) => e.kind === 'headline';
const isTypo = (e: DemoEdit) => e.kind === 'typo';
// The notice-added label (diff/labels.ts) means "a correction or update notice": the demo's ferry story also gets an "Update:".
const isNotice = (e: DemoEdit) => e.kind === 'added' && /^(Correction|Update):/.test(e.after ?? '');
const isCorrection = (e: DemoEdit) => e.kind === 'added' && !!e.after?.startsWith('Correction:');
const isNumber = (e: DemoEdit) => e.kind === 'number';

/**
 * The version changes a page lists, as "articleId/number": each row's headline links to its diff;
 * a row grouping repeated edits of one article says which versions it holds ("versions 1 to 4",
 * or on a filtered list, a link per version).
 */
async function pageVersions(path: string): Promise<string[]> {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  const body = await res.text();
  const rows = body.match(/<li class="change">[^]*?<\/li>/g) ?? [];
  return rows
    .flatMap((row) => {
      const [, id, , last] = row.match(/<a class="headline" href="\/articles\/(\d+)\/diff\/(\d+)\/(\d+)">/)!;
      const range = row.match(/\(versions (\d+) to (\d+)\)/);
      if (range) return Array.from({ length: Number(range[2]) - Number(range[1]) }, (_, i) => `${id}/${Number(range[1]) + i + 1}`);
      const each = [...row.matchAll(/<a class="version" href="\/articles\/\d+\/diff\/\d+\/(\d+)">/g)].map((m) => `${id}/${m[1]}`);
      return each.length ? each : [`${id}/${last}`];
    })
    .sort();
}

/** The version changes a feed lists, from its items' links, in all three formats (which must agree). */
async function feedVersions(query: string): Promise<string[]> {
  const get = async (ext: string) => {
    const res = await app.request(`/feeds/changes.${ext}${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    return res.text();
  };
  const links = {
    rss: (parseRssFeed(await get('rss')).items ?? []).map((i) => i.link ?? ''),
    atom: (parseAtomFeed(await get('atom')).entries ?? []).map((e) => e.links?.[0]?.href ?? ''),
    json: (parseJsonFeed(JSON.parse(await get('json'))).items ?? []).map((i) => i.url ?? ''),
  };
  const keys = (list: string[]) =>
    list.flatMap((l) => [...l.matchAll(/\/articles\/(\d+)\/diff\/\d+\/(\d+)$/g)].map((m) => `${m[1]}/${m[2]}`)).sort();
  expect(keys(links.atom)).toEqual(keys(links.rss));
  expect(keys(links.json)).toEqual(keys(links.rss));
  return keys(links.rss);
}

/** `redline changes --json ARGS` against the tracker's data directory. */
async function cliVersions(...args: string[]): Promise<string[]> {
  const run = await runMain(['changes', '--json', '--limit', '500', '--data', t.dir, ...args]);
  expect(run.code, run.stderr).toBe(0);
  const items = JSON.parse(run.stdout) as { type: string; article: { id: number }; version?: { number: number } }[];
  return items
    .filter((i) => i.type === 'version')
    .map((i) => `${i.article.id}/${i.version!.number}`)
    .sort();
}

describe('significance filters on the demo (must show 1)', () => {
  it('the script has what the filters are shown with: headline edits, one typo fix alone in its version, a corrected number, a notice', () => {
    expect(versionsWith(isHeadline).length).toBeGreaterThanOrEqual(2);
    const typo = versionsWith(isTypo);
    expect(typo).toHaveLength(1);
    expect(editsOf.get(typo[0])!.map((e) => e.kind)).toEqual(['typo']);
    expect(versionsWith(isNumber).length).toBeGreaterThanOrEqual(1);
    expect(versionsWith(isCorrection)).toHaveLength(1);
    expect(versionsWith(isNotice)).toHaveLength(2);
  });

  it('website: "headline changes" lists exactly the headline edits, "substantive" hides the typo fix, "corrections" shows the notice', async () => {
    const all = await pageVersions('/');
    expect(all).toEqual([...editsOf.keys()].sort());
    expect(await pageVersions('/?kind=headline')).toEqual(versionsWith(isHeadline));
    const substantive = await pageVersions('/?min=substantive');
    const [typo] = versionsWith(isTypo);
    expect(all).toContain(typo);
    expect(substantive).not.toContain(typo);
    // Everything else the script did is more than a typo: substantive is all but the typo fix.
    expect(substantive).toEqual(all.filter((k) => k !== typo));
    const corrections = await pageVersions('/?kind=corrections');
    expect(corrections).toEqual(versionsWith(isNotice));
    expect(corrections).toContain(versionsWith(isCorrection)[0]);
    expect(await pageVersions('/?source=demo&kind=corrections')).toEqual(corrections);
  });

  it('website: "removals" lists the removed paragraphs and the article taken off the site; a level keeps such events, a kind only its own', async () => {
    expect(await pageVersions('/?kind=removals')).toEqual(versionsWith((e) => e.kind === 'removed'));
    const events = async (path: string) =>
      ((await (await app.request(path)).text()).match(/<li class="change change-event">[^]*?<\/li>/g) ?? [])
        .map((row) => row.match(/class="badge badge-(\w+)"/)?.[1])
        .sort();
    const takedowns = DEMO_EDITS.filter((e) => e.kind === 'takedown').length;
    expect(takedowns).toBeGreaterThanOrEqual(1);
    expect(await events('/?kind=removals')).toEqual(Array(takedowns).fill('removed'));
    const all = await events('/');
    expect(all).toEqual(expect.arrayContaining(['removed', 'restored', 'revert']));
    expect(await events('/?min=substantive')).toEqual(all);
    expect(await events('/?kind=headline')).toEqual([]);
  });

  it('website: the filter links are plain links, the current one marked, and rows show level and labels', async () => {
    const body = await (await app.request('/?source=demo&kind=headline')).text();
    const nav = body.match(/<nav class="significance-nav"[^]*?<\/nav>/)?.[0] ?? '';
    const links = [...nav.matchAll(/<a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a>/g)].map((m) => [
      m[3],
      m[1].replace(/&amp;/g, '&'),
      !!m[2],
    ]);
    expect(links).toEqual([
      ['all', '/?source=demo', false],
      ['substantive', '/?source=demo&min=substantive', false],
      ['headline changes', '/?source=demo&kind=headline', true],
      ['removals', '/?source=demo&kind=removals', false],
      ['corrections', '/?source=demo&kind=corrections', false],
    ]);
    expect(body).toContain('<h1>Recent headline changes in Demo</h1>');
    expect(body).toMatch(
      /<span class="level level-major">major<\/span> <span class="label" title="the headline changed[^"]*">headline changed<\/span>/,
    );
    const typoPage = await (await app.request('/?kind=typo-only')).text();
    expect(typoPage).toMatch(/<span class="level level-minor">minor<\/span> <span class="label"[^>]*>typo or style fix<\/span>/);
    // The feeds a filtered page offers are the filtered feeds.
    expect(body).toContain('href="/sources/demo/feed.rss?kind=headline"');
  });

  it('feeds (RSS, Atom, JSON Feed): the same three answers, parsed with feedsmith', async () => {
    expect(await feedVersions('?kind=headline')).toEqual(versionsWith(isHeadline));
    const substantive = await feedVersions('?min=substantive');
    expect(substantive).not.toContain(versionsWith(isTypo)[0]);
    expect(substantive).toEqual((await feedVersions('')).filter((k) => k !== versionsWith(isTypo)[0]));
    expect(await feedVersions('?kind=corrections')).toEqual(versionsWith(isNotice));
    const rss = await (await app.request('/feeds/changes.rss?kind=corrections')).text();
    expect(rss).toContain('<title>Redline: all changes (corrections)</title>');
    expect(rss).toContain('href="http://news.test/feeds/changes.rss?kind=corrections" rel="self"');
    expect(rss).toContain('<category>notice-added</category>');
  });

  it('redline changes --kind / --min: the same three answers, and a clear error for a bad value', async () => {
    expect(await cliVersions('--kind', 'headline')).toEqual(versionsWith(isHeadline));
    expect(await cliVersions('--kind', 'headline-changed')).toEqual(versionsWith(isHeadline));
    const substantive = await cliVersions('--min', 'substantive');
    expect(substantive).toEqual((await cliVersions()).filter((k) => k !== versionsWith(isTypo)[0]));
    expect(await cliVersions('--kind', 'corrections')).toEqual(versionsWith(isNotice));
    const text = await runMain(['changes', '--kind', 'corrections', '--data', t.dir]);
    expect(text.stdout).toMatch(/ v\d+ {2}major \[[^\]]*notice-added[^\]]*\]/);
    const bad = await runMain(['changes', '--min', 'huge', '--data', t.dir]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--min must be one of minor, substantive, major (got "huge")');
    const badKind = await runMain(['changes', '--kind', 'headlines', '--data', t.dir]);
    expect(badKind.code).not.toBe(0);
    expect(badKind.stderr).toMatch(
      /--kind must be one or more \(comma-separated\) of headline, removals, corrections, headline-changed, .*rewrite \(got "headlines"\)/,
    );
  });

  it("API: /api/v1/changes takes the same filters and carries each version's level and labels", async () => {
    const res = await app.request('/api/v1/changes?kind=corrections');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: { article: { id: number }; version: { number: number; change: { labels: string[]; level: string } } }[];
    };
    expect(items.map((i) => `${i.article.id}/${i.version.number}`)).toEqual(versionsWith(isNotice));
    expect(items[0].version.change).toMatchObject({ level: 'major', labels: expect.arrayContaining(['notice-added']) });
    const bad = await app.request('/api/v1/changes?min=huge');
    expect(bad.status).toBe(400);
  });
});
