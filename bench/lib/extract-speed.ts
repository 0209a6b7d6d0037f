/**
 * Old vs new extractor on the same pages, in one process, one core:
 *   node --single-threaded-gc --import tsx bench/lib/extract-speed.ts OTHER_EXTRACT_INDEX [ROUNDS]
 * e.g. OTHER_EXTRACT_INDEX=/work/main/src/extract/index.ts (another checkout's extractArticle).
 * Both sets (ScrapingHub and WCXB) are preloaded as their gzipped files, each page's HTML made just
 * before its turn (see run-extractor.ts: 345 MB of page strings held on the heap made the collector
 * erratic); the two extractors alternate page by page (and
 * who goes first alternates too), so both see the same machine load. Prints user CPU time per
 * extractor: on a shared machine wall time mostly measures waiting for a core.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusAvailable, loadCorpus } from './corpus.ts';
import { loadWcxb, wcxbAvailable } from './wcxb.ts';

type Extract = (html: string, url: string) => unknown;

/**
 * tsx compiles a .ts file as an ES module only under a package.json with "type": "module"; without
 * one (a bare `git archive` of src/) it compiles to CommonJS, which runs the same extractor about
 * 25 % slower here and would make any change look faster. So the other checkout must have one.
 */
function assertModuleScope(file: string): void {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      if ((JSON.parse(readFileSync(pkg, 'utf8')) as { type?: string }).type === 'module') return;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `${file}: no package.json with "type": "module" above it, so tsx would compile it to CommonJS (slower): copy the project's package.json beside its src/`,
  );
}

async function main(): Promise<void> {
  const [other, roundsArg] = process.argv.slice(2);
  if (!other) throw new Error('usage: extract-speed.ts OTHER_EXTRACT_INDEX [ROUNDS]');
  assertModuleScope(other);
  if (!corpusAvailable() || !wcxbAvailable()) {
    console.log('extract-speed: corpora not found; skipping.');
    return;
  }
  const extractors: [string, Extract][] = [
    [other, ((await import(pathToFileURL(resolve(other)).href)) as { extractArticle: Extract }).extractArticle],
    ['this checkout', ((await import('../../src/extract/index.ts')) as { extractArticle: Extract }).extractArticle],
  ];
  const rounds = Number(roundsArg ?? 1);
  const pages = [...loadCorpus(), ...loadWcxb()].map((p) => ({ url: p.url, gz: readFileSync(p.path) }));
  const htmlOf = (p: { url: string; gz: Buffer }) => ({ url: p.url, html: gunzipSync(p.gz).toString('utf8') });
  const run = (f: Extract, p: { url: string; html: string }) => {
    try {
      f(p.html, p.url);
    } catch {
      // Pages an extractor finds empty cost their time all the same.
    }
  };
  for (const [, f] of extractors) for (const p of pages.slice(0, 50)) run(f, htmlOf(p)); // warm-up
  const cpu = [0, 0];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < pages.length; i++) {
      const page = htmlOf(pages[i]);
      for (let k = 0; k < 2; k++) {
        const which = (i + r + k) % 2;
        const c0 = process.cpuUsage();
        run(extractors[which][1], page);
        cpu[which] += process.cpuUsage(c0).user / 1e6;
      }
    }
  }
  const n = pages.length * rounds;
  console.log(`| extractor | pages | user CPU s | pages/s (one core, CPU time) |`);
  console.log(`| --- | --- | --- | --- |`);
  extractors.forEach(([name], k) => console.log(`| ${name} | ${n} | ${cpu[k].toFixed(1)} | ${(n / cpu[k]).toFixed(1)} |`));
  console.log(
    `\nthis checkout / other: ${(cpu[1] / cpu[0]).toFixed(2)}x the CPU time; load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`,
  );
}

await main();
