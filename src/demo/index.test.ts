import { afterEach, describe, expect, it } from 'vitest';
import { decodeWindows1252 } from './cp1252.ts';
import { DEMO_EDITS, LAST_STEP, startNewsroom } from './index.ts';
import type { Newsroom } from './index.ts';
import { bodyTexts, chromeOf, headlineOf } from './testdata/helpers.ts';

let room: Newsroom | null = null;
afterEach(async () => {
  await room?.close();
  room = null;
});

async function start(opts: Parameters<typeof startNewsroom>[0] = { manual: true }): Promise<Newsroom> {
  room = await startNewsroom(opts);
  return room;
}

async function page(url: string): Promise<{ status: number; html: string; headers: Headers }> {
  const res = await fetch(url);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const cp1252 = /charset=windows-1252/.test(res.headers.get('content-type') ?? '');
  const html = cp1252 ? decodeWindows1252(bytes) : new TextDecoder().decode(bytes);
  return { status: res.status, html, headers: res.headers };
}

describe('startNewsroom', () => {
  it('serves an RSS feed listing every article plus the live blog, and an Atom feed', async () => {
    const r = await start();
    const rss = await page(r.feedUrl);
    expect(rss.status).toBe(200);
    expect(rss.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const links = [...rss.html.matchAll(/<link>(.*?)<\/link>/g)].map((m) => m[1]).slice(1);
    expect(links.sort()).toEqual([...r.articles().map((a) => a.url), r.liveUrl].sort());
    expect(rss.html.match(/<guid isPermaLink="true">/g)).toHaveLength(links.length);
    expect(rss.html.match(/<pubDate>/g)).toHaveLength(links.length);
    const atom = await page(`${r.url}/atom.xml`);
    expect(atom.html.match(/<entry>/g)).toHaveLength(links.length);
    expect(r.liveUrl).toContain('/sport/live/');
  });

  it('allows articles in robots.txt', async () => {
    const r = await start();
    const robots = await page(`${r.url}/robots.txt`);
    expect(robots.html).toMatch(/^Allow: \/news\//m);
    expect(robots.html).toMatch(/^Allow: \/sport\//m);
  });

  it('serves each article with its text, realistic head and changing chrome', async () => {
    const r = await start();
    for (const a of r.articles()) {
      const first = await page(a.url);
      const second = await page(`${a.url}?utm_source=test`);
      expect(first.status, a.id).toBe(200);
      expect(headlineOf(first.html)).toBe(a.headline);
      expect(bodyTexts(first.html)).toEqual(a.paragraphs);
      expect(bodyTexts(second.html)).toEqual(a.paragraphs);
      expect(first.html).toContain(`<link rel="canonical" href="${a.url}">`);
      expect(first.html).toContain('"@type":"NewsArticle"');
      expect(first.html).toContain('property="article:published_time"');
      if (a.caching === 'per-response') expect(chromeOf(second.html)).not.toBe(chromeOf(first.html));
    }
  });

  it('applies the edit script step by step (manual mode)', async () => {
    const r = await start();
    for (let step = 1; step <= LAST_STEP; step++) {
      r.advance();
      expect(r.step).toBe(step);
      for (const e of DEMO_EDITS.filter((x) => x.step === step)) {
        const info = r.articles().find((a) => a.id === e.articleId)!;
        const { status, html } = await page(info.url);
        if (e.kind === 'takedown') expect(status).toBe(404);
        else expect(status).toBe(200);
        if (e.kind === 'headline') expect(headlineOf(html)).toBe(e.after);
        if (['reworded', 'typo', 'number', 'flip', 'added'].includes(e.kind)) expect(bodyTexts(html)).toContain(e.after);
        if (['reworded', 'typo', 'number', 'flip', 'removed'].includes(e.kind)) expect(bodyTexts(html)).not.toContain(e.before);
        if (status === 200) expect(bodyTexts(html)).toEqual(info.paragraphs);
      }
    }
  });

  it('takes a page down (404, null paragraphs) and restores it', async () => {
    const r = await start();
    const down = DEMO_EDITS.find((e) => e.kind === 'takedown')!;
    const up = DEMO_EDITS.find((e) => e.kind === 'restore' && e.articleId === down.articleId)!;
    const info = () => r.articles().find((a) => a.id === down.articleId)!;
    const original = info();
    r.setStep(down.step);
    expect((await page(original.url)).status).toBe(404);
    expect(info().paragraphs).toBeNull();
    r.setStep(up.step);
    const back = await page(original.url);
    expect(back.status).toBe(200);
    expect(headlineOf(back.html)).toBe(info().headline);
    expect(info().paragraphs).not.toBeNull();
  });

  it('flip-flops one article between two versions', async () => {
    const r = await start();
    const flip = DEMO_EDITS.find((e) => e.kind === 'flip' && e.step === 1)!;
    const url = r.articles().find((a) => a.id === flip.articleId)!.url;
    const seen: boolean[] = [];
    for (let step = 0; step < 6; step++) {
      r.setStep(step);
      seen.push(bodyTexts((await page(url)).html).includes(flip.before!));
    }
    expect(seen).toEqual([true, false, true, false, true, false]);
  });

  it('advances on its own in auto mode', async () => {
    const r = await start({ secondsPerStep: 0.05 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(r.step).toBeGreaterThanOrEqual(2);
  });

  it('counts requests per path and closes cleanly with keep-alive connections open', async () => {
    const r = await start();
    const a = r.articles()[0];
    await page(a.url);
    await page(`${a.url}?x=1`);
    await page(r.feedUrl);
    expect(r.requestCount(a.path)).toBe(2);
    expect(r.requestCount(a.url)).toBe(2);
    expect(r.requestCount()).toBe(3);
    await r.close();
    room = null;
    await expect(fetch(r.feedUrl)).rejects.toThrow();
  });

  it('answers 404 for unknown paths and 405 for POST', async () => {
    const r = await start();
    expect((await page(`${r.url}/news/nope`)).status).toBe(404);
    expect((await fetch(r.feedUrl, { method: 'POST' })).status).toBe(405);
  });
});
