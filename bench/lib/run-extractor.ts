/**
 * Child process of bench/extract.ts: runs ONE extractor over both corpora (ScrapingHub, then
 * WCXB) and prints a JSON report on stdout, so that each extractor's speed and memory are
 * measured in a process of its own. Usage: node --import tsx bench/lib/run-extractor.ts NAME LIMIT
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { EXTRACTORS } from './extractors.ts';
import { loadCorpus } from './corpus.ts';
import { loadWcxb } from './wcxb.ts';

export interface PageRun {
  id: string;
  title: string;
  text: string;
  error: string | null;
}

export interface SetRun {
  pages: PageRun[];
  /** Wall-clock and CPU (user + system) seconds of the extraction calls only. */
  seconds: number;
  cpuSeconds: number;
}

export interface RunReport {
  name: string;
  sets: Record<'scrapinghub' | 'wcxb', SetRun>;
  baselineRssMb: number;
  peakRssMb: number;
}

async function main(): Promise<void> {
  const [name, limitArg] = process.argv.slice(2);
  const extractor = EXTRACTORS[name];
  if (!extractor) throw new Error(`unknown extractor ${name}`);
  const limit = Number(limitArg) || Infinity;
  // Extractors log parse warnings of the pages (defuddle: malformed JSON-LD); the report is on stdout.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => undefined;
  // Pages are held as their gzipped files (57 MB off the JS heap) and each page's HTML string is
  // made just before its timed extraction, as a tracker gets one page at a time. Held as strings
  // (345 MB of two-byte strings on the heap) they set V8's old-generation limit so high that a
  // run often went without a full collection: the heap grew to 1.1 GB of dead trees, scavenges
  // ran during a never-ending incremental marking, and the same build measured 25 % slower.
  const held = (p: { id: string; url: string; path: string }) => ({ id: p.id, url: p.url, gz: readFileSync(p.path) });
  const corpora = { scrapinghub: loadCorpus(limit).map(held), wcxb: loadWcxb(limit).map(held) };
  const htmlOf = (page: { gz: Buffer }) => gunzipSync(page.gz).toString('utf8');
  // Warm-up on one page so module loading and lazy imports are not timed.
  const first = corpora.scrapinghub[0] ?? corpora.wcxb[0];
  await Promise.resolve(extractor.run(htmlOf(first), first.url)).catch(() => undefined);
  global.gc?.();
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  let peakRss = process.memoryUsage().rss;
  const sets = {} as RunReport['sets'];
  for (const [set, corpus] of Object.entries(corpora) as [keyof typeof corpora, (typeof corpora)['wcxb']][]) {
    const pages: PageRun[] = [];
    let seconds = 0;
    let cpu = 0;
    for (const page of corpus) {
      const html = htmlOf(page);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      let run: PageRun;
      try {
        const out = await extractor.run(html, page.url);
        run = { id: page.id, title: out.title, text: out.paragraphs.join('\n\n'), error: null };
      } catch (err) {
        run = { id: page.id, title: '', text: '', error: `${(err as Error).name}: ${(err as Error).message}` };
      }
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1e6;
      seconds += (performance.now() - t0) / 1000;
      pages.push(run);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    sets[set] = { pages, seconds, cpuSeconds: cpu };
  }
  const peakRssMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  process.stdout.write(JSON.stringify({ name, sets, baselineRssMb, peakRssMb } satisfies RunReport));
}

await main();
