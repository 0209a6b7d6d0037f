/**
 * Old vs new parseHtml alone, in one process, one core:
 *   node --single-threaded-gc --import tsx bench/lib/parse-speed.ts OTHER_PARSE_HTML [ROUNDS]
 * e.g. OTHER_PARSE_HTML=/tmp/base/src/extract/parse-html.ts (a `git archive` copy with the
 * project's package.json beside it: see extract-speed.ts). Both sets are preloaded; the two
 * parsers alternate page by page (and who goes first alternates each round). Prints CPU time
 * (user + system) per parser: on a shared machine wall time mostly measures waiting for a core.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusAvailable, loadCorpus, readPageHtml } from './corpus.ts';
import { loadWcxb, readWcxbHtml, wcxbAvailable } from './wcxb.ts';

type Parse = (html: string) => unknown;

async function main(): Promise<void> {
  const [other, roundsArg] = process.argv.slice(2);
  if (!other) throw new Error('usage: parse-speed.ts OTHER_PARSE_HTML [ROUNDS]');
  if (!corpusAvailable() || !wcxbAvailable()) {
    console.log('parse-speed: corpora not found; skipping.');
    return;
  }
  const parsers: Parse[] = [
    ((await import(pathToFileURL(resolve(other)).href)) as { parseHtml: Parse }).parseHtml,
    ((await import('../../src/extract/parse-html.ts')) as { parseHtml: Parse }).parseHtml,
  ];
  const pages = [...loadCorpus().map(readPageHtml), ...loadWcxb().map(readWcxbHtml)];
  const rounds = Number(roundsArg ?? 3);
  const cpu = [0, 0];
  for (let r = 0; r < rounds; r++)
    for (const html of pages)
      for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) {
        const c0 = process.cpuUsage();
        parsers[k](html);
        const c = process.cpuUsage(c0);
        cpu[k] += (c.user + c.system) / 1e6;
      }
  const n = rounds * pages.length;
  console.log(`${other}: ${n} parses, ${cpu[0].toFixed(2)} s CPU, ${((cpu[0] * 1000) / n).toFixed(2)} ms per page`);
  console.log(`this checkout: ${n} parses, ${cpu[1].toFixed(2)} s CPU, ${((cpu[1] * 1000) / n).toFixed(2)} ms per page`);
  console.log(`this checkout / other: ${(cpu[1] / cpu[0]).toFixed(3)}x the CPU time`);
}

await main();
