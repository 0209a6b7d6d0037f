import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce, type PassCounts } from '../../src/tracker/index.ts';
import { articleHtml, localServer, rssFeed, testTracker, type LocalServer, type TestTracker } from './helpers.ts';

/** Must show 6: hostile feeds and pages each give a logged error of the right kind, and the pass goes on. */
const MB = 1024 * 1024;
const BOMB_FEED = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lolololololololololol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>http://127.0.0.1/x</link></item></channel></rss>`;

/** Hostile article paths and the error kind each must be logged with. */
const HOSTILE: Record<string, { stage: string; kinds: string[] }> = {
  '/big': { stage: 'fetch', kinds: ['too-large'] },
  '/gzip-bomb': { stage: 'fetch', kinds: ['too-large'] },
  '/loop': { stage: 'fetch', kinds: ['redirects'] },
  '/hang': { stage: 'fetch', kinds: ['timeout'] },
  '/binary': { stage: '(fetch|extract)', kinds: ['not-html'] },
};

let server: LocalServer;
let t: TestTracker;
let counts: PassCounts;
const gzipBomb = gzipSync(Buffer.alloc(24 * MB, 0x20), { level: 9 });
const okHtml = articleHtml('Harbour reopens after storm', [
  'The harbour reopened on Monday morning after three days of repairs to the storm-damaged sea wall.',
  'Fishing boats returned to their moorings and the ferry service resumed its normal timetable.',
]);

beforeAll(async () => {
  server = await localServer((req, res) => {
    const html = { 'Content-Type': 'text/html; charset=utf-8' };
    switch (req.url) {
      case '/feed.xml':
        return void res
          .writeHead(200, { 'Content-Type': 'application/rss+xml' })
          .end(rssFeed([...Object.keys(HOSTILE), '/ok'].map((p) => server.url + p)));
      case '/malformed.xml':
        return void res
          .writeHead(200, { 'Content-Type': 'application/rss+xml' })
          .end('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</ti');
      case '/bomb.xml':
        return void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(BOMB_FEED);
      case '/big': {
        res.writeHead(200, html);
        const chunk = Buffer.alloc(MB, '<p>filler text</p>');
        let sent = 0;
        const pump = () => {
          while (sent < 50 && !res.destroyed) {
            sent++;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        res.on('close', () => (sent = 50));
        return pump();
      }
      case '/gzip-bomb':
        return void res.writeHead(200, { ...html, 'Content-Encoding': 'gzip' }).end(gzipBomb);
      case '/loop':
        return void res.writeHead(302, { Location: '/loop' }).end();
      case '/hang':
        res.writeHead(200, html);
        return void res.write('<html><body><p>This response never finishes');
      case '/binary':
        return void res.writeHead(200, html).end(randomBytes(200_000));
      case '/ok':
        return void res.writeHead(200, html).end(okHtml);
      default:
        return void res.writeHead(404).end();
    }
  });
  t = await testTracker((c) => {
    c.fetch.totalTimeoutMs = 1_500;
  });
  const now = t.clock.now;
  for (const [key, path] of [
    ['good', '/feed.xml'],
    ['malformed', '/malformed.xml'],
    ['bomb', '/bomb.xml'],
  ]) {
    await t.deps.store.upsertSource({ key, name: key, feedUrl: server.url + path, pollPeriodSec: 300, include: [], exclude: [] }, now);
  }
  counts = await runOnce(t.deps);
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('hostile inputs through the whole tracker', () => {
  it('logs a malformed feed and an entity-bomb feed as feed errors, and polls the good feed', async () => {
    const lines = t.deps.log.lines;
    expect(lines.find((l) => / poll source=malformed status=error/.test(l))).toMatch(/stage=feed kind=malformed/);
    expect(lines.find((l) => / poll source=bomb status=error/.test(l))).toMatch(/stage=feed kind=(malformed|too-large)/);
    expect((await t.deps.store.getSource('bomb'))!.lastError).toMatch(/^feed (malformed|too-large): /);
    expect(counts).toMatchObject({ sourcesPolled: 3, sourceErrors: 2, articlesFound: 6 });
  });

  it.each(Object.entries(HOSTILE))('%s: logged with the right kind, stored nothing', async (path, want) => {
    const article = (await t.deps.store.getArticleByUrl(server.url + path))!;
    const line = t.deps.log.lines.find((l) => l.includes(` check article=${article.id} `));
    expect(line).toMatch(new RegExp(`status=error stage=${want.stage} kind=(${want.kinds.join('|')})`));
    expect(article.lastError).toMatch(new RegExp(`^${want.stage} (${want.kinds.join('|')}): `));
    expect(article.versionCount).toBe(0);
    expect(article.nextCheckAt).toBeGreaterThan(t.clock.now);
  });

  it('goes on to check the normal article', async () => {
    const ok = (await t.deps.store.getArticleByUrl(server.url + '/ok'))!;
    expect(ok.versionCount).toBe(1);
    expect((await t.deps.store.getVersion(ok.id, 1))!.title).toBe('Harbour reopens after storm');
    expect(counts.checked).toBe(6);
    expect(counts.byStatus).toMatchObject({ new_version: 1, error: 5 });
  });
});
