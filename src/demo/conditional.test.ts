import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_EDITS, startNewsroom } from './index.ts';
import type { Newsroom } from './index.ts';
import { bodyTexts } from './testdata/helpers.ts';

let room: Newsroom | null = null;
afterEach(async () => {
  await room?.close();
  room = null;
});

async function start(): Promise<Newsroom> {
  room = await startNewsroom({ manual: true });
  return room;
}

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const byCaching = (r: Newsroom, caching: string) => r.articles().filter((a) => a.caching === caching);

describe('conditional GET', () => {
  it('gives a 304 for a cached article when the client sends its ETag or Last-Modified', async () => {
    const r = await start();
    for (const a of byCaching(r, 'stable')) {
      const first = await get(a.url);
      const again = await get(a.url);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.body.equals(first.body)).toBe(true);
      expect((await get(a.url, { 'if-none-match': String(first.headers.etag) })).status).toBe(304);
      expect((await get(a.url, { 'if-modified-since': String(first.headers['last-modified']) })).status).toBe(304);
      expect((await get(a.url, { 'if-none-match': '"other"' })).status).toBe(200);
    }
  });

  it('changes the cached article ETag when its content changes, and only then', async () => {
    const r = await start();
    const edit = DEMO_EDITS.find((e) => r.articles().find((a) => a.id === e.articleId)?.caching === 'stable')!;
    const url = r.articles().find((a) => a.id === edit.articleId)!.url;
    const etags: string[] = [];
    for (let step = 0; step <= edit.step; step++) {
      r.setStep(step);
      etags.push(String((await get(url)).headers.etag));
    }
    expect(new Set(etags.slice(0, -1)).size).toBe(1);
    expect(etags.at(-1)).not.toBe(etags[0]);
    expect((await get(url, { 'if-none-match': etags[0] })).status).toBe(200);
  });

  it('gives other articles a new ETag on every response, so they are always re-sent', async () => {
    const r = await start();
    const a = byCaching(r, 'per-response')[0];
    const first = await get(a.url);
    expect(first.headers.etag).toMatch(/^".+"$/);
    expect(first.headers['last-modified']).toBeTruthy();
    const second = await get(a.url, { 'if-none-match': String(first.headers.etag) });
    expect(second.status).toBe(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it('gives a 304 for an unchanged feed', async () => {
    const r = await start();
    const first = await get(r.feedUrl);
    expect((await get(r.feedUrl, { 'if-none-match': String(first.headers.etag) })).status).toBe(304);
    r.setStep(DEMO_EDITS.find((e) => e.kind === 'headline')!.step);
    expect((await get(r.feedUrl, { 'if-none-match': String(first.headers.etag) })).status).toBe(200);
  });
});

describe('encodings and escaping', () => {
  it('serves one article in windows-1252 with a matching charset', async () => {
    const r = await start();
    const a = r.articles().find((x) => x.charset === 'windows-1252')!;
    const res = await get(a.url);
    expect(res.headers['content-type']).toBe('text/html; charset=windows-1252');
    expect(res.body.toString('latin1')).toContain('<meta charset="windows-1252">');
    expect(res.body.includes(Buffer.from([0x20, 0x97, 0x20]))).toBe(true); // " — " in the headline
    expect(res.body.includes(Buffer.from('—', 'utf8'))).toBe(false);
  });

  it('keeps markup-like article text as escaped text', async () => {
    const r = await start();
    const a = r.articles().find((x) => x.paragraphs!.some((p) => p.includes('<script>alert(1)</script>')))!;
    const html = (await get(a.url)).body.toString('utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    const texts = bodyTexts(html);
    expect(texts.some((t) => t.includes('<script>alert(1)</script>') && t.includes('"><img src=x onerror=alert(1)>'))).toBe(true);
    expect(texts).toEqual(a.paragraphs);
  });

  it('gzips when asked and answers HEAD without a body', async () => {
    const r = await start();
    const a = r.articles()[0];
    const zipped = await get(a.url, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(bodyTexts(gunzipSync(zipped.body).toString('utf8'))).toEqual(a.paragraphs);
    const head = await new Promise<number>((resolve, reject) => {
      const req = request(a.url, { method: 'HEAD' }, (res) => {
        res.resume();
        res.on('end', () => resolve(Number(res.headers['content-length'])));
      });
      req.on('error', reject);
      req.end();
    });
    expect(head).toBeGreaterThan(1000);
  });
});
