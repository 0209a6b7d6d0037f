/** The command-line rows of issue 10's "what a new user hit" table, one test each. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleWithSource } from '../../src/model/index.ts';
import { table, wrapWords } from '../../src/cli/commands/articles.ts';
import { quietLogger } from '../../src/cli/commands/demo.ts';
import { articleHtml, localServer, runMain, tempDir, type LocalServer } from './helpers.ts';

let server: LocalServer;
beforeAll(async () => {
  server = await localServer((req, res) => {
    if (req.url === '/story')
      return void res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(
          articleHtml('A story', [
            'The council approved the new budget on Monday evening after a long debate.',
            'Opposition members voted against it.',
          ]),
        );
    res.writeHead(404).end();
  });
});
afterAll(() => server?.close());

describe('redline check', () => {
  const data = tempDir();
  afterAll(() => data.remove());

  it('does not keep a URL whose first check fails, unless --track', async () => {
    const missing = `${server.url}/missing`;
    expect((await runMain(['check', missing, '--data', data.dir])).code).toBe(1);
    const listed = JSON.parse((await runMain(['articles', '--json', '--data', data.dir])).stdout) as ArticleWithSource[];
    expect(listed.map((a) => a.url)).not.toContain(missing);
    const tracked = await runMain(['check', missing, '--track', '--data', data.dir]);
    expect(tracked.stdout).not.toContain('not kept');
    const after = JSON.parse((await runMain(['articles', '--json', '--data', data.dir])).stdout) as ArticleWithSource[];
    expect(after.map((a) => a.url)).toContain(missing);
  });

  it('an unreachable URL: the error names the URL asked for, not robots.txt', async () => {
    const url = 'http://127.0.0.1:1/news/story';
    const run = await runMain(['check', url, '--data', data.dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`connection to ${url} failed`);
    expect(run.stdout).not.toContain('robots.txt');
    expect(run.stdout).toContain('not kept');
  });
});

describe('redline run --once', () => {
  const data = tempDir();
  afterAll(() => data.remove());

  it('exits 1 when every feed failed', async () => {
    await runMain(['sources', 'add', 'http://127.0.0.1:1/feed.xml', '--key', 'down', '--data', data.dir]);
    const run = await runMain(['run', '--once', '--data', data.dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('every feed polled (1) failed');
  });
});

describe('usage', () => {
  it('--version prints the package version', async () => {
    const run = await runMain(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^redline \d+\.\d+\.\d+\n$/);
  });

  it('an unknown option lists the valid ones', async () => {
    const run = await runMain(['articles', '--jsno']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'unknown option --jsno; valid options: --data VALUE, --config VALUE, --database VALUE, --help, --json, --source VALUE, --status VALUE, --min-versions VALUE',
    );
  });

  it('a mistyped --data says it created a new database', async () => {
    const data = tempDir();
    try {
      const dir = join(data.dir, 'typo');
      const run = await runMain(['articles', '--data', dir]);
      expect(run.stderr).toContain(`created a new database at ${join(dir, 'redline.db')}`);
      expect(existsSync(join(dir, 'redline.db'))).toBe(true);
      expect((await runMain(['articles', '--data', dir])).stderr).not.toContain('created a new database');
    } finally {
      data.remove();
    }
  });
});

describe('redline articles at 80 columns', () => {
  it('wraps headlines between words and URLs under the headline column', () => {
    const article = {
      id: 12,
      versionCount: 3,
      sourceKey: 'demo',
      lastVersionAt: Date.UTC(2026, 11, 1, 10, 15),
      status: 'active',
      lastError: null,
      title: 'Ferry runs aground off Port Calder in heavy fog as lifeboats bring more than two hundred passengers ashore',
      feedTitle: null,
      url: 'http://127.0.0.1:43123/news/national/ferry-runs-aground-off-port-calder-in-heavy-fog',
    } as ArticleWithSource;
    const lines = table([article], 80).split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    const indent = lines[1].indexOf('Ferry');
    const words = lines
      .slice(1, -2)
      .map((l) => l.slice(indent))
      .join(' ');
    expect(words.startsWith(article.title!)).toBe(true);
    expect(wrapWords('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
  });
});

describe('the demo log', () => {
  it('logs a taken-down page once, not at every re-check', () => {
    const lines: string[] = [];
    const log = quietLogger({ info: (e, f) => lines.push(`${e} ${f?.status}`), warn: () => {}, error: () => {} });
    for (let i = 0; i < 5; i++) log.info('check', { article: 3, status: 'removed' });
    log.info('check', { article: 3, status: 'restored' });
    log.info('check', { article: 3, status: 'removed' });
    expect(lines).toEqual(['check removed', 'check restored', 'check removed']);
  });
});
