import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { checkSchema } from './api/testdata/schema-check.ts';
import type { TempStore } from './testdata/store.ts';
import { openSeededApp, type Site } from './testdata/site.ts';

let env: TempStore;
let app: Hono;
let site: Site;
let doc: Record<string, any>;

beforeAll(async () => {
  ({ env, app, site } = await openSeededApp());
  doc = await (await app.request('/api/v1/openapi.json')).json();
});
afterAll(() => env.cleanup());

/** The OpenAPI path template that matches a concrete path, e.g. /articles/{id}. */
function template(path: string): string {
  const parts = path.split('/');
  const found = Object.keys(doc.paths).find((t) => {
    const tp = t.split('/');
    return tp.length === parts.length && tp.every((p, i) => p.startsWith('{') || p === parts[i]);
  });
  if (!found) throw new Error(`no OpenAPI path for ${path}`);
  return found;
}

/** Requests a path and checks the answer against the document's schema for that path and status. */
async function conforming(url: string, status = 200): Promise<any> {
  const res = await app.request(`/api/v1${url}`);
  expect(res.status, url).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await res.json();
  const op = doc.paths[template(url.split('?')[0])].get;
  const schema = op.responses[String(status)]?.content['application/json'].schema;
  expect(schema, `${url} documents status ${status}`).toBeDefined();
  expect(checkSchema(body, schema, doc), url).toEqual([]);
  return body;
}

describe('JSON API and its OpenAPI document', () => {
  it('is OpenAPI 3.1 and documents every route', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/articles',
      '/articles/{id}',
      '/articles/{id}/diff/{a}/{b}',
      '/articles/{id}/versions',
      '/articles/{id}/versions/{n}',
      '/changes',
      '/proofs/versions/{id}',
      '/roots',
      '/roots/{seq}',
      '/search',
      '/sources',
    ]);
  });

  it('every response matches its schema', async () => {
    const sources = await conforming('/sources');
    expect(sources.items.map((s: any) => s.key).sort()).toEqual(['bbc', 'evil']);
    expect((await conforming('/articles')).items).toHaveLength(3);
    expect((await conforming('/articles?source=bbc&minVersions=2')).items.map((a: any) => a.id)).toEqual([site.plain]);
    expect((await conforming('/articles?status=removed')).items).toHaveLength(0);
    const article = await conforming(`/articles/${site.plain}`);
    expect(article.versionCount).toBe(3);
    expect((await conforming(`/articles/${site.plain}/versions`)).items.map((v: any) => v.number)).toEqual([1, 2, 3]);
    const version = await conforming(`/articles/${site.plain}/versions/2`);
    expect(version.paragraphs).toHaveLength(4);
    const diff = await conforming(`/articles/${site.plain}/diff/1/2`);
    expect(diff.diff.summary.titleChanged).toBe(true);
    expect(diff.diff.rows.map((r: any) => r.kind)).toContain('removed');
    await conforming(`/articles/${site.plain}/diff/3/1`);
    const changes = await conforming('/changes');
    expect(changes.items.map((c: any) => c.type)).toEqual(['version', 'event', 'version', 'version']);
    await conforming(`/changes?article=${site.evil}`);
    const hits = await conforming('/search?q=%22spokesman%20declined%22');
    expect(hits.items[0].versions.map((v: any) => v.number)).toEqual([1]);
    await conforming('/articles/999', 404);
    await conforming('/articles?limit=0', 400);
    await conforming('/search', 400);
  });

  it('pages with cursors until the end, without repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await conforming(`/changes?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((c: any) => c.at));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toHaveLength(4);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });
});
