import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../model/index.ts';
import { loadConfig } from './load.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function withFile(content: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'redline-config-'));
  dirs.push(dir);
  const file = join(dir, 'redline.json');
  writeFileSync(file, JSON.stringify(content));
  return () => loadConfig({ configFile: file, dataDir: dir }, {});
}

describe('schedule.tiers in the config file', () => {
  it('defaults to the front-loaded tiers, and a file replaces them', () => {
    expect(withFile({})().schedule.tiers.map((t) => t.periodSec)).toEqual([300, 900, 1800]);
    expect(withFile({ schedule: { tiers: [{ maxAgeSec: 7200, periodSec: 600 }] } })().schedule.tiers).toEqual([
      { maxAgeSec: 7200, periodSec: 600 },
    ]);
    expect(withFile({ schedule: { tiers: [] } })().schedule.tiers).toEqual([]);
  });

  it.each([
    ['not a list', { tiers: 'fast' }, /must be a list/],
    ['a missing period', { tiers: [{ maxAgeSec: 60 }] }, /schedule\.tiers\[0\]\.periodSec is required/],
    [
      'a negative period',
      { tiers: [{ maxAgeSec: 60, periodSec: -1 }] },
      /schedule\.tiers\[0\]\.periodSec must be a positive number \(got -1\)/,
    ],
    [
      'ages out of order',
      {
        tiers: [
          { maxAgeSec: 7200, periodSec: 60 },
          { maxAgeSec: 3600, periodSec: 60 },
        ],
      },
      /schedule\.tiers must have maxAgeSec growing/,
    ],
    [
      'a period past retirement',
      { tiers: [{ maxAgeSec: 7200, periodSec: 99e9 }] },
      /must not have a periodSec above schedule.retireAfterSec/,
    ],
  ])('refuses %s', (_name, schedule, message) => {
    const load = withFile({ schedule });
    expect(load).toThrow(UsageError);
    expect(load).toThrow(message);
  });
});

describe('sources in the config file', () => {
  it('reads feed and page sources with their render mode', () => {
    const { sources } = withFile({
      sources: [
        { key: 'feed', feedUrl: 'https://a.example/rss' },
        { key: 'front', type: 'page', pageUrl: 'https://b.example/', linkPattern: '/news/\\d+', render: 'chromium', every: '10m' },
      ],
    })();
    expect(sources[0]).toMatchObject({ key: 'feed', type: 'feed', linkPattern: null, render: 'http', pollPeriodSec: 300 });
    expect(sources[1]).toMatchObject({
      key: 'front',
      type: 'page',
      feedUrl: 'https://b.example/',
      linkPattern: '/news/\\d+',
      render: 'chromium',
      pollPeriodSec: 600,
    });
  });

  it.each([
    [
      'an unknown type',
      { key: 'x', type: 'blog', feedUrl: 'https://a.example/' },
      /sources\[0\]\.type must be one of feed, page \(got "blog"\)/,
    ],
    ['a page without a URL', { key: 'x', type: 'page' }, /sources\[0\]: "pageUrl" must be an http/],
    [
      'a bad link pattern',
      { key: 'x', type: 'page', pageUrl: 'https://a.example/', linkPattern: '([' },
      /linkPattern is an invalid regular expression/,
    ],
    [
      'a link pattern on a feed',
      { key: 'x', feedUrl: 'https://a.example/rss', linkPattern: 'a' },
      /"linkPattern" is for sources of type "page"/,
    ],
    [
      'an unknown render mode',
      { key: 'x', feedUrl: 'https://a.example/rss', render: 'webkit' },
      /sources\[0\]\.render must be one of http, chromium/,
    ],
    ['the reserved key', { key: 'manual', feedUrl: 'https://a.example/rss' }, /sources\[0\]\.key "manual" is reserved/],
    ['an unknown key', { key: 'x', feedUrl: 'https://a.example/rss', evry: '5m' }, /unknown key "sources\[0\]\.evry"/],
    [
      'a bad exclude pattern',
      { key: 'x', feedUrl: 'https://a.example/rss', exclude: ['ok', '(['] },
      /sources\[0\]\.exclude\[1\] is an invalid regular expression/,
    ],
    [
      'a poll more often than feedMinPeriodSec',
      { key: 'x', feedUrl: 'https://a.example/rss', every: '5s' },
      /"every" must be at least 60s/,
    ],
  ])('refuses %s', (_name, source, message) => {
    expect(withFile({ sources: [source] })).toThrow(message);
  });
});

describe('safety settings (issue 9)', () => {
  it('default to the guard on, short leases, parsing budgets and per-source limits', () => {
    const config = withFile({})();
    expect(config.fetch).toMatchObject({ allowPrivateNetworks: false, allowPrivateHosts: [] });
    expect(config.worker).toMatchObject({
      leaseSec: 60,
      extractThreads: 2,
      extractBudgetMs: 5_000,
      feedBudgetMs: 20_000,
      extractMemoryMb: 512,
    });
    expect(config.limits).toEqual({
      newArticlesPerPoll: 200,
      newArticlesPerDay: 2_000,
      versionsPerArticlePerDay: 24,
      maxTextChars: 200_000,
    });
  });

  it('are read from the config file', () => {
    const config = withFile({
      fetch: { allowPrivateNetworks: true, allowPrivateHosts: ['intranet.example'] },
      limits: { newArticlesPerPoll: 5 },
    })();
    expect(config.fetch).toMatchObject({ allowPrivateNetworks: true, allowPrivateHosts: ['intranet.example'] });
    expect(config.limits).toMatchObject({ newArticlesPerPoll: 5, newArticlesPerDay: 2_000 });
  });

  it.each([
    [{ fetch: { allowPrivateNetworks: 'yes' } }, /fetch\.allowPrivateNetworks must be true or false/],
    [{ fetch: { allowPrivateHosts: 'intranet.example' } }, /fetch\.allowPrivateHosts must be a list/],
    [{ limits: { newArticlesPerPoll: 0 } }, /limits\.newArticlesPerPoll must be a whole number >= 1/],
    [{ limits: { maxTextChars: -1 } }, /limits\.maxTextChars must be a whole number >= 1/],
    [{ worker: { extractBudgetMs: 'fast' } }, /worker\.extractBudgetMs must be a positive number/],
  ])('%j is refused', (content, message) => {
    expect(withFile(content)).toThrow(UsageError);
    expect(withFile(content)).toThrow(message);
  });
});
