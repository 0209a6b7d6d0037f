import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from './errors.ts';
import { createFetcher } from './fetcher.ts';
import { parseRobots, productToken, robotsAllows, ruleMatches } from './robots.ts';
import { startServer, testFetchConfig, type TestServer } from './testdata/server.ts';

const UA = 'Redline/0.1 (+https://example.org/redline)';

describe('robots.txt rules', () => {
  const text = `
# comment
User-agent: *
Disallow: /private/
Allow: /private/open$
Disallow: /*.pdf$
Disallow: /search

User-agent: OtherBot
Disallow: /

User-agent: redline
User-agent: SomethingElse
Disallow: /no-redline/
Allow: /no-redline/but-this
`;

  it('takes the group naming our product token, not *', () => {
    expect(productToken(UA)).toBe('redline');
    const rules = parseRobots(text, UA);
    expect(robotsAllows(rules, '/private/x')).toBe(true);
    expect(robotsAllows(rules, '/no-redline/a')).toBe(false);
    expect(robotsAllows(rules, '/no-redline/but-this/one')).toBe(true);
  });

  it.each([
    ['/news/a', true],
    ['/private/x', false],
    ['/private/open', true],
    ['/private/open/more', false],
    ['/files/report.pdf', false],
    ['/files/report.pdf?x=1', true],
    ['/search?q=x', false],
    ['/searching', false],
  ])('* group: %s -> %s', (path, allowed) => {
    expect(robotsAllows(parseRobots(text, 'SomeCrawler/1.0'), path)).toBe(allowed);
  });

  it('longest match wins, Allow wins ties, empty Disallow allows all', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a/b\nDisallow: /a/b/c\nAllow: /x\nDisallow: /x\n', UA);
    expect(robotsAllows(rules, '/a/z')).toBe(false);
    expect(robotsAllows(rules, '/a/b/z')).toBe(true);
    expect(robotsAllows(rules, '/a/b/c/d')).toBe(false);
    expect(robotsAllows(rules, '/x')).toBe(true);
    expect(robotsAllows(parseRobots('User-agent: *\nDisallow:\n', UA), '/anything')).toBe(true);
    expect(robotsAllows(parseRobots('', UA), '/anything')).toBe(true);
  });

  it('merges repeated groups for one agent and reads percent-escapes alike', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /a\n\nUser-agent: *\nDisallow: /%7Euser/\n', UA);
    expect(robotsAllows(rules, '/a1')).toBe(false);
    expect(robotsAllows(rules, '/~user/page')).toBe(false);
  });
});

describe('robots.txt matching is linear (no backtracking)', () => {
  it('decides the ReDoS rule against a 200-character path in well under 10 ms', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b\n', UA);
    const path = '/' + 'a'.repeat(199);
    const started = performance.now();
    const allowed = robotsAllows(rules, path);
    const elapsed = performance.now() - started;
    expect(allowed).toBe(true);
    expect(robotsAllows(rules, path + 'b')).toBe(false);
    expect(elapsed).toBeLessThan(10); // a backtracking regex took 30 s at 40 characters
  });

  /** The regular-expression reading of a rule, kept here as the reference the linear matcher must agree with. */
  function reference(pattern: string, path: string): boolean {
    const anchored = pattern.endsWith('$');
    const body = (anchored ? pattern.slice(0, -1) : pattern)
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return new RegExp(`^${body}${anchored ? '$' : ''}`).test(path);
  }

  it('agrees with the regular-expression reading on many small patterns and paths', () => {
    const alphabet = ['a', 'b', '/', '*'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 1000;
    for (let i = 0; i < 3000; i++) {
      const pattern = '/' + Array.from({ length: next() % 6 }, () => alphabet[next() % 4]).join('') + (next() % 3 === 0 ? '$' : '');
      const path = '/' + Array.from({ length: next() % 8 }, () => alphabet[next() % 3]).join('');
      const rule = { pieces: (pattern.endsWith('$') ? pattern.slice(0, -1) : pattern).split('*'), anchored: pattern.endsWith('$') };
      expect(ruleMatches(rule, path), `${pattern} vs ${path}`).toBe(reference(pattern, path));
    }
  });

  it.each([
    ['/*.pdf$', '/a/b.pdf', true],
    ['/*.pdf$', '/a/b.pdf?x', false],
    ['/a*$', '/a', true],
    ['/a$', '/ab', false],
    ['/*', '/', true],
    ['/fish*', '/fish.html', true],
    ['/*php', '/index.php?x', true],
    ['/x$y', '/x$y', true],
  ])('%s vs %s -> %s', (pattern, path, matches) => {
    const rules = parseRobots(`User-agent: *\nDisallow: ${pattern}\n`, UA);
    expect(robotsAllows(rules, path)).toBe(!matches);
  });
});

describe('robots.txt in the fetcher', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function site(robots: { status: number; body?: string }) {
    const hits = { robots: 0, pages: 0 };
    const handler: http.RequestListener = (req, res) => {
      if (req.url === '/robots.txt') {
        hits.robots++;
        return res.writeHead(robots.status, { 'Content-Type': 'text/plain' }).end(robots.body ?? '');
      }
      hits.pages++;
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>page</p>');
    };
    server = await startServer(handler);
    return { base: server.url, hits };
  }

  const config = testFetchConfig({ respectRobots: true, userAgent: UA });

  it('refuses disallowed pages with kind robots, fetches robots.txt once per host', async () => {
    const { base, hits } = await site({ status: 200, body: 'User-agent: *\nDisallow: /private/\n' });
    const fetcher = createFetcher(config);
    await Promise.all([fetcher.get(`${base}/news/1`, { accept: 'html' }), fetcher.get(`${base}/news/2`, { accept: 'html' })]);
    const err = await fetcher.get(`${base}/private/x`, { accept: 'html' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ kind: 'robots' });
    expect((err as Error).message).toContain(`${base}/private/x`);
    expect(hits).toEqual({ robots: 1, pages: 2 });
  });

  it('re-fetches robots.txt after robotsCacheSec', async () => {
    const { base, hits } = await site({ status: 200, body: 'User-agent: *\nDisallow:\n' });
    let clock = 0;
    const fetcher = createFetcher({ ...config, robotsCacheSec: 60 }, { now: () => clock });
    await fetcher.get(`${base}/a`, { accept: 'html' });
    clock += 30_000;
    await fetcher.get(`${base}/b`, { accept: 'html' });
    expect(hits.robots).toBe(1);
    clock += 31_000;
    await fetcher.get(`${base}/c`, { accept: 'html' });
    expect(hits.robots).toBe(2);
  });

  it('a missing robots.txt (404) allows everything', async () => {
    const { base } = await site({ status: 404 });
    expect((await createFetcher(config).get(`${base}/x`, { accept: 'html' })).text).toBe('<p>page</p>');
  });

  it('a 5xx robots.txt disallows for now', async () => {
    const { base, hits } = await site({ status: 503 });
    await expect(createFetcher(config).get(`${base}/x`, { accept: 'html' })).rejects.toMatchObject({ kind: 'robots' });
    expect(hits.pages).toBe(0);
  });

  it('an oversized robots.txt is read up to 500 KiB, not refused, and fetched once', async () => {
    const rules = 'User-agent: *\nDisallow: /private/\n';
    const filler = '# padding '.repeat(70_000); // 700 KB
    const { base, hits } = await site({ status: 200, body: rules + filler + '\nDisallow: /late/\n' });
    const fetcher = createFetcher(config);
    for (let i = 0; i < 3; i++) expect((await fetcher.get(`${base}/news/${i}`, { accept: 'html' })).text).toBe('<p>page</p>');
    // The rule past 500 KiB was never read.
    expect((await fetcher.get(`${base}/late/x`, { accept: 'html' })).text).toBe('<p>page</p>');
    await expect(fetcher.get(`${base}/private/x`, { accept: 'html' })).rejects.toMatchObject({ kind: 'robots' });
    expect(hits.robots).toBe(1);
  });

  it('a robots.txt that cannot be fetched fails the checks for a minute without being asked again each time', async () => {
    let robotsHits = 0;
    server = await startServer((req, res) => {
      if (req.url === '/robots.txt') {
        robotsHits++;
        return req.socket.destroy();
      }
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>page</p>');
    });
    let clock = 0;
    const fetcher = createFetcher(config, { now: () => clock });
    for (let i = 0; i < 3; i++)
      await expect(fetcher.get(`${server.url}/a${i}`, { accept: 'html' })).rejects.toMatchObject({ kind: 'connect' });
    expect(robotsHits).toBeLessThanOrEqual(2); // one request, perhaps retried once as a stale kept-alive socket
    const before = robotsHits;
    clock += 61_000;
    await expect(fetcher.get(`${server.url}/b`, { accept: 'html' })).rejects.toMatchObject({ kind: 'connect' });
    expect(robotsHits).toBeGreaterThan(before);
  });

  it('respectRobots: false skips robots.txt', async () => {
    const { base, hits } = await site({ status: 200, body: 'User-agent: *\nDisallow: /\n' });
    await createFetcher({ ...config, respectRobots: false }).get(`${base}/x`, { accept: 'html' });
    expect(hits).toEqual({ robots: 0, pages: 1 });
  });
});
