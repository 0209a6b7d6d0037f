/**
 * Child process of bench/extract.ts: runs ONE extractor over the corpus and prints a JSON report
 * on stdout, so that each extractor's speed and memory are measured in a process of its own.
 * Usage: node --import tsx bench/lib/run-extractor.ts NAME LIMIT
 */
import { EXTRACTORS } from './extractors.ts';
import { loadCorpus, readPageHtml } from './corpus.ts';

export interface PageRun {
  id: string;
  title: string;
  text: string;
  error: string | null;
}

export interface RunReport {
  name: string;
  pages: PageRun[];
  seconds: number;
  baselineRssMb: number;
  peakRssMb: number;
}

async function main(): Promise<void> {
  const [name, limitArg] = process.argv.slice(2);
  const extractor = EXTRACTORS[name];
  if (!extractor) throw new Error(`unknown extractor ${name}`);
  // Extractors log parse warnings of the pages (defuddle: malformed JSON-LD); the report is on stdout.
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => undefined;
  const corpus = loadCorpus(Number(limitArg) || Infinity).map((p) => ({ ...p, html: readPageHtml(p) }));
  // Warm-up on one page so module loading and lazy imports are not timed.
  await Promise.resolve(extractor.run(corpus[0].html, corpus[0].url)).catch(() => undefined);
  global.gc?.();
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  let peakRss = process.memoryUsage().rss;
  const pages: PageRun[] = [];
  const start = performance.now();
  for (const page of corpus) {
    try {
      const out = await extractor.run(page.html, page.url);
      pages.push({ id: page.id, title: out.title, text: out.paragraphs.join('\n\n'), error: null });
    } catch (err) {
      pages.push({ id: page.id, title: '', text: '', error: `${(err as Error).name}: ${(err as Error).message}` });
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - start) / 1000;
  const peakRssMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  const report: RunReport = { name, pages, seconds, baselineRssMb, peakRssMb };
  process.stdout.write(JSON.stringify(report));
}

await main();
