import type { Hono } from 'hono';
import type { Millis } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { createApp } from '../index.ts';
import { addArticle, addVersion, openTempStore, type TempStore } from './store.ts';

export const T0 = Date.UTC(2026, 10, 20, 9, 0);
const MIN = 60_000;

/** The text of an attacker who controls a news page. */
export const XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
const EVIL = XSS.join(' ');

export interface Site {
  plain: number;
  evil: number;
  unchanged: number;
}

/**
 * A small newsroom: one article edited twice (headline change, a removed, an added and an edited
 * paragraph), one article whose every field carries markup, one never edited, and a removal event.
 */
export async function seedSite(store: Store): Promise<Site> {
  const bbc = await store.upsertSource({ key: 'bbc', name: 'BBC News', feedUrl: 'http://feeds.test/bbc.xml', pollPeriodSec: 300, include: [], exclude: [] }, T0);
  const evilSource = await store.upsertSource({ key: 'evil', name: `Evil ${EVIL}`, feedUrl: 'http://evil.test/feed.xml', pollPeriodSec: 300, include: [], exclude: [] }, T0);
  await store.recordSourcePoll(evilSource.id, { at: T0 + 5 * MIN, status: 'error', error: `HTTP 500 ${EVIL}`, etag: null, lastModified: null, nextPollAt: T0 + 10 * MIN });
  await store.recordSourcePoll(bbc.id, { at: T0 + 5 * MIN, status: 'ok', error: null, etag: null, lastModified: null, nextPollAt: T0 + 10 * MIN });

  const plain = await addArticle(store, bbc.id, 'https://www.bbc.test/news/politics-1', T0);
  const base = { byline: 'By A. Reporter', published: '2026-11-20T09:00:00Z' };
  await addVersion(store, plain, { ...base, capturedAt: T0, title: 'Minister resigns over budget row', paragraphs: [
    'The finance minister resigned on Friday after a row over the budget.',
    'Colleagues said the decision came as a surprise to most of the cabinet.',
    'A spokesman declined to comment on the reasons for the departure.',
    'The opposition called for an early election.',
  ], rawHtml: '<html><body><h1>Minister resigns</h1><script>alert(1)</script></body></html>' });
  await addVersion(store, plain, { ...base, capturedAt: T0 + 31 * MIN, title: 'Minister quits after budget row', paragraphs: [
    'The finance minister resigned on Friday after a bitter row over the spending budget.',
    'Colleagues said the decision came as a surprise to most of the cabinet.',
    'The opposition called for an early election.',
    'The prime minister will name a successor on Monday.',
  ] });
  await addVersion(store, plain, { ...base, capturedAt: T0 + 95 * MIN, title: 'Minister quits after budget row', paragraphs: [
    'The finance minister resigned on Friday after a bitter row over the spending budget.',
    'Colleagues said the decision came as a surprise to most of the cabinet.',
    'The opposition called for an early election.',
    'The prime minister will name a successor on Tuesday.',
  ] });

  const evil = await addArticle(store, evilSource.id, `https://evil.test/a?x=${encodeURIComponent(EVIL)}`, T0 + MIN);
  await addVersion(store, evil, { title: `Breaking ${EVIL}`, byline: EVIL, published: null, capturedAt: T0 + MIN,
    paragraphs: [`First ${XSS[0]} paragraph.`, `Second ${XSS[1]} paragraph.`], rawHtml: `<p>${EVIL}</p>` });
  await addVersion(store, evil, { title: `Update ${EVIL}`, byline: EVIL, published: null, capturedAt: T0 + 40 * MIN,
    paragraphs: [`First ${XSS[0]} paragraph, edited.`, `Third ${EVIL} paragraph.`] });
  await store.addEvent({ articleId: evil, at: T0 + 50 * MIN, kind: 'removed', versionNumber: null, detail: `HTTP 404 ${EVIL}` });

  const unchanged = await addArticle(store, bbc.id, 'https://www.bbc.test/news/weather-2', T0 + 2 * MIN);
  await addVersion(store, unchanged, { title: 'Sunny spells expected', byline: null, published: null, capturedAt: T0 + 2 * MIN,
    paragraphs: ['Forecasters expect a dry weekend.'] });
  return { plain, evil, unchanged };
}

export interface SeededApp {
  env: TempStore;
  app: Hono;
  site: Site;
}

/** A temp SQLite store seeded with this site, and the app serving it (tests call env.cleanup()). */
export async function openSeededApp(options: { now?: () => Millis } = {}): Promise<SeededApp> {
  const env = await openTempStore();
  const site = await seedSite(env.store);
  const app = createApp({ store: env.store, config: env.config, ...options });
  return { env, app, site };
}
