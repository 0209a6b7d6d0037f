/**
 * bench:web — seeds a SQLite store with 10,000 articles and 100,000 versions, then measures the
 * recent-changes page, an article page, the diff page of a 150-paragraph article, a 1,000-item
 * change feed, the statistics page and share cards (drawing and cached answer): median and
 * p99 server time (in process, app.request) and throughput under concurrent load (autocannon in a
 * child process against @hono/node-server on 127.0.0.1). Prints a table and writes bench/results/web.md.
 *
 *   npm run bench:web [-- --reseed] [--duration SECONDS] [--connections N]
 *
 * Seeding goes through the Store (one transaction per version, like the tracker) and takes a
 * minute or two, so the seeded database is kept in the temp dir and reused by later runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { defaultConfig } from '../src/config/index.ts';
import { diffVersions, versionChange } from '../src/diff/index.ts';
import { openStore, type Store } from '../src/store/index.ts';

const ARTICLES = 10_000;
const VERSIONS_PER_ARTICLE = 10;
const BIG_PARAGRAPHS = 150;
const T0 = Date.UTC(2026, 9, 1);
/** Bump when the seeded data changes (a new schema alone is migrated in place). */
const SEED_VERSION = 2;
/** Share of edits that also change the headline, and that add a correction notice. */
const HEADLINE_EDIT_SHARE = 0.2;
const NOTICE_SHARE = 0.01;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

const WORDS = ('government minister said report council police budget health school city week people year plan ' +
  'officials election court water energy housing transport prices workers union hospital figures local national ' +
  'announced expected statement spokesman according published review inquiry').split(' ');

/** Deterministic pseudo-random numbers, so every run seeds the same database. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(rand: () => number, words: number): string {
  const out = Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  return `${out.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/** Next version's paragraphs: reword one paragraph, sometimes drop one or add one (rarely a correction notice), like real edits. */
function edit(paragraphs: string[], rand: () => number): string[] {
  const next = [...paragraphs];
  const i = Math.floor(rand() * next.length);
  next[i] = next[i].replace(/\b\w+\b/, WORDS[Math.floor(rand() * WORDS.length)]) + ' ' + sentence(rand, 6);
  if (rand() < 0.3 && next.length > 3) next.splice(Math.floor(rand() * next.length), 1);
  if (rand() < 0.3) next.splice(Math.floor(rand() * next.length), 0, sentence(rand, 25));
  if (rand() < NOTICE_SHARE) next.push(`Correction: an earlier version of this article misstated the ${WORDS[Math.floor(rand() * WORDS.length)]} figures.`);
  return next;
}

async function seed(store: Store): Promise<number> {
  const rand = rng(42);
  const sources = [];
  for (const key of ['bbc', 'guardian', 'reuters', 'nyt', 'lemonde']) {
    sources.push(await store.upsertSource({ key, name: key.toUpperCase(), feedUrl: `https://${key}.test/feed.xml`, pollPeriodSec: 300, include: [], exclude: [] }, T0));
  }
  let bigId = 0;
  const started = performance.now();
  for (let a = 0; a < ARTICLES; a++) {
    const source = sources[a % sources.length];
    const firstSeen = T0 + a * 240_000;
    const { article } = await store.upsertArticle({ sourceId: source.id, url: `https://${source.key}.test/news/${a}`, host: `${source.key}.test`, feedTitle: null, feedPublishedAt: firstSeen, now: firstSeen, checkPeriodSec: 1800 });
    const big = a === ARTICLES - 1;
    if (big) bigId = article.id;
    let paragraphs = Array.from({ length: big ? BIG_PARAGRAPHS : 8 }, () => sentence(rand, 20 + Math.floor(rand() * 20)));
    let title = `${sentence(rand, 6).slice(0, -1)} (${a})`;
    let previous: { title: string; byline: null; published: null; paragraphs: string[] } | null = null;
    let at = firstSeen;
    for (let n = 1; n <= VERSIONS_PER_ARTICLE; n++) {
      if (n > 1 && rand() < HEADLINE_EDIT_SHARE) title = `${sentence(rand, 6).slice(0, -1)} (${a})`;
      const text = { title, byline: null, published: null, paragraphs };
      // The change (labels, level, preview) and word counts as the tracker stores them.
      const model = previous ? diffVersions(previous, text) : null;
      await store.addVersion(article.id, n, { ...text, fingerprint: `${a}-${n}`, extractorVersion: 'bench', capturedAt: at, rawHtml: null,
        wordsAdded: model?.summary.wordsAdded ?? 0, wordsRemoved: model?.summary.wordsRemoved ?? 0, change: model ? versionChange(model) : null });
      previous = text;
      paragraphs = edit(paragraphs, rand);
      at += 1_800_000 + Math.floor(rand() * 3_600_000);
    }
    if (a % 1000 === 999) process.stderr.write(`seeded ${a + 1} articles (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  return bigId;
}

async function openSeeded(): Promise<{ store: Store; dir: string; bigId: number; seededIn: number | null }> {
  const dir = join(tmpdir(), `redline-bench-web-seed${SEED_VERSION}`);
  const marker = join(dir, 'seeded.json');
  if (args.includes('--reseed') || !existsSync(marker)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = await openStore({ dataDir: dir, databaseUrl: null });
  if (existsSync(marker)) return { store, dir, bigId: (await import(marker, { with: { type: 'json' } })).default.bigId, seededIn: null };
  const started = performance.now();
  const bigId = await seed(store);
  writeFileSync(marker, JSON.stringify({ bigId }));
  return { store, dir, bigId, seededIn: (performance.now() - started) / 1000 };
}

interface Timing { median: number; p99: number }

/** Server-side time of `count` sequential requests, after a warm-up. */
async function time(app: Hono, paths: () => string, count: number): Promise<Timing> {
  for (let i = 0; i < 20; i++) await (await app.request(paths())).arrayBuffer();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const path = paths();
    const t = performance.now();
    const res = await app.request(path);
    await res.arrayBuffer();
    samples.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(count / 2)], p99: samples[Math.min(count - 1, Math.ceil(count * 0.99) - 1)] };
}

interface Load { rps: number; p50: number; p99: number; errors: number }

/** autocannon runs in a child process (asynchronously: this process must keep serving meanwhile). */
async function load(url: string, connections: number, duration: number): Promise<Load> {
  const bin = join(ROOT, 'node_modules/autocannon/autocannon.js');
  const child = spawn(process.execPath, [bin, '-j', '-c', String(connections), '-d', String(duration), url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`autocannon failed: ${err}`);
  const r = JSON.parse(out);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** Share cards: drawing time over different diffs of the 150-paragraph article, then the cached route. */
async function cardTimes(store: Store, bigId: number): Promise<{ draw: Timing; cached: Timing; bytes: number; count: number }> {
  const { renderShareCard, shareCardFromDiff } = await import('../src/cards/index.ts');
  const { createApp } = await import('../src/web/index.ts');
  const versions = await store.listVersions(bigId);
  const inputs = versions.slice(1).map((v, i) => shareCardFromDiff(diffVersions(versions[i], v), { headline: v.title, sourceName: 'BBC', capturedAt: v.capturedAt }));
  await renderShareCard(inputs[0]); // fonts parsed, code warmed
  const samples: number[] = [];
  const sizes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const input of inputs) {
      const t = performance.now();
      const card = await renderShareCard(input);
      samples.push(performance.now() - t);
      sizes.push(card.png.byteLength);
    }
  }
  samples.sort((a, b) => a - b);
  sizes.sort((a, b) => a - b);
  const app = createApp({ store, config: defaultConfig() });
  const cached = await time(app, () => `/articles/${bigId}/diff/1/2/card.png`, 300);
  const pick = (f: number) => samples[Math.min(samples.length - 1, Math.ceil(samples.length * f) - 1)];
  return { draw: { median: pick(0.5), p99: pick(0.99) }, cached, bytes: sizes[Math.floor(sizes.length / 2)], count: inputs.length };
}

async function main(): Promise<void> {
  const { store, dir, bigId, seededIn } = await openSeeded();
  const stats = await store.stats();
  // Imported after seeding so a long seed is kept even if the web module fails to load.
  const { createApp } = await import('../src/web/index.ts');
  const config = defaultConfig();
  // Diffs are normally cached (versions never change); switch the cache off to measure the work.
  const app = createApp({ store, config, diffCacheSize: 0 });
  const cached = createApp({ store, config });
  const pick = rng(7);
  const article = () => `/articles/${1 + Math.floor(pick() * (ARTICLES - 1))}`;
  const diff = () => { const a = 1 + Math.floor(pick() * (VERSIONS_PER_ARTICLE - 1)); return `/articles/${bigId}/diff/${a}/${a + 1}`; };
  const rows: [string, Timing][] = [
    ['recent changes /', await time(app, () => '/', 300)],
    ['article page (random of 10,000)', await time(app, article, 300)],
    [`diff page, ${BIG_PARAGRAPHS} paragraphs (uncached)`, await time(app, diff, 300)],
    [`diff page, ${BIG_PARAGRAPHS} paragraphs (cached diff)`, await time(cached, diff, 300)],
    // Digests (title, preview, feed HTML) are computed once per version, then cached: the warm-up computes them.
    ['feed of 1,000 changes /feeds/changes.rss?limit=1000', await time(cached, () => '/feeds/changes.rss?limit=1000', 100)],
    ['feed of 1,000 changes, JSON Feed', await time(cached, () => '/feeds/changes.json?limit=1000', 100)],
    // Significance filters (migration 11's partial indexes): a rare kind must not scan every version.
    ['recent headline changes /?kind=headline', await time(cached, () => '/?kind=headline', 300)],
    ['recent corrections /?kind=corrections (1 % of edits)', await time(cached, () => '/?kind=corrections', 300)],
    ['recent major changes /?min=major', await time(cached, () => '/?min=major', 300)],
    ['feed of 1,000 headline changes ?kind=headline', await time(cached, () => '/feeds/changes.rss?limit=1000&kind=headline', 100)],
    ['statistics /stats (cached figures)', await time(cached, () => '/stats', 100)],
  ];
  const cards = await cardTimes(store, bigId);

  const server = serve({ fetch: cached.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const connections = flag('--connections', 10);
  const duration = flag('--duration', 5);
  const base = `http://127.0.0.1:${port}`;
  const loads: [string, Load][] = [];
  for (const [name, path] of [['recent changes /', '/'], ['article page', '/articles/5000'], ['diff page (150 paragraphs)', `/articles/${bigId}/diff/1/2`]]) {
    loads.push([name, await load(base + path, connections, duration)]);
  }
  server.close();
  await store.close();

  const ms = (n: number) => n.toFixed(2);
  const lines = [
    `# bench:web`, '',
    `${new Date().toISOString()}, Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0].toFixed(1)} at the end, SQLite at ${dir}`,
    `Database: ${stats.sources} sources, ${stats.articles} articles, ${stats.versions} versions${seededIn === null ? ' (reused)' : `, seeded in ${seededIn.toFixed(0)} s`}.`, '',
    '## Server time per request (in process, app.request, 300 sequential requests)', '',
    '| page | median ms | p99 ms |', '| --- | ---: | ---: |',
    ...rows.map(([name, t]) => `| ${name} | ${ms(t.median)} | ${ms(t.p99)} |`), '',
    '## Share cards (1200x630 PNG)', '',
    '| what | median ms | p99 ms | size |', '| --- | ---: | ---: | ---: |',
    `| draw a card (renderShareCard, ${cards.count} different diffs) | ${ms(cards.draw.median)} | ${ms(cards.draw.p99)} | ${(cards.bytes / 1024).toFixed(0)} KB median |`,
    `| card route, cached answer (/articles/ID/diff/A/B/card.png) | ${ms(cards.cached.median)} | ${ms(cards.cached.p99)} | |`, '',
    `## Throughput (autocannon, ${connections} connections, ${duration} s, HTTP on 127.0.0.1, diff cache on)`, '',
    '| page | req/s | p50 ms | p99 ms | errors |', '| --- | ---: | ---: | ---: | ---: |',
    ...loads.map(([name, l]) => `| ${name} | ${l.rps.toFixed(0)} | ${l.p50} | ${l.p99} | ${l.errors} |`), '',
  ];
  const report = lines.join('\n');
  process.stdout.write(report + '\n');
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/web.md'), report);
}

main().catch((err) => {
  process.stderr.write(`bench:web failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
