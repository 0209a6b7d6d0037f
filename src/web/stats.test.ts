import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../diff/index.ts';
import type { TempStore } from './testdata/store.ts';
import { openSeededApp, T0, type Site } from './testdata/site.ts';

let env: TempStore;
let app: Hono;
let site: Site;

beforeAll(async () => {
  ({ env, app, site } = await openSeededApp({ now: () => T0 + 3 * 3600_000 }));
});
afterAll(() => env.cleanup());

async function page(path: string): Promise<string> {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
}
const text = (b: string) =>
  b
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('statistics pages', () => {
  it('per source: articles, share edited, versions per article, time to first edit, headline-change rate; SVG charts', async () => {
    const body = await page('/stats');
    // bbc: 2 articles, one edited (3 versions); first edit 31 minutes after publication; 1 of 2 edits changed the headline.
    expect(text(body)).toMatch(/BBC News 2 50% 2\.0 31 minutes 50% of edits/);
    expect(body).toMatch(/<svg viewBox="0 0 720 \d+" role="img" aria-label="Share of articles edited at least once: BBC News 50%/);
    expect(body).not.toMatch(/style="/);
    expect(text(body)).toContain('Most edited in the last 7 days');
    expect(body).toContain(`<a class="headline" href="/articles/${site.plain}">Minister quits after budget row</a>`);
  });

  it('a source page draws edits by hour since publication', async () => {
    const body = await page('/stats/sources/bbc');
    expect(text(body)).toContain('Edits that changed the headline 1 of 2 (50%)');
    // Both edits of the plain article came within 2 hours of publication: bars at 0 and 1.
    expect(body).toContain('<title>0: 1</title>');
    expect(body).toContain('<title>1: 1</title>');
    expect(body).toContain('<title>47+: 0</title>');
    expect((await app.request('/stats/sources/nope')).status).toBe(404);
  });

  it('most edited of a day, week, month; an unknown period is a 400', async () => {
    const day = await page('/stats/most-edited?period=day');
    const rows = day.split('<ol class="most-edited">')[1].split('<li>').slice(1);
    expect(rows[0]).toContain(`/articles/${site.plain}`);
    expect(text(rows[0])).toContain('2 edits');
    expect(await page('/stats/most-edited?period=month')).toContain('Most edited: last 30 days');
    expect((await app.request('/stats/most-edited?period=year')).status).toBe(400);
  });

  it('About says what counts as a version and what is ignored', async () => {
    const t = text(await page('/about'));
    for (const words of ['What counts as a version', 'Page furniture', 'Flip-flops', 'Extractor upgrades']) expect(t).toContain(words);
  });

  it('About lists every change label with its level and rule, from the rules table', async () => {
    const body = await page('/about');
    for (const rule of RULES) {
      expect(body).toMatch(new RegExp(`<code>${rule.label}</code></td><td data-label="Level">${rule.level}</td>`));
    }
    expect(text(body)).toContain('How much a change matters');
  });
});
