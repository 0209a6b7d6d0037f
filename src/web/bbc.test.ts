import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../extract/index.ts';
import { decodeHtml } from '../text/charset.ts';
import { createApp } from './index.ts';
import { addArticle, addVersion, openTempStore, type TempStore } from './testdata/store.ts';

// A real BBC article captured twice by an earlier tracker: B is A with two paragraphs removed.
const PAGES = join(process.cwd(), '../shared/corpus/newssniffer/pages');
const present = existsSync(join(PAGES, '7984711-A.stm.html'));

describe.skipIf(!present)('the BBC pair from ../shared', () => {
  let env: TempStore;
  let articleId: number;
  let paragraphCount: number;

  beforeAll(async () => {
    env = await openTempStore();
    const url = 'http://news.bbc.co.uk/1/hi/uk_politics/7984711.stm';
    const source = await env.store.upsertSource({ key: 'bbc', name: 'BBC', feedUrl: '', pollPeriodSec: 300, include: [], exclude: [] }, 0);
    articleId = await addArticle(env.store, source.id, url, 0);
    for (const [i, name] of ['7984711-A.stm.html', '7984711-B.stm.html'].entries()) {
      const page = extractArticle(decodeHtml(readFileSync(join(PAGES, name))).text, url);
      await addVersion(env.store, articleId, { ...page, capturedAt: 1_000_000 + i * 3600_000 });
      if (i === 1) paragraphCount = page.paragraphs.length;
    }
  });
  afterAll(() => env?.cleanup());

  it('the diff page shows exactly two removed paragraphs and everything else unchanged', async () => {
    const app = createApp({ store: env.store, config: env.config });
    const api = await (await app.request(`/api/v1/articles/${articleId}/diff/1/2`)).json();
    const kinds = api.diff.rows.map((r: { kind: string }) => r.kind);
    expect(kinds.filter((k: string) => k === 'removed')).toHaveLength(2);
    expect(kinds.filter((k: string) => k !== 'removed' && k !== 'same')).toEqual([]);
    expect(kinds.filter((k: string) => k === 'same')).toHaveLength(paragraphCount);
    expect(api.diff.summary.titleChanged).toBe(false);

    const page = await (await app.request(`/articles/${articleId}/diff/1/2`)).text();
    expect(page.match(/<del\b/g) ?? []).toHaveLength(2);
    expect(page).not.toMatch(/<ins\b/);
    expect(page).toContain('2 paragraphs removed');
  });
});
