import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff/index.ts';
import { checkArticle } from '../../src/tracker/index.ts';
import { localServer, manualArticle, SHARED, testTracker, type LocalServer, type TestTracker } from './helpers.ts';

/** Must show 4: a real BBC article captured twice; B is A with two paragraphs removed. */
const PAGES = join(SHARED, 'corpus/newssniffer/pages');
const A = join(PAGES, '7984711-A.stm.html');
const B = join(PAGES, '7984711-B.stm.html');

let server: LocalServer | undefined;
let t: TestTracker | undefined;
afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe.skipIf(!existsSync(A) || !existsSync(B))('the real BBC pair', () => {
  it('gives exactly two versions whose diff is exactly the two removed paragraphs', async () => {
    let current = readFileSync(A);
    server = await localServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(current));
    t = await testTracker();
    const url = `${server.url}/1/hi/uk_politics/7984711.stm`;
    const article = await manualArticle(t, url);

    expect((await checkArticle(t.deps, article)).status).toBe('new_version');
    t.clock.advance(3600);
    expect((await checkArticle(t.deps, (await t.deps.store.getArticle(article.id))!)).status).toBe('unchanged');
    current = readFileSync(B);
    t.clock.advance(3600);
    expect((await checkArticle(t.deps, (await t.deps.store.getArticle(article.id))!)).status).toBe('new_version');
    t.clock.advance(3600);
    expect((await checkArticle(t.deps, (await t.deps.store.getArticle(article.id))!)).status).toBe('unchanged');

    const versions = await t.deps.store.listVersions(article.id);
    expect(versions.length).toBe(2);
    const [va, vb] = versions;
    const diff = diffVersions(va, vb);
    const changed = diff.rows.filter((r) => r.kind !== 'same');
    expect(changed.map((r) => r.kind)).toEqual(['removed', 'removed']);
    expect(diff.title.changed).toBe(false);
    // The removed rows are exactly the paragraphs of A that B lacks.
    const missing = va.paragraphs.filter((p) => !vb.paragraphs.includes(p));
    expect(missing.length).toBe(2);
    expect(changed.map((r) => (r.kind === 'removed' ? r.text : ''))).toEqual(missing);
    expect(vb.paragraphs).toEqual(va.paragraphs.filter((p) => !missing.includes(p)));
    expect(va.paragraphs.length).toBeGreaterThan(5);
  });
});
