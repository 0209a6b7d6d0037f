import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runArchivePass } from '../../src/evidence/wayback/runner.ts';
import { createSpnClient } from '../../src/evidence/wayback/spn.ts';
import { checkArticle, syncSources } from '../../src/tracker/index.ts';
import { createApp } from '../../src/web/index.ts';
import { articlePage, harness, type Harness } from '../../src/tracker/testdata/fakes.ts';
import { localServer, type LocalServer } from '../e2e/helpers.ts';

/**
 * Must show 6: a local fake of Save Page Now receives one accepted submission per new version of a
 * source that has archiving on, never more requests than the configured rate, and after a 429 the
 * queue waits as long as Retry-After says. Time is the test's clock, so minutes pass in milliseconds.
 */
const RATE = { maxRequests: 3, windowSec: 60 };
const RETRY_AFTER_SEC = 120;

let h: Harness;
let spn: LocalServer;
const requests: { at: number; method: string; path: string; url?: string; auth?: string; status: number }[] = [];
const polled = new Map<string, number>();

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  h = await harness((c) => {
    c.evidence.wayback = { ...c.evidence.wayback, sources: ['wire'], ...RATE, statusPollSec: 10, accessKey: 'ak', secretKey: 'sk' };
  });
  spn = await localServer(async (req, res) => {
    const at = h.clock.now;
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(value));
    };
    if (req.method === 'POST' && req.url === '/save') {
      const url = new URLSearchParams(await body(req)).get('url')!;
      const entry = { at, method: 'POST', path: req.url, url, auth: req.headers.authorization, status: 200 };
      requests.push(entry);
      // The third submission is refused.
      if (requests.filter((r) => r.method === 'POST').length === 3) {
        entry.status = 429;
        return json(429, { message: 'slow down' }, { 'Retry-After': String(RETRY_AFTER_SEC) });
      }
      return json(200, { url, job_id: `job-${encodeURIComponent(url)}` });
    }
    const status = /^\/save\/status\/(.+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && status) {
      const job = decodeURIComponent(status[1]);
      requests.push({ at, method: 'GET', path: req.url!, status: 200 });
      const n = (polled.get(job) ?? 0) + 1;
      polled.set(job, n);
      if (n === 1) return json(200, { status: 'pending', job_id: job });
      return json(200, { status: 'success', job_id: job, timestamp: '20260101000000', original_url: decodeURIComponent(job.slice(4)) });
    }
    res.writeHead(404).end();
  });
  h.deps.config.evidence.wayback.endpoint = spn.url;
  await syncSources(h.deps.store, [], h.clock.now);
});
afterAll(async () => {
  await spn?.close();
  await h?.close();
});

const P = [
  'The council voted on Tuesday to approve the new budget after a long debate in the chamber.',
  'Opposition members said the plan would cut services that residents rely on every day.',
];

describe('Save Page Now queue', () => {
  it('submits each new version of an archived source once, within the rate, and waits out a 429', async () => {
    const { store } = h.deps;
    const wire = await store.upsertSource(
      { key: 'wire', name: 'Wire', feedUrl: '', pollPeriodSec: 300, include: [], exclude: [] },
      h.clock.now,
    );
    const other = await store.upsertSource(
      { key: 'other', name: 'Other', feedUrl: '', pollPeriodSec: 300, include: [], exclude: [] },
      h.clock.now,
    );
    const urls: string[] = [];
    for (const [source, n] of [
      [wire, 4],
      [other, 2],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const url = `https://${source.key}.example/story-${i}`;
        const { article } = await store.upsertArticle({
          sourceId: source.id,
          url,
          host: new URL(url).host,
          feedTitle: null,
          feedPublishedAt: null,
          now: h.clock.now,
          checkPeriodSec: 1800,
        });
        if (source === wire) urls.push(url);
        // Two versions each: every new version is submitted, not only the first.
        for (const text of [P, [...P, 'A correction was added later to the article by the editors.']]) {
          h.fetcher.answers.set(url, { html: articlePage(`Story ${i}`, text) });
          h.clock.advance(3600);
          expect((await checkArticle(h.deps, (await store.getArticle(article.id))!)).status).toBe('new_version');
        }
      }
    }
    const client = createSpnClient(h.deps.config.evidence.wayback, 'Redline test', () => h.clock.now);
    const deps = { store, client, config: h.deps.config.evidence.wayback, log: h.deps.log, now: () => h.clock.now, workerId: 'w' };
    // 8 versions of `wire`; the third submission is refused with a 429.
    let passes = 0;
    while (passes++ < 400) {
      await runArchivePass(deps);
      if ((await allDone(urls.length * 2)) && requests.length) break;
      h.clock.advance(5);
    }
    const posts = requests.filter((r) => r.method === 'POST');
    const accepted = posts.filter((r) => r.status === 200).map((r) => r.url);
    expect(accepted.sort()).toEqual([...urls, ...urls].sort());
    expect(posts.filter((r) => r.status === 429)).toHaveLength(1);
    expect(posts.every((r) => r.auth === 'LOW ak:sk')).toBe(true);
    expect(posts.some((r) => r.url!.includes('other.example'))).toBe(false);
    // Never more than maxRequests in any window, counting submissions and status checks.
    for (const r of requests) {
      expect(requests.filter((x) => x.at > r.at - RATE.windowSec * 1000 && x.at <= r.at).length).toBeLessThanOrEqual(RATE.maxRequests);
    }
    const refused = requests.findIndex((r) => r.status === 429);
    expect(requests[refused + 1].at - requests[refused].at).toBeGreaterThanOrEqual(RETRY_AFTER_SEC * 1000);

    // The archived URL is kept per version and shown on the version page.
    const article = (await store.getArticleByUrl(urls[0]))!;
    const v2 = (await store.getVersion(article.id, 2))!;
    const job = (await store.evidence.getArchiveJob(v2.id))!;
    expect(job).toMatchObject({ state: 'done', archivedUrl: `${spn.url}/web/20260101000000/${urls[0]}` });
    const page = await (await createApp({ store, config: h.deps.config }).request(`/articles/${article.id}/versions/2`)).text();
    expect(page).toContain(`href="${spn.url}/web/20260101000000/${urls[0]}" rel="nofollow noopener">Wayback Machine copy</a>`);
  });
});

async function allDone(expected: number): Promise<boolean> {
  const { store } = h.deps;
  let done = 0;
  for (const a of (await store.listArticles({ limit: 100 })).items) {
    for (const v of await store.listVersions(a.id)) if ((await store.evidence.getArchiveJob(v.id))?.state === 'done') done++;
  }
  return done === expected;
}
