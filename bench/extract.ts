/**
 * npm run bench:extract [-- --limit N] [--extractors redline,readability-jsdom] [--no-robustness]
 * Scores Redline, Readability and defuddle on the ScrapingHub pages in ../shared, each in its own
 * child process (speed and memory separable), and writes the table to bench/results/extract.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusAvailable, loadCorpus, CORPUS_DIR } from './lib/corpus.ts';
import { EXTRACTORS } from './lib/extractors.ts';
import { headlineAgreement, headlineReferences } from './lib/headlines.ts';
import { robustnessMatrix } from './lib/robustness-matrix.ts';
import type { RunReport } from './lib/run-extractor.ts';
import { pageF1, scorePage, summarize } from './lib/score.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    extractors: { type: 'string', default: Object.keys(EXTRACTORS).join(',') },
    'no-robustness': { type: 'boolean', default: false },
  },
});

if (!corpusAvailable()) {
  console.log(`bench:extract: corpus not found at ${CORPUS_DIR}; skipping.`);
  process.exit(0);
}

const limit = values.limit ? Number(values.limit) : Infinity;
const pages = loadCorpus(limit);
const expected = new Map(pages.map((p) => [p.id, p]));
const references = headlineReferences(pages);
const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};

function runChild(name: string): RunReport {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'lib/run-extractor.ts'), name, String(pages.length)], {
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.toString('utf8')) as RunReport;
}

const fmt = (x: number, d = 3) => x.toFixed(d);
say(`# Extraction benchmark: ${pages.length} ScrapingHub pages, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);
say();
say('| extractor | F1 | precision | recall | empty | errors | pages/s | peak RSS MB (delta) | headline agreement |');
say('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const reports: RunReport[] = [];
for (const name of values.extractors!.split(',')) {
  process.stderr.write(`running ${name}...\n`);
  const report = runChild(name);
  reports.push(report);
  const scores = report.pages.map((p) => scorePage(expected.get(p.id)!.expected, p.text));
  const s = summarize(scores);
  const errors = report.pages.filter((p) => p.error).length;
  const headline = headlineAgreement(report.pages, references);
  say(`| ${EXTRACTORS[name].label} | ${fmt(s.f1)} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${s.empty} | ${errors} | ${fmt(pages.length / report.seconds, 1)} | ${fmt(report.peakRssMb, 0)} (+${fmt(report.peakRssMb - report.baselineRssMb, 0)}) | ${headline.agree}/${headline.total} |`);
}
say();
say('Scoring: \\w+ tokens, 4-token shingle multisets, per-page TP/FP/FN scaled to 1; precision over pages with output, recall over all pages, F1 of the averages.');
say('Speed: one process per extractor, pages pre-loaded, one warm-up page. Peak RSS of that process (delta over the RSS after loading pages).');
say('Headline agreement: pages whose <h1> and og:title agree; the extracted title must equal them (case and punctuation ignored).');

const failed = reports.flatMap((r) => r.pages.filter((p) => p.error).map((p) => `- ${EXTRACTORS[r.name].label}: ${p.id.slice(0, 12)} ${expected.get(p.id)!.url}: ${p.error!.slice(0, 160)}`));
if (failed.length > 0) {
  say();
  say('Errors (counted as empty output):');
  for (const line of failed) say(line);
}

const redline = reports.find((r) => r.name === 'redline');
if (redline) {
  say();
  say('## Redline: 10 worst pages');
  say();
  say('| page | url | F1 |');
  say('| --- | --- | --- |');
  const worst = redline.pages
    .map((p) => ({ p, f1: pageF1(scorePage(expected.get(p.id)!.expected, p.text)) }))
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, 10);
  for (const { p, f1 } of worst) say(`| ${p.id.slice(0, 12)} | ${expected.get(p.id)!.url} | ${fmt(f1)}${p.error ? ` (${p.error})` : ''} |`);
}

if (!values['no-robustness']) {
  process.stderr.write('running robustness matrix...\n');
  const tallies = robustnessMatrix(pages);
  say();
  say('## Robustness (Redline fingerprints)');
  say();
  say('| variant | kind | fingerprint changed | tested | n/a | failing pages |');
  say('| --- | --- | --- | --- | --- | --- |');
  for (const t of tallies) {
    const why = t.furnitureMisses > 0 ? ` (${t.furnitureMisses} edited a paragraph the filters drop as furniture)` : '';
    say(`| ${t.kind} | ${t.body ? 'body edit' : 'boilerplate'} | ${t.changed} (${fmt((100 * t.changed) / Math.max(1, t.tested), 1)}%) | ${t.tested} | ${t.notApplicable} | ${t.failures.slice(0, 5).join(' ')}${why} |`);
  }
  const sum = (body: boolean) => tallies.filter((t) => t.body === body).reduce((a, t) => ({ changed: a.changed + t.changed, tested: a.tested + t.tested }), { changed: 0, tested: 0 });
  const bp = sum(false);
  const body = sum(true);
  say();
  say(`Boilerplate-only variants that changed the fingerprint: ${bp.changed}/${bp.tested} = ${fmt((100 * bp.changed) / Math.max(1, bp.tested), 2)}% (target 0%).`);
  say(`Body edits that changed the fingerprint: ${body.changed}/${body.tested} = ${fmt((100 * body.changed) / Math.max(1, body.tested), 2)}% (target 100%).`);
}

mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results/extract.md'), lines.join('\n') + '\n');
console.log('\nwritten to bench/results/extract.md');
