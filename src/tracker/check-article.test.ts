import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../model/index.ts';
import { checkArticle } from './check-article.ts';
import { syncSources } from './sync.ts';
import { PAGE_A, PAGE_B, P, URL1 } from './testdata/budget-pages.ts';
import { articlePage, harness, manualArticle, type Harness } from './testdata/fakes.ts';
import { FetchError } from '../fetch/index.ts';

let h: Harness;
beforeEach(async () => {
  // These tests are about the adaptive part of the schedule; the age tiers have their own below.
  h = await harness((c) => {
    c.schedule.tiers = [];
  });
  await syncSources(h.deps.store, [], h.clock.now);
});
afterEach(() => h.close());

async function addArticle(url = URL1): Promise<Article> {
  return manualArticle(h.deps.store, url, h.clock.now);
}

/** Re-reads the article and checks it `sec` seconds later. */
async function recheck(id: number, sec = 3600) {
  h.clock.advance(sec);
  return checkArticle(h.deps, (await h.deps.store.getArticle(id))!);
}

describe('checkArticle', () => {
  it('stores version 1, then nothing while unchanged, backing off by 1.2', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    const first = await checkArticle(h.deps, a);
    expect(first).toMatchObject({ status: 'new_version', versionNumber: 1, wordsAdded: 0, wordsRemoved: 0 });
    expect(first.nextCheckAt).toBe(h.clock.now + 1800_000);
    expect(h.deps.log.lines.at(-1)).toMatch(/ info check article=\d+ status=new_version version=1 next=2026-\S+$/);
    expect(h.fetcher.requests[0].options.etag).toBeUndefined();

    const second = await recheck(a.id);
    expect(second.status).toBe('unchanged');
    const after = await h.deps.store.getArticle(a.id);
    expect(after).toMatchObject({ versionCount: 1, checkPeriodSec: 2160, nextCheckAt: h.clock.now + 2160_000 });
    // The same bytes again: not extracted a second time (same-body.test.ts).
    expect(h.deps.log.lines.at(-1)).toMatch(/ check article=\d+ status=unchanged same_body=true next=2026-/);
  });

  it('treats a 304 as unchanged and sends the stored validators', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A, etag: '"v1"' });
    const a = await addArticle();
    await checkArticle(h.deps, a);
    const again = await recheck(a.id);
    expect(again).toMatchObject({ status: 'unchanged', notModified: true });
    expect(h.fetcher.requests[1].options.etag).toBe('"v1"');
    expect((await h.deps.store.listVersions(a.id)).length).toBe(1);
  });

  it('ignores a boilerplate-only change', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    await checkArticle(h.deps, a);
    h.fetcher.answers.set(URL1, { html: articlePage('Council approves budget', P, { aside: 'A different related story entirely.' }) });
    expect((await recheck(a.id)).status).toBe('unchanged');
  });

  it('stores a new version with word counts and resets the period', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    await checkArticle(h.deps, a);
    await recheck(a.id);
    h.fetcher.answers.set(URL1, { html: PAGE_B });
    const changed = await recheck(a.id);
    expect(changed).toMatchObject({ status: 'new_version', versionNumber: 2, wordsAdded: 0, wordsRemoved: 15 });
    expect((await h.deps.store.getArticle(a.id))!.checkPeriodSec).toBe(1800);
    const v2 = await h.deps.store.getVersion(a.id, 2);
    expect(v2!.paragraphs).toEqual(P.slice(0, 2));
    expect(v2!.hasRaw).toBe(true);
    // The change labels are computed from the same diff and stored with the version.
    expect(v2!.change).toMatchObject({ labels: ['paragraphs-removed'], level: 'major', titleChanged: false });
    expect(v2!.change!.preview).toMatchObject({ where: 'paragraph', before: P[2], after: '' });
    expect((await h.deps.store.getVersion(a.id, 1))!.change).toBeNull();
  });

  it('records flip-flops as reverts, once per change of state, backing off harder', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    await checkArticle(h.deps, a);
    h.fetcher.answers.set(URL1, { html: PAGE_B });
    await recheck(a.id);
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    expect(await recheck(a.id)).toMatchObject({ status: 'revert', versionNumber: 1 });
    expect((await h.deps.store.getArticle(a.id))!.checkPeriodSec).toBe(3600);
    expect((await recheck(a.id)).status).toBe('unchanged');
    h.fetcher.answers.set(URL1, { html: PAGE_B });
    expect(await recheck(a.id)).toMatchObject({ status: 'revert', versionNumber: 2 });
    expect((await h.deps.store.listVersions(a.id)).length).toBe(2);
    const reverts = (await h.deps.store.listEvents(a.id)).filter((e) => e.kind === 'revert');
    expect(reverts.map((e) => e.versionNumber)).toEqual([1, 2]);
  });

  it('endless flipping ends in retirement instead of flooding the history', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    await checkArticle(h.deps, a);
    let flips = 0;
    for (let i = 0; i < 100; i++) {
      h.fetcher.answers.set(URL1, { html: i % 2 ? PAGE_A : PAGE_B });
      const o = await recheck(a.id);
      flips++;
      if (o.retired) break;
    }
    expect(flips).toBeLessThan(20);
    const article = (await h.deps.store.getArticle(a.id))!;
    expect(article).toMatchObject({ status: 'retired', nextCheckAt: null, versionCount: 2 });
    expect((await h.deps.store.listEvents(a.id)).filter((e) => e.kind === 'retired').length).toBe(1);
  });

  it('records a takedown once, keeps checking, and records the restoration', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    await checkArticle(h.deps, a);
    h.fetcher.answers.delete(URL1);
    expect((await recheck(a.id)).status).toBe('removed');
    expect((await recheck(a.id)).status).toBe('removed');
    const removed = (await h.deps.store.getArticle(a.id))!;
    expect(removed.status).toBe('removed');
    expect(removed.nextCheckAt).not.toBeNull();
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    expect((await recheck(a.id)).status).toBe('restored');
    expect((await h.deps.store.getArticle(a.id))!.status).toBe('active');
    expect((await h.deps.store.listEvents(a.id)).map((e) => [e.kind, e.detail])).toEqual([
      ['removed', 'HTTP 404'],
      ['restored', null],
    ]);
    expect((await h.deps.store.listVersions(a.id)).length).toBe(1);
  });

  it('records a restoration only once the page can be read again', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    await checkArticle(h.deps, a);
    h.fetcher.answers.delete(URL1);
    await recheck(a.id);
    h.fetcher.answers.set(URL1, { html: '<html><body><p>Service unavailable</p></body></html>' });
    expect((await recheck(a.id)).status).toBe('error');
    expect((await h.deps.store.getArticle(a.id))!.status).toBe('removed');
    h.fetcher.answers.set(URL1, { html: PAGE_B });
    expect((await recheck(a.id)).status).toBe('new_version');
    expect((await h.deps.store.listEvents(a.id)).map((e) => e.kind)).toEqual(['removed', 'restored']);
  });

  it('records other failures with their kind and backs off', async () => {
    h.fetcher.answers.set(URL1, { error: new FetchError('timeout', 'no answer in 30s') });
    const a = await addArticle();
    const o = await checkArticle(h.deps, a);
    expect(o.status).toBe('error');
    const after = (await h.deps.store.getArticle(a.id))!;
    expect(after.lastError).toBe('fetch timeout: no answer in 30s');
    expect(after.checkPeriodSec).toBe(2160);
    expect(h.deps.log.lines.at(-1)).toMatch(/error check article=\d+ status=error stage=fetch kind=timeout/);
    h.fetcher.answers.set(URL1, { html: '<html><body></body></html>' });
    const empty = await recheck(a.id);
    expect(empty.error?.stage).toBe('extract');
  });

  it('moves on when another worker stored the same version first', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    const real = h.deps.store;
    // Another worker wins the race: its version 1 lands just before ours.
    const racing = Object.assign(Object.create(real), {
      applyCheck: async (id: number, check: Parameters<typeof real.applyCheck>[1]) => {
        if (check.version) await real.addVersion(id, check.version.number, check.version.input);
        return real.applyCheck(id, check);
      },
    });
    const o = await checkArticle({ ...h.deps, store: racing }, a);
    expect(o.status).toBe('unchanged');
    expect((await real.listVersions(a.id)).length).toBe(1);
    expect(h.deps.log.lines.some((l) => / version_conflict article=\d+ version=1/.test(l))).toBe(true);
    expect((await real.getArticle(a.id))!.nextCheckAt).toBe(h.clock.now + 1800_000);
  });

  it('retires an article whose period would exceed retireAfterSec', async () => {
    h.deps.config.schedule.retireAfterSec = 2000;
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    await checkArticle(h.deps, a);
    const o = await recheck(a.id);
    expect(o).toMatchObject({ retired: true, nextCheckAt: null });
    expect((await h.deps.store.getArticle(a.id))!.status).toBe('retired');
  });

  it('adopts rel=canonical on the first fetch unless the URL is taken', async () => {
    const canonical = 'https://news.example/world/budget';
    h.fetcher.answers.set(URL1, { html: articlePage('Council approves budget', P, { canonical }) });
    const a = await addArticle();
    await checkArticle(h.deps, a);
    expect((await h.deps.store.getArticle(a.id))!.url).toBe(canonical);

    const other = 'https://news.example/world/budget-2';
    h.fetcher.answers.set(other, { html: articlePage('Council approves budget', P, { canonical }) });
    const b = await addArticle(other);
    await checkArticle(h.deps, b);
    expect((await h.deps.store.getArticle(b.id))!.url).toBe(other);

    const syndicated = 'https://local.example/news/budget';
    h.fetcher.answers.set(syndicated, {
      html: articlePage('Council approves budget', P, { canonical: 'https://wire.example/story/budget' }),
    });
    const c = await addArticle(syndicated);
    await checkArticle(h.deps, c);
    expect((await h.deps.store.getArticle(c.id))!.url).toBe(syndicated);
  });

  it('re-extracts the stored raw HTML after an extractor upgrade instead of storing a false version', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    // Version 1 as an older extractor saw it: different text and fingerprint, same raw page.
    await h.deps.store.addVersion(a.id, 1, {
      title: 'Council approves budget - Example News',
      byline: null,
      published: null,
      paragraphs: ['Home World', ...P],
      fingerprint: 'old-fingerprint',
      extractorVersion: '0-old',
      capturedAt: h.clock.now,
      rawHtml: new TextEncoder().encode(PAGE_A),
      wordsAdded: 0,
      wordsRemoved: 0,
    });
    expect((await recheck(a.id)).status).toBe('unchanged');
    const v1 = (await h.deps.store.getVersion(a.id, 1))!;
    expect(v1.baselineFingerprint).toMatch(/^[0-9a-f]{64}$/);
    h.fetcher.answers.set(URL1, { html: PAGE_B });
    expect((await recheck(a.id)).status).toBe('new_version');
  });
});

describe('checkArticle on the age tiers', () => {
  const HOUR = 3600;
  beforeEach(() => {
    h.deps.config.schedule.tiers = [
      { maxAgeSec: HOUR, periodSec: 300 },
      { maxAgeSec: 6 * HOUR, periodSec: 900 },
    ];
  });

  it('checks a young article on its tier, then backs off from minPeriodSec once past the last tier', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    expect((await checkArticle(h.deps, a)).nextCheckAt).toBe(h.clock.now + 300_000);
    expect((await recheck(a.id, 300)).nextCheckAt).toBe(h.clock.now + 300_000);
    await recheck(a.id, 2 * HOUR); // now 2 h 5 min old: second tier
    expect((await h.deps.store.getArticle(a.id))!.checkPeriodSec).toBe(900);
    await recheck(a.id, 4 * HOUR); // past 6 h: adaptive, max(30 min, 15 min x 1.2)
    expect((await h.deps.store.getArticle(a.id))!.checkPeriodSec).toBe(1800);
    await recheck(a.id, HOUR);
    expect((await h.deps.store.getArticle(a.id))!.checkPeriodSec).toBe(2160);
  });

  it('a new version still resets the period past the tiers, and a tier keeps its period after one', async () => {
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    const a = await addArticle();
    await checkArticle(h.deps, a);
    h.fetcher.answers.set(URL1, { html: PAGE_B });
    expect(await recheck(a.id, 600)).toMatchObject({ status: 'new_version', nextCheckAt: h.clock.now + 300_000 });
    await recheck(a.id, 8 * HOUR);
    await recheck(a.id, 3 * HOUR);
    expect((await h.deps.store.getArticle(a.id))!.checkPeriodSec).toBe(2160);
    h.fetcher.answers.set(URL1, { html: PAGE_A.replace('balanced', 'fully balanced') });
    expect(await recheck(a.id, HOUR)).toMatchObject({ status: 'new_version', nextCheckAt: h.clock.now + 1800_000 });
  });

  it('ages an article from its feed date, so an old story found late skips the tiers', async () => {
    const article = await manualArticle(h.deps.store, URL1, h.clock.now, h.clock.now - 2 * 86_400_000);
    h.fetcher.answers.set(URL1, { html: PAGE_A });
    expect((await checkArticle(h.deps, article)).nextCheckAt).toBe(h.clock.now + 1800_000);
  });
});
