import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffVersions, versionChange } from '../diff/index.ts';
import { createApp } from './index.ts';
import { addArticle, openTempStore, type TempStore } from './testdata/store.ts';

/** A filtered list groups only the matching versions of an article: each gets its own diff link. */
let env: TempStore;
let app: ReturnType<typeof createApp>;
const T0 = Date.UTC(2026, 10, 20, 9);
let id: number;

beforeAll(async () => {
  env = await openTempStore();
  const source = await env.store.upsertSource(
    { key: 'gz', name: 'Gazette', feedUrl: 'http://news.test/feed', pollPeriodSec: 300, include: [], exclude: [] },
    T0,
  );
  id = await addArticle(env.store, source.id, 'http://news.test/story', T0);
  const body = [
    'The council met on Monday evening to discuss the budget for next year.',
    'Residents asked questions about the library and the swimming pool.',
  ];
  // v2: headline; v3: a sentence reworded; v4: headline again.
  const texts = [
    { title: 'Council meets on budget', paragraphs: body },
    { title: 'Council approves budget', paragraphs: body },
    { title: 'Council approves budget', paragraphs: [body[0], 'Residents asked many questions about the future of the library.'] },
    {
      title: 'Council approves budget after long debate',
      paragraphs: [body[0], 'Residents asked many questions about the future of the library.'],
    },
  ].map((t) => ({ ...t, byline: null, published: null }));
  for (let n = 1; n <= texts.length; n++) {
    const model = n > 1 ? diffVersions(texts[n - 2], texts[n - 1]) : null;
    await env.store.addVersion(id, n, {
      ...texts[n - 1],
      fingerprint: `f${n}`,
      extractorVersion: 'test',
      capturedAt: T0 + n * 60_000,
      rawHtml: null,
      wordsAdded: model?.summary.wordsAdded ?? 0,
      wordsRemoved: model?.summary.wordsRemoved ?? 0,
      change: model ? versionChange(model) : null,
    });
  }
  app = createApp({ store: env.store, config: env.config, now: () => T0 + 3_600_000 });
});
afterAll(() => env.cleanup());

describe('filtered change lists', () => {
  it('groups the matching versions only, linking each, and keeps the consecutive wording when nothing is left out', async () => {
    const headline = await (await app.request('/?kind=headline')).text();
    const rows = headline.match(/<li class="change">[^]*?<\/li>/g) ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`<a class="headline" href="/articles/${id}/diff/3/4">`);
    expect(rows[0]).toContain(
      `2 edits today</a> (versions <a class="version" href="/articles/${id}/diff/1/2">2</a>, <a class="version" href="/articles/${id}/diff/3/4">4</a>)`,
    );
    const all = await (await app.request('/')).text();
    expect(all).toContain('3 edits today</a> (versions 1 to 4)');
    const reworded = await (await app.request('/?kind=reworded')).text();
    expect(reworded).toContain(`<a class="headline" href="/articles/${id}/diff/2/3">`);
    expect(reworded).toContain('<span class="level level-substantive">substantive</span> <span class="label"');
  });

  it("the article page shows each version's stored level and labels; the diff page those of the pair it compares", async () => {
    const article = await (await app.request(`/articles/${id}`)).text();
    const row = (n: number) => article.match(new RegExp(`<tr id="v${n}">[^]*?</tr>`))?.[0] ?? '';
    expect(row(1)).not.toContain('class="significance"');
    expect(row(2)).toMatch(/level-major">major<\/span> <span class="label"[^>]*>headline changed<\/span>/);
    expect(row(3)).toMatch(/level-substantive">substantive<\/span> <span class="label"[^>]*>reworded<\/span>/);
    const diff = await (await app.request(`/articles/${id}/diff/2/3`)).text();
    expect(diff).toMatch(/<p class="diff-summary">[^<]*<span class="significance"><span class="level level-substantive">/);
    // Over versions 1 to 4 the headline changed too: the pair's own labels, not one version's.
    const span = await (await app.request(`/articles/${id}/diff/1/4`)).text();
    expect(span).toMatch(
      /<p class="diff-summary">[^<]*<span class="significance"><span class="level level-major">major<\/span> <span class="label"[^>]*>headline changed<\/span>/,
    );
  });

  it('answers 400 with the valid values for a bad filter, on pages, feeds and the API', async () => {
    for (const path of ['/?min=huge', '/feeds/changes.rss?kind=nope', '/api/v1/changes?kind=nope', '/search?q=budget&min=big']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toMatch(/must be one (of|or more \(comma-separated\) of) /);
    }
  });
});
