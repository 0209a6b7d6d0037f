import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import type { ArticleWithSource, SourceWithStats, Version } from '../../src/model/index.ts';
import { articleHtml, localServer, ROOT, rssFeed, runCli, runMain, tempDir, type LocalServer } from './helpers.ts';

/** The commands a user types, run as child processes against local servers. */
let server: LocalServer;
let body = [
  'The bridge will close for repairs from Monday, the transport department said in a statement.',
  'Drivers are advised to use the ring road, which will have extra lanes during the works.',
];
beforeAll(async () => {
  server = await localServer((req, res) => {
    if (req.url === '/feed.xml')
      return void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rssFeed([`${server.url}/bridge`]));
    if (req.url === '/bridge')
      return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(articleHtml('Bridge to close for repairs', body));
    res.writeHead(404).end();
  });
});
afterAll(() => server?.close());

describe('redline demo --duration', () => {
  const data = tempDir();
  afterAll(() => data.remove());

  it('tracks the newsroom, prints its URLs, exits cleanly; articles --json then shows the versions', async () => {
    // Another source's due article in the same data dir must not get the demo's 2-second schedule.
    const store = await openStore({ dataDir: data.dir, databaseUrl: null });
    const other = await store.upsertSource(
      { key: 'real', name: 'Real', feedUrl: 'http://127.0.0.1:1/feed', pollPeriodSec: 300, include: [], exclude: [] },
      Date.now(),
    );
    const foreign = (
      await store.upsertArticle({
        sourceId: other.id,
        url: 'http://127.0.0.1:1/story',
        host: '127.0.0.1:1',
        feedTitle: null,
        feedPublishedAt: null,
        now: Date.now(),
        checkPeriodSec: 1800,
      })
    ).article;
    // An article of an earlier demo run, whose newsroom (another port) is gone.
    const oldDemo = await store.upsertSource(
      { key: 'demo', name: 'Old demo', feedUrl: 'http://127.0.0.1:1/feed.xml', pollPeriodSec: 2, include: [], exclude: [] },
      Date.now(),
    );
    const stale = (
      await store.upsertArticle({
        sourceId: oldDemo.id,
        url: 'http://127.0.0.1:1/news/old',
        host: '127.0.0.1:1',
        feedTitle: 'Old',
        feedPublishedAt: null,
        now: Date.now(),
        checkPeriodSec: 2,
      })
    ).article;
    await store.close();

    const demo = await runCli(['demo', '--duration', '14', '--port', '0', '--data', data.dir]);
    expect(demo.code, demo.stderr.slice(-2000)).toBe(0);
    expect(demo.stdout).toMatch(/simulated newsroom: http:\/\/127\.0\.0\.1:\d+\//);
    expect(demo.stdout).toMatch(/Redline website: +http:\/\/127\.0\.0\.1:\d+\//);
    const listed = await runMain(['articles', '--json', '--data', data.dir]);
    const articles = JSON.parse(listed.stdout) as ArticleWithSource[];
    expect(articles.filter((a) => a.versionCount >= 2).length).toBeGreaterThanOrEqual(5);
    const changed = articles.find((a) => a.versionCount >= 2)!;
    const versions = JSON.parse((await runMain(['versions', String(changed.id), '--json', '--data', data.dir])).stdout) as Version[];
    expect(versions.map((v) => v.number)).toEqual(Array.from({ length: changed.versionCount }, (_, i) => i + 1));
    const untouched = articles.find((a) => a.id === foreign.id)!;
    expect(untouched).toMatchObject({ lastCheckedAt: null, versionCount: 0 });
    expect(articles.find((a) => a.id === stale.id)).toMatchObject({ status: 'retired', nextCheckAt: null, lastCheckedAt: null });
    expect(demo.stderr).not.toMatch(/127\.0\.0\.1:1\//);
    expect(articles.filter((a) => a.sourceKey === 'demo' && a.id !== stale.id).length).toBeGreaterThanOrEqual(8);
    // The newsroom closed with the demo: `redline start` on this data dir must not poll or fetch it.
    expect(articles.filter((a) => a.sourceKey === 'demo').every((a) => a.status === 'retired' && a.nextCheckAt === null)).toBe(true);
    const sources = JSON.parse((await runMain(['sources', 'list', '--json', '--data', data.dir])).stdout) as SourceWithStats[];
    expect(sources.find((x) => x.key === 'demo')).toMatchObject({ feedUrl: '', enabled: false });
  }, 120_000);
});

describe('redline check, articles, versions', () => {
  const data = tempDir();
  afterAll(() => data.remove());

  it('check URL stores a version and prints the outcome; a second check finds it unchanged', async () => {
    const url = `${server.url}/bridge?utm_source=newsletter`;
    const first = await runMain(['check', url, '--data', data.dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(
        `article 1 ${server.url}/bridge\\n  first version stored; next check in 5 minutes \\(20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\)\\n$`,
      ),
    );
    expect((await runMain(['check', url, '--data', data.dir])).stdout).toMatch(/unchanged; next check/);
    body = [body[0]];
    expect((await runMain(['check', url, '--data', data.dir])).stdout).toMatch(/new version 2 stored \(\+0 -\d+ words\)/);
    const versions = await runMain(['versions', '1', '--data', data.dir]);
    expect(versions.stdout).toMatch(
      /\n  v1 +20\d\d-\d\d-\d\d \d\d:\d\d:\d\d UTC  first seen +Bridge to close for repairs\n  v2 +20.* UTC  \+0 -\d+ words\n$/,
    );
    const articles = await runMain(['articles', '--data', data.dir]);
    expect(articles.stdout).toMatch(
      /^id +ver +source +last change +state +headline \/ url\n 1 +2 +manual +20\d\d-\d\d-\d\d \d\d:\d\d +Bridge to close for repairs\n +http:/,
    );
    const missing = await runMain(['versions', '99', '--data', data.dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no article 99 \(see `redline articles`\)/);
    for (const bad of [['versions'], ['versions', 'abc'], ['versions', '1', '--bogus'], ['articles', '--status', 'gone']]) {
      const run = await runMain([...bad, '--data', data.dir]);
      expect(run.code, bad.join(' ')).toBe(2);
      expect(run.stderr, bad.join(' ')).toMatch(/^redline: \S.*\n$/);
    }
  });

  it('check of a missing page reports the removal, exits 1 and keeps nothing; a bad URL is a usage error', async () => {
    const gone = await runMain(['check', `${server.url}/nothing-here`, '--data', data.dir]);
    expect(gone.stdout).toMatch(/Removed from the site \(HTTP 404\/410\)/);
    expect(gone.stdout).toMatch(/not kept: the URL is not tracked \(add --track to keep checking it on schedule\)/);
    expect(gone.code).toBe(1);
    expect((await runMain(['check', 'not a url', '--data', data.dir])).code).toBe(2);
  });
});

describe('redline sources', () => {
  const data = tempDir();
  afterAll(() => data.remove());

  it('adds, lists, imports and removes sources that persist in the database', async () => {
    const add = await runMain([
      'sources',
      'add',
      `${server.url}/feed.xml`,
      '--key',
      'local',
      '--name',
      'Local News',
      '--every',
      '2m',
      '--exclude',
      '/sport/',
      '--data',
      data.dir,
    ]);
    expect(add.code, add.stderr).toBe(0);
    const opml = join(data.dir, 'feeds.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
      <outline text="News"><outline type="rss" text="World Wire" xmlUrl="http://127.0.0.1:1/world.xml"/>
      <outline type="rss" text="Local again" xmlUrl="${server.url}/feed.xml"/></outline></body></opml>`,
    );
    const imported = await runMain(['sources', 'import', opml, '--data', data.dir]);
    expect(imported.stdout).toMatch(/imported 1 new source/);
    expect(imported.stderr).toMatch(/import: 2\/2 feeds read, 1 added/);
    const list = JSON.parse((await runMain(['sources', 'list', '--json', '--data', data.dir])).stdout) as SourceWithStats[];
    const local = list.find((s) => s.key === 'local')!;
    expect(local).toMatchObject({ name: 'Local News', pollPeriodSec: 120, exclude: ['/sport/'] });
    expect(list.map((s) => s.key).sort()).toEqual(['local', 'world-wire']);
    expect((await runMain(['sources', 'add', 'ftp://x', '--data', data.dir])).code).toBe(2);

    const pass = await runMain(['run', '--once', '--data', data.dir]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/polled 2 feeds \(1 with errors\), 1 new article; checked 1: 1 new version/);
    expect((await runMain(['sources', 'list', '--data', data.dir])).stdout).toMatch(
      /\nworld-wire +0 articles +0 versions +every 5m +http:\/\/127\.0\.0\.1:1\/world\.xml\n +error (\d+ seconds? ago|just now): fetch connect: .*; next poll in [45] minutes\n/,
    );

    expect((await runMain(['sources', 'remove', 'world-wire', '--data', data.dir])).code).toBe(0);
    expect((await runMain(['sources', 'remove', 'world-wire', '--data', data.dir])).code).toBe(2);
  });
});

describe('redline start without internet', () => {
  const data = tempDir();
  afterAll(() => data.remove());

  it('shows a clear fetch error for each unreachable source, serves the website, and stops on SIGTERM', async () => {
    writeFileSync(
      join(data.dir, 'redline.json'),
      JSON.stringify({
        sources: [
          { key: 'refused', name: 'Refused', feedUrl: 'http://127.0.0.1:1/rss.xml' },
          { key: 'refused2', name: 'Refused too', feedUrl: 'http://127.0.0.1:9/feed' },
        ],
        fetch: { allowPrivateNetworks: true },
      }),
    );
    const child = spawn(process.execPath, [join(ROOT, 'bin/redline.js'), 'start', '--port', '0', '--data', data.dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const until = async (ok: () => boolean) => {
      // Generous: a loaded 2-core machine may take many seconds to start a tsx child.
      for (let i = 0; i < 600 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
    };
    try {
      await until(() => /website at http/.test(stdout) && (stderr.match(/ poll source=refused2? status=error/g) ?? []).length >= 2);
      expect(stdout).toMatch(/tracking 2 sources; website at http:\/\/127\.0\.0\.1:\d+\//);
      expect(stderr).toMatch(/error poll source=refused status=error .*stage=fetch kind=connect/);
      const site = /website at (http:\/\/[^/]+\/)/.exec(stdout)![1];
      expect((await fetch(site)).status).toBe(200);
      const listed = await runCli(['sources', 'list', '--json', '--data', data.dir]);
      expect(listed.code, listed.stderr).toBe(0);
      const sources = JSON.parse(listed.stdout) as SourceWithStats[];
      for (const s of sources.filter((x) => x.feedUrl)) expect(s.lastError).toMatch(/^fetch connect: /);
    } finally {
      // Also when an expectation above failed: a leftover tracker would poll forever.
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/redline: stopping \(finishing checks in flight\)\.\.\.\n(.*\n)*.* info worker_stop /);
  }, 120_000);
});
