import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempStore } from './testdata/store.ts';
import { openSeededApp, XSS, type Site } from './testdata/site.ts';

let env: TempStore;
let app: Hono;
let site: Site;

beforeAll(async () => {
  ({ env, app, site } = await openSeededApp());
});
afterAll(() => env.cleanup());

const meta = (body: string, attr: 'property' | 'name', key: string): string | undefined =>
  body.match(new RegExp(`<meta ${attr}="${key}" content="([^"]*)">`))?.[1];

describe('share cards', () => {
  it('every diff page points og:image and twitter:card at its card, with alt text', async () => {
    const body = await (await app.request(`/articles/${site.plain}/diff/1/2`)).text();
    expect(meta(body, 'property', 'og:image')).toBe(`http://news.test:8080/articles/${site.plain}/diff/1/2/card.png`);
    expect(meta(body, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(meta(body, 'property', 'og:image:width')).toBe('1200');
    expect(meta(body, 'property', 'og:image:height')).toBe('630');
    // The headline changed from v1 to v2, so the card tells that.
    expect(meta(body, 'property', 'og:image:alt')).toBe(
      'Before: \u201cMinister resigns over budget row\u201d After: \u201cMinister quits after budget row\u201d',
    );
  });

  it('serves the card as a cacheable PNG of 1200x630, at most 200 KB, drawn once', async () => {
    const path = `/articles/${site.plain}/diff/2/3/card.png`;
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const png = new Uint8Array(await res.arrayBuffer());
    const view = new DataView(png.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
    expect(png.byteLength).toBeLessThanOrEqual(200 * 1024);
    const again = new Uint8Array(await (await app.request(path)).arrayBuffer());
    expect(again).toEqual(png);
  });

  it('escapes a hostile headline in the meta tags, and 404s a missing version', async () => {
    const body = await (await app.request(`/articles/${site.evil}/diff/1/2`)).text();
    for (const x of XSS) expect(body).not.toContain(x);
    expect(meta(body, 'property', 'og:image:alt')).toContain('&lt;script&gt;');
    expect((await app.request(`/articles/${site.plain}/diff/1/9/card.png`)).status).toBe(404);
  });
});
