/**
 * Old vs new extractor, output compared byte for byte on every page of both sets:
 *   node --import tsx bench/lib/extract-identity.ts OTHER_EXTRACT_INDEX
 * e.g. OTHER_EXTRACT_INDEX=/tmp/base/src/extract/index.ts (a `git archive` copy of an earlier commit).
 * Compares title, byline, published, paragraphs, fingerprint, canonical URL and the error kind of
 * pages that give nothing, and also every block with its base features (what the training script
 * reads); prints each differing page and the counts; exits 1 on any difference.
 * For speed work that must not change output (EXTRACTOR_VERSION is not compared).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusAvailable, loadCorpus, readPageHtml } from './corpus.ts';
import { loadWcxb, readWcxbHtml, wcxbAvailable } from './wcxb.ts';

type Extract = (html: string, url: string) => Record<string, unknown>;
type Module = {
  extractArticle: Extract;
  analyseHtml: (
    html: string,
    url: string,
  ) => { analysis: { blocks: { kind: string; text: string; linkDensity: number }[]; base: Float32Array[] } };
};

/** What the training script sees: every block with its base features. */
function analysis(m: Module, html: string, url: string): string {
  try {
    const { blocks, base } = m.analyseHtml(html, url).analysis;
    return JSON.stringify(blocks.map((b, i) => [b.kind, b.text, b.linkDensity, Array.from(base[i])]));
  } catch (err) {
    return JSON.stringify(['error', (err as Error).message]);
  }
}

function outcome(f: Extract, html: string, url: string): string {
  try {
    const r = f(html, url);
    return JSON.stringify([r.title, r.byline, r.published, r.paragraphs, r.fingerprint, r.canonicalUrl]);
  } catch (err) {
    const e = err as { name?: string; kind?: string; message?: string };
    return JSON.stringify(['error', e.name, e.kind, e.message]);
  }
}

async function main(): Promise<void> {
  const [other] = process.argv.slice(2);
  if (!other) throw new Error('usage: extract-identity.ts OTHER_EXTRACT_INDEX');
  if (!corpusAvailable() || !wcxbAvailable()) {
    console.log('extract-identity: corpora not found; skipping.');
    return;
  }
  const oldModule = (await import(pathToFileURL(resolve(other)).href)) as Module;
  const newModule = (await import('../../src/extract/index.ts')) as unknown as Module;
  const old = oldModule.extractArticle;
  const now = newModule.extractArticle;
  const pages = [
    ...loadCorpus().map((p) => ({ id: `scrapinghub/${p.id}`, url: p.url, html: readPageHtml(p) })),
    ...loadWcxb().map((p) => ({ id: `wcxb/${p.id}`, url: p.url, html: readWcxbHtml(p) })),
  ];
  let differ = 0;
  let featuresDiffer = 0;
  let errors = 0;
  for (const p of pages) {
    const a = outcome(old, p.html, p.url);
    const b = outcome(now, p.html, p.url);
    if (a.startsWith('["error"')) errors++;
    if (a !== b) {
      differ++;
      console.log(`differs: ${p.id}\n  old ${a.slice(0, 300)}\n  new ${b.slice(0, 300)}`);
    }
    if (analysis(oldModule, p.html, p.url) !== analysis(newModule, p.html, p.url)) {
      featuresDiffer++;
      console.log(`blocks or base features differ: ${p.id}`);
    }
  }
  console.log(`${pages.length} pages compared (${errors} give no text on the old side), ${differ} differ in output`);
  console.log(`${pages.length} pages' blocks and base features compared, ${featuresDiffer} differ`);
  if (differ > 0 || featuresDiffer > 0) process.exitCode = 1;
}

await main();
