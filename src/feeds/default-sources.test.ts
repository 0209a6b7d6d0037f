import { describe, expect, it } from 'vitest';
import { loadConfig, SHIPPED_CONFIG } from '../config/index.ts';
import { canonicalizeUrl } from './canonical.ts';
import { sourceAccepts } from './filter.ts';

describe('config/default.json', () => {
  const { sources } = loadConfig({ configFile: SHIPPED_CONFIG, dataDir: '/nonexistent-redline-test' }, {});

  it('ships a dozen distinct https feeds that the loader accepts', () => {
    expect(sources.length).toBe(12);
    expect(new Set(sources.map((s) => s.key)).size).toBe(sources.length);
    expect(new Set(sources.map((s) => new URL(s.feedUrl).hostname)).size).toBe(sources.length);
    for (const s of sources) {
      expect(s.feedUrl).toMatch(/^https:\/\//);
      expect(canonicalizeUrl(s.feedUrl)).toBe(s.feedUrl);
      expect(s.pollPeriodSec).toBeGreaterThanOrEqual(60);
    }
  });

  it.each([
    ['bbc', 'https://www.bbc.co.uk/news/articles/c0000000000o', true],
    ['bbc', 'https://www.bbc.co.uk/sport/football/articles/c1111111111o', false],
    ['bbc', 'https://www.bbc.co.uk/news/live/world-12345678', false],
    ['guardian', 'https://www.theguardian.com/world/2024/mar/05/some-story', true],
    ['guardian', 'https://www.theguardian.com/world/live/2024/mar/05/some-live-blog', false],
    ['aljazeera', 'https://www.aljazeera.com/news/2024/3/5/story', true],
    ['aljazeera', 'https://www.aljazeera.com/news/liveblog/2024/3/5/live', false],
  ])('%s accepts %s: %s', (key, url, expected) => {
    const source = sources.find((s) => s.key === key)!;
    expect(sourceAccepts(source, url)).toBe(expected);
  });
});
