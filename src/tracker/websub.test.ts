import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedDocument } from '../feeds/index.ts';
import type { Source } from '../model/index.ts';
import { isPublicBaseUrl, maintainWebSub, websubEnabled } from './websub.ts';
import { harness, type Harness } from './testdata/fakes.ts';

describe('isPublicBaseUrl', () => {
  it.each([
    ['https://redline.example.org', true],
    ['http://203.0.113.7:8080', true],
    ['http://127.0.0.1:8080', false],
    ['http://localhost:8080', false],
    ['http://192.168.1.5', false],
    ['http://172.20.0.1', false],
    ['http://10.1.2.3', false],
    ['http://[::1]:8080', false],
    ['http://intranet', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isPublicBaseUrl(url)).toBe(expected);
  });
});

describe('maintainWebSub', () => {
  let h: Harness;
  let source: Source;
  const posts: Record<string, string>[] = [];
  const doc: FeedDocument = { format: 'rss', items: [], sitemaps: [], hub: 'https://hub.example/', self: 'https://site.example/feed' };

  beforeEach(async () => {
    h = await harness((c) => {
      c.web.baseUrl = 'https://redline.example.org/';
    });
    posts.length = 0;
    h.fetcher.postForm = async (_url, form) => (posts.push(form), { status: 202, text: '' });
    source = await h.deps.store.upsertSource(
      { key: 's', name: 'S', feedUrl: 'https://site.example/rss', pollPeriodSec: 300, include: [], exclude: [] },
      h.clock.now,
    );
  });
  afterEach(() => h.close());

  it('subscribes only with a public base URL (or when told to), to the self URL, with a secret', async () => {
    expect(websubEnabled(h.deps.config)).toBe(true);
    await maintainWebSub(h.deps, source, doc, h.clock.now);
    expect(posts).toEqual([
      {
        'hub.callback': `https://redline.example.org/websub/${source.id}`,
        'hub.mode': 'subscribe',
        'hub.topic': 'https://site.example/feed',
        'hub.lease_seconds': '864000',
        'hub.secret': expect.stringMatching(/^[0-9a-f]{48}$/),
      },
    ]);
    h.deps.config.web.baseUrl = 'http://127.0.0.1:8080';
    expect(websubEnabled(h.deps.config)).toBe(false);
    h.deps.config.websub.subscribe = 'always';
    expect(websubEnabled(h.deps.config)).toBe(true);
  });

  it('does not ask again while waiting, renews before the lease ends with the same secret', async () => {
    const first = (await maintainWebSub(h.deps, source, doc, h.clock.now))!;
    await maintainWebSub(h.deps, source, doc, h.clock.now + 60_000);
    expect(posts).toHaveLength(1);
    // The hub verified: a 10-day lease.
    await h.deps.store.saveWebSub({ ...first, state: 'active', leaseUntil: h.clock.now + 10 * 86_400_000 });
    await maintainWebSub(h.deps, source, doc, h.clock.now + 5 * 86_400_000);
    expect(posts).toHaveLength(1);
    const renewed = (await maintainWebSub(h.deps, source, doc, h.clock.now + 9.5 * 86_400_000))!;
    expect(posts).toHaveLength(2);
    expect(posts[1]['hub.secret']).toBe(first.secret);
    expect(renewed).toMatchObject({ state: 'active', secret: first.secret });
  });

  it('records a refusal and a hub that moved gets a new subscription', async () => {
    h.fetcher.postForm = async () => ({ status: 500, text: 'hub broken' });
    expect(await maintainWebSub(h.deps, source, doc, h.clock.now)).toMatchObject({
      state: 'requested',
      lastError: 'hub answered HTTP 500: hub broken',
    });
    h.fetcher.postForm = async (_url, form) => (posts.push(form), { status: 202, text: '' });
    const moved = await maintainWebSub(h.deps, source, { ...doc, hub: 'https://hub2.example/' }, h.clock.now + 1000);
    expect(moved).toMatchObject({ hubUrl: 'https://hub2.example/', lastError: null });
    expect(posts).toHaveLength(1);
  });
});
