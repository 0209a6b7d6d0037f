/**
 * bench:web — seeds a SQLite store with 100,000 versions (10,000 articles of 10 versions; or
 * `--versions 1000000`: 100,000 articles), then measures every reader page (recent changes,
 * article, version, diff of a 150-paragraph article, lists, search, statistics, change feeds, the
 * API) and share cards: median and p99 server time (in process, app.request), throughput under
 * concurrent load (autocannon in a child process against @hono/node-server on 127.0.0.1) and the
 * database size per version. Prints a table and writes bench/results/web[-VERSIONS].md.
 *
 *   npm run bench:web [-- --versions N] [--reseed] [--seed-only] [--duration SECONDS] [--connections N] [--skip-cards]
 *
 * Seeding writes what the tracker writes (paragraph texts, chain records, full-text index) through
 * the store's SQL, a thousand articles per transaction (bench/lib/web-seed.ts); the seeded
 * database is kept in the temp dir and reused by later runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { defaultConfig } from '../src/config/index.ts';
import { diffVersions } from '../src/diff/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import type { SqlStore } from '../src/store/sql/sql-store.ts';
import { bulkSeed, rng, SEED_VERSION } from './lib/web-seed.ts';

const VERSIONS_PER_ARTICLE = 10;
const BIG_PARAGRAPHS = 150;
const T0 = Date.UTC(2026, 9, 1);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const VERSIONS = flag('--versions', 100_000);
const ARTICLES = Math.max(2, Math.round(VERSIONS / VERSIONS_PER_ARTICLE));

async function openSeeded(): Promise<{ store: Store; dir: string; bigId: number; seededIn: number | null }> {
  // Keyed by the seed, not the schema: a database seeded at an older schema is migrated forward by
  // openStore (migrations backfill what they add), so a schema change does not cost a 10^6 reseed.
  const dir = join(tmpdir(), `redline-bench-web-seed${SEED_VERSION}-v${VERSIONS}`);
  const marker = join(dir, 'seeded.json');
  if (args.includes('--reseed') || !existsSync(marker)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = await openStore({ dataDir: dir, databaseUrl: null });
  if (existsSync(marker)) return { store, dir, bigId: (await import(marker, { with: { type: 'json' } })).default.bigId, seededIn: null };
  const started = performance.now();
  const bigId = await bulkSeed(
    store as SqlStore,
    { articles: ARTICLES, versionsPerArticle: VERSIONS_PER_ARTICLE, bigParagraphs: BIG_PARAGRAPHS, start: T0 },
    (n) => {
      if (n % 10_000 === 0 || n === ARTICLES)
        process.stderr.write(`seeded ${n} articles (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    },
  );
  writeFileSync(marker, JSON.stringify({ bigId }));
  return { store, dir, bigId, seededIn: (performance.now() - started) / 1000 };
}

interface Timing {
  median: number;
  p99: number;
}

/** The database file with its WAL, after a checkpoint folded the WAL in. */
function databaseBytes(dir: string): number {
  return ['redline.db', 'redline.db-wal'].reduce((sum, f) => sum + (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0), 0);
}

/** Server-side time of `count` sequential requests, after a warm-up. */
async function time(app: Hono, paths: () => string, count: number): Promise<Timing> {
  for (let i = 0; i < 20; i++) await (await app.request(paths())).arrayBuffer();
  const samples: number[] = [];
  count = Math.max(10, Math.round(count));
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

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** autocannon runs in a child process (asynchronously: this process must keep serving meanwhile). */
async function load(url: string, connections: number, duration: number, gzip = false): Promise<Load> {
  const bin = join(ROOT, 'node_modules/autocannon/autocannon.js');
  const headers = gzip ? ['-H', 'Accept-Encoding=gzip'] : [];
  const child = spawn(process.execPath, [bin, '-j', '-c', String(connections), '-d', String(duration), ...headers, url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const inputs = versions
    .slice(1)
    .map((v, i) => shareCardFromDiff(diffVersions(versions[i], v), { headline: v.title, sourceName: 'BBC', capturedAt: v.capturedAt }));
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
  if (args.includes('--seed-only')) {
    process.stdout.write(`seeded ${dir}${seededIn === null ? ' (reused)' : ` in ${seededIn.toFixed(0)} s`}\n`);
    await store.close();
    return;
  }
  const stats = await store.stats();
  // Imported after seeding so a long seed is kept even if the web module fails to load.
  const { createApp } = await import('../src/web/index.ts');
  const config = defaultConfig();
  // Diffs are normally cached (versions never change); switch the cache off to measure the work.
  // `app` renders every request (no page cache, no diff cache): what a request right after a write costs.
  const app = createApp({ store, config, diffCacheSize: 0, pageCacheBytes: 0 });
  // `cached`: the in-memory caches of immutable things (diffs, digests, feed items), no page cache.
  const cached = createApp({ store, config, pageCacheBytes: 0 });
  // `site`: as served, with the page cache (answers valid while the reader generation is unchanged).
  const site = createApp({ store, config });
  const pick = rng(7);
  const someArticle = () => 1 + Math.floor(pick() * (ARTICLES - 1));
  const article = () => `/articles/${someArticle()}`;
  const version = () => `/articles/${someArticle()}/versions/${1 + Math.floor(pick() * VERSIONS_PER_ARTICLE)}`;
  const diff = () => {
    const a = 1 + Math.floor(pick() * (VERSIONS_PER_ARTICLE - 1));
    return `/articles/${bigId}/diff/${a}/${a + 1}`;
  };
  const search = () => `/search?q=${['minister budget', 'hospital', 'election court', 'housing prices'][Math.floor(pick() * 4)]}`;
  const n = flag('--requests', 300);
  const perPage = `random of ${ARTICLES.toLocaleString('en')}`;
  const rows: [string, Timing][] = [
    ['recent changes /', await time(app, () => '/', n)],
    [`article page (${perPage})`, await time(app, article, n)],
    [`version page (${perPage})`, await time(app, version, n)],
    [`diff page, ${BIG_PARAGRAPHS} paragraphs (uncached)`, await time(app, diff, n)],
    [`diff page, ${BIG_PARAGRAPHS} paragraphs (cached diff)`, await time(cached, diff, n)],
    ['articles list /articles', await time(app, () => '/articles', n)],
    ['changed articles /articles?changed=1', await time(app, () => '/articles?changed=1', n)],
    ['sources /sources', await time(app, () => '/sources', n / 3)],
    ['search /search?q=...', await time(app, search, n / 3)],
    ['API /api/v1/changes', await time(app, () => '/api/v1/changes', n)],
    [`API /api/v1/articles/ID (${perPage})`, await time(app, () => `/api/v1/articles/${someArticle()}`, n)],
    // Digests (title, preview, feed HTML) are computed once per version, then cached: the warm-up computes them.
    ['feed of 50 changes /feeds/changes.atom', await time(cached, () => '/feeds/changes.atom', n / 3)],
    ['feed of 1,000 changes /feeds/changes.rss?limit=1000', await time(cached, () => '/feeds/changes.rss?limit=1000', 100)],
    ['feed of 1,000 changes, JSON Feed', await time(cached, () => '/feeds/changes.json?limit=1000', 100)],
    // Significance filters (migration 11's partial indexes): a rare kind must not scan every version.
    ['recent headline changes /?kind=headline', await time(cached, () => '/?kind=headline', 300)],
    ['recent corrections /?kind=corrections (1 % of edits)', await time(cached, () => '/?kind=corrections', 300)],
    ['recent major changes /?min=major', await time(cached, () => '/?min=major', 300)],
    ['feed of 1,000 headline changes ?kind=headline', await time(cached, () => '/feeds/changes.rss?limit=1000&kind=headline', 100)],
    ['statistics /stats (cached figures)', await time(cached, () => '/stats', 100)],
    // Page cache hits: no write since the page was rendered (a write makes the next request a miss: the rows above).
    ['page cache hit: recent changes /', await time(site, () => '/', n)],
    ['page cache hit: diff page, 150 paragraphs', await time(site, () => `/articles/${bigId}/diff/1/2`, n)],
    ['page cache hit: /sources', await time(site, () => '/sources', n)],
    ['page cache hit: /search?q=hospital', await time(site, () => '/search?q=hospital', n)],
    ['page cache hit: feed of 1,000 changes (RSS)', await time(site, () => '/feeds/changes.rss?limit=1000', 100)],
    ['page cache hit: feed of 1,000 changes (JSON Feed)', await time(site, () => '/feeds/changes.json?limit=1000', 100)],
  ];
  const cards = args.includes('--skip-cards') ? null : await cardTimes(store, bigId);

  const server = serve({ fetch: site.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const connections = flag('--connections', 10);
  const duration = flag('--duration', 5);
  const base = `http://127.0.0.1:${port}`;
  const loads: [string, Load][] = [];
  const middle = Math.floor(ARTICLES / 2);
  for (const [name, path] of [
    ['recent changes /', '/'],
    ['article page', `/articles/${middle}`],
    ['version page', `/articles/${middle}/versions/5`],
    ['diff page (150 paragraphs)', `/articles/${bigId}/diff/1/2`],
    // Feed readers send Accept-Encoding: gzip; the identity body is 2 MB.
    ['feed of 1,000 changes (RSS, gzip)', '/feeds/changes.rss?limit=1000'],
    ['sources /sources', '/sources'],
  ]) {
    loads.push([name, await load(base + path, connections, duration, name.includes('gzip'))]);
  }
  server.close();
  await store.close();
  const bytes = databaseBytes(dir);

  const ms = (n: number) => n.toFixed(2);
  const lines = [
    `# bench:web`,
    '',
    `${new Date().toISOString()}, Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0].toFixed(1)} at the end, SQLite at ${dir}`,
    `Database: ${stats.sources} sources, ${stats.articles} articles, ${stats.versions} versions${seededIn === null ? ' (reused)' : `, seeded in ${seededIn.toFixed(0)} s`}.`,
    '',
    `Database size: ${(bytes / 2 ** 20).toFixed(0)} MiB, ${(bytes / stats.versions).toFixed(0)} bytes per version (texts, paragraph ids, chain records, full-text index; no captures).`,
    '',
    `## Server time per request (in process, app.request, up to ${n} sequential requests)`,
    '',
    '| page | p50 ms | p99 ms |',
    '| --- | ---: | ---: |',
    ...rows.map(([name, t]) => `| ${name} | ${ms(t.median)} | ${ms(t.p99)} |`),
    '',
    ...(cards
      ? [
          '## Share cards (1200x630 PNG)',
          '',
          '| what | median ms | p99 ms | size |',
          '| --- | ---: | ---: | ---: |',
          `| draw a card (renderShareCard, ${cards.count} different diffs) | ${ms(cards.draw.median)} | ${ms(cards.draw.p99)} | ${(cards.bytes / 1024).toFixed(0)} KB median |`,
          `| card route, cached answer (/articles/ID/diff/A/B/card.png) | ${ms(cards.cached.median)} | ${ms(cards.cached.p99)} | |`,
          '',
        ]
      : []),
    `## Throughput (autocannon, ${connections} connections, ${duration} s, HTTP on 127.0.0.1, as served: page cache and diff cache on)`,
    '',
    '| page | req/s | p50 ms | p99 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...loads.map(([name, l]) => `| ${name} | ${l.rps.toFixed(0)} | ${l.p50} | ${l.p99} | ${l.errors} |`),
    '',
  ];
  const report = lines.join('\n');
  process.stdout.write(report + '\n');
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, `bench/results/web${VERSIONS === 100_000 ? '' : `-${VERSIONS}`}.md`), report);
}

main().catch((err) => {
  process.stderr.write(`bench:web failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
