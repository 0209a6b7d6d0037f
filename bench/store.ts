// Store micro-benchmark: prints a table of per-operation costs on a synthetic database.
// Usage: node --import tsx bench/store.ts [postgres://URL] [--articles N]
// (PostgreSQL: runs in a scratch schema that is dropped afterwards.)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../src/store/index.ts';
import { openPostgresStore } from '../src/store/postgres/open.ts';
import type { Store } from '../src/store/store.ts';

const url = process.argv.slice(2).find((a) => a.startsWith('postgres'));
const n = Number(process.argv[process.argv.indexOf('--articles') + 1]) || 2000;
const VERSIONS = 3;
const WORDS = 'the prime minister said government election policy railway storm market shares court judge ruled police council'.split(' ');
const paragraph = (seed: number) =>
  Array.from({ length: 50 }, (_, k) => WORDS[(seed * 7 + k * 13) % WORDS.length]).join(' ') + ` token${seed}`;
const rawHtml = new TextEncoder().encode(`<html>${'<div class="nav">menu</div>'.repeat(2500)}</html>`);

async function open(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'redline-bench-'));
    return { store: await openStore({ dataDir: dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `redline_bench_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = openPostgresStore(url, { schema });
  await store.migrate();
  return { store, cleanup: async () => (await admin.query(`DROP SCHEMA ${schema} CASCADE`), await admin.end()) };
}

async function measure(rows: string[][], label: string, reps: number, fn: (i: number) => Promise<unknown>) {
  const start = performance.now();
  for (let i = 0; i < reps; i++) await fn(i);
  const ms = (performance.now() - start) / reps;
  rows.push([label, String(reps), ms.toFixed(2), (1000 / ms).toFixed(0)]);
}

const { store, cleanup } = await open();
const rows: string[][] = [];
const source = await store.upsertSource({ key: 'b', name: 'B', feedUrl: '', pollPeriodSec: 60, include: [], exclude: [] }, 0);
const ids: number[] = [];
await measure(rows, 'upsertArticle', n, async (i) => {
  const host = `h${i % 20}.example`;
  const { article } = await store.upsertArticle({
    sourceId: source.id,
    url: `http://${host}/${i}`,
    host,
    feedTitle: 't',
    feedPublishedAt: null,
    now: i,
    checkPeriodSec: 60,
  });
  ids.push(article.id);
});
await measure(rows, 'addVersion (12 paragraphs, 70 KB raw)', n * VERSIONS, async (i) => {
  const article = ids[i % n];
  const number = Math.floor(i / n) + 1;
  await store.addVersion(article, number, {
    title: `Headline ${i}`,
    byline: null,
    published: null,
    paragraphs: Array.from({ length: 12 }, (_, k) => paragraph(i + k)),
    fingerprint: `f${i}`,
    extractorVersion: 'x',
    capturedAt: 1000 + i,
    rawHtml,
    wordsAdded: 1,
    wordsRemoved: 1,
  });
});
await measure(rows, 'claimDueArticles(8) + updateArticle x8', 50, async () => {
  const claimed = await store.claimDueArticles(1e12, 8, { workerId: 'w', until: 1e12 + 1 }, 2);
  for (const a of claimed) await store.updateArticle(a.id, { lastCheckedAt: 1, nextCheckAt: 1e13 });
});
await measure(rows, 'listVersions', 200, (i) => store.listVersions(ids[i % n]));
await measure(rows, 'listChanges first page (50)', 50, () => store.listChanges({ limit: 50 }));
const deep = (await store.listChanges({ limit: 50 })).nextCursor;
await measure(rows, 'listChanges next page (50)', 50, () => store.listChanges({ limit: 50, cursor: deep }));
await measure(rows, 'search rare word (20 articles)', 20, (i) => store.search({ text: `token${i * 37}`, limit: 20 }));
await measure(rows, 'search common phrase (20 articles)', 10, () => store.search({ text: '"prime minister"', limit: 20 }));
await measure(rows, 'getRawHtml', 200, (i) => store.getRawHtml(ids[i % n], 1));
const stats = await store.stats();
await store.close();
await cleanup();

console.log(`${url ? 'postgres' : 'sqlite'}: ${stats.articles} articles, ${stats.versions} versions`);
const table = [['operation', 'reps', 'ms/op', 'ops/s'], ...rows];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
for (const r of table) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
