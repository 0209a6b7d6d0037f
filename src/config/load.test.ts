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
    expect(withFile({ schedule: { tiers: [{ maxAgeSec: 7200, periodSec: 600 }] } })().schedule.tiers).toEqual([{ maxAgeSec: 7200, periodSec: 600 }]);
    expect(withFile({ schedule: { tiers: [] } })().schedule.tiers).toEqual([]);
  });

  it.each([
    ['not a list', { tiers: 'fast' }, /must be a list/],
    ['a missing period', { tiers: [{ maxAgeSec: 60 }] }, /tiers\[0\] needs a positive/],
    ['ages out of order', { tiers: [{ maxAgeSec: 7200, periodSec: 60 }, { maxAgeSec: 3600, periodSec: 60 }] }, /tiers\[1\]: maxAgeSec must grow/],
    ['a period past retirement', { tiers: [{ maxAgeSec: 7200, periodSec: 99e9 }] }, /exceeds schedule.retireAfterSec/],
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
    expect(sources[1]).toMatchObject({ key: 'front', type: 'page', feedUrl: 'https://b.example/', linkPattern: '/news/\\d+', render: 'chromium', pollPeriodSec: 600 });
  });

  it.each([
    ['an unknown type', { key: 'x', type: 'blog', feedUrl: 'https://a.example/' }, /"type" must be/],
    ['a page without a URL', { key: 'x', type: 'page' }, /"pageUrl" must be an http/],
    ['a bad link pattern', { key: 'x', type: 'page', pageUrl: 'https://a.example/', linkPattern: '([' }, /invalid regular expression/],
    ['a link pattern on a feed', { key: 'x', feedUrl: 'https://a.example/rss', linkPattern: 'a' }, /for sources of type "page"/],
    ['an unknown render mode', { key: 'x', feedUrl: 'https://a.example/rss', render: 'webkit' }, /"render" must be/],
  ])('refuses %s', (_name, source, message) => {
    expect(withFile({ sources: [source] })).toThrow(message);
  });
});
