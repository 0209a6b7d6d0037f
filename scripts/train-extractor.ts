/**
 * npm run train:extract [-- --folds 5] [--no-write] [--limit N] [--trees N] [--without-weight K] [--threshold T]
 *
 * Trains the block classifier of src/extract on the two development sets in ../shared
 * (ScrapingHub 181, WCXB 793): every block of every page is labelled by whether its text is in
 * the page's ground truth, class/id token weights and gradient-boosted trees are learned, and
 * the model is written to src/extract/model/block-model.json. Before that, k-fold cross-validation
 * split BY SITE (all pages of a host in one fold) scores the model on sites it never saw,
 * beside the in-sample scores, with the benchmarks' own measures.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusAvailable, loadCorpus, readPageHtml } from '../bench/lib/corpus.ts';
import { scorePage, summarize } from '../bench/lib/score.ts';
import { hostOf, loadWcxb, readWcxbHtml, siteFold, wcxbAvailable } from '../bench/lib/wcxb.ts';
import { scoreWcxbPage, summarizeWcxb } from '../bench/lib/wcxb-score.ts';
import { analyseHtml, selectParagraphs, type AnalysedPage } from '../src/extract/index.ts';
import { assembleFeatures, FEATURE_COUNT, FEATURE_NAMES, type TokenTable } from '../src/extract/features.ts';
import type { BlockModel } from '../src/extract/model/gbdt.ts';
import { filterBlocks } from '../src/extract/filter.ts';
import { DEFAULT_OPTIONS, train, type Dataset } from './lib/gbdt.ts';
import { blockLabels } from './lib/labels.ts';
import { learnTokens } from './lib/tokens.ts';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    'no-write': { type: 'boolean', default: false },
    limit: { type: 'string' },
    trees: { type: 'string' },
    'without-weight': { type: 'string', default: '1' },
    threshold: { type: 'string' },
  },
});
const FOLDS = Number(values.folds);
const limit = values.limit ? Number(values.limit) : Infinity;
const withoutWeight = Number(values['without-weight']);
const options = { ...DEFAULT_OPTIONS, ...(values.trees ? { trees: Number(values.trees) } : {}) };

if (!corpusAvailable() || !wcxbAvailable()) {
  console.log('train:extract: ../shared/corpus (scrapinghub and wcxb-dev) not found; nothing to train on.');
  process.exit(0);
}

interface Page {
  set: 'scrapinghub' | 'wcxb';
  id: string;
  host: string;
  analysed: AnalysedPage;
  labels: Uint8Array;
  weights: Float32Array;
  expected: string;
  ref?: { expected: string; with: string[]; without: string[]; title: string };
}

const started = performance.now();
const pages: Page[] = [];
const add = (set: Page['set'], id: string, url: string, html: string, expected: string, ref?: Page['ref']) => {
  let analysed: AnalysedPage;
  try {
    analysed = analyseHtml(html, url);
  } catch {
    return;
  }
  const { labels, weights } = blockLabels(analysed.analysis.blocks, expected, {
    snippets: ref?.without ?? [],
    weight: withoutWeight,
  });
  pages.push({ set, id, host: hostOf(url), analysed, labels, weights, expected, ref });
};
for (const p of loadCorpus(limit)) add('scrapinghub', p.id, p.url, readPageHtml(p), p.expected);
for (const p of loadWcxb(limit)) add('wcxb', p.id, p.url, readWcxbHtml(p), p.expected, p);
const blocks = pages.reduce((n, p) => n + p.labels.length, 0);
console.log(
  `analysed ${pages.length} pages, ${blocks} blocks, ${pages.reduce((n, p) => n + p.labels.reduce((a, b) => a + b, 0), 0)} in the ground truth (${((performance.now() - started) / 1000).toFixed(0)} s)`,
);

/**
 * The first long block under the headline (longAfterTitle 0: the standfirst or first paragraph,
 * or a disclaimer) counts this many times, either label: a quarter of them are not article text,
 * and the article's ones dropped there were the most missed edits (a newsroom edits its lede most).
 */
const LEDE_WEIGHT = 2;
const LONG_AFTER_TITLE = FEATURE_NAMES.indexOf('longAfterTitle');

function dataset(train: Page[], tokens: TokenTable): Dataset {
  const rows = train.reduce((n, p) => n + p.labels.length, 0);
  const d: Dataset = {
    rows,
    features: FEATURE_COUNT,
    x: new Float32Array(rows * FEATURE_COUNT),
    y: new Uint8Array(rows),
    w: new Float32Array(rows),
  };
  let r = 0;
  for (const p of train) {
    const feats = assembleFeatures(p.analysed.analysis, tokens);
    for (let i = 0; i < feats.length; i++, r++) {
      d.x.set(feats[i], r * FEATURE_COUNT);
      d.y[r] = p.labels[i];
      d.w[r] = p.weights[i] * (feats[i][LONG_AFTER_TITLE] === 0 ? LEDE_WEIGHT : 1);
    }
  }
  return d;
}

function fit(trainPages: Page[]): BlockModel {
  const tokens = learnTokens(
    trainPages.map((p) => ({ host: p.host, paths: p.analysed.analysis.paths, labels: p.labels, weights: p.weights })),
  );
  const m = train(dataset(trainPages, tokens), options);
  return { version: '', features: [...FEATURE_NAMES], bias: m.bias, threshold: 0.5, tokens, trees: m.trees };
}

interface Scores {
  wcxb: ReturnType<typeof summarizeWcxb>;
  sh: ReturnType<typeof summarize>;
}

function evaluate(model: BlockModel, test: Page[], thresholds: number[]): Map<number, Scores> {
  const out = new Map<number, Scores>();
  for (const threshold of thresholds) {
    const m = { ...model, threshold };
    const wcxb = [];
    const sh = [];
    for (const p of test) {
      const text = selectParagraphs(p.analysed, m).join('\n\n');
      if (p.set === 'wcxb') wcxb.push(scoreWcxbPage(p.ref!, { title: p.analysed.title, text }));
      else sh.push(scorePage(p.expected, text));
    }
    out.set(threshold, { wcxb: summarizeWcxb(wcxb), sh: summarize(sh) });
  }
  return out;
}

/** Folds by host: every page of a site lands in the same fold, so a fold's sites are unseen in training. */
const foldOf = (host: string) => siteFold(host, FOLDS);

const THRESHOLDS = [0.3, 0.4, 0.5, 0.6];
const row = (label: string, s: Scores) =>
  `| ${label} | ${s.wcxb.f1.toFixed(4)} | ${s.wcxb.precision.toFixed(4)} | ${s.wcxb.recall.toFixed(4)} | ${s.wcxb.empty} | ${s.wcxb.withPct.toFixed(2)} | ${s.wcxb.withoutPct.toFixed(2)} | ${s.sh.f1.toFixed(4)} | ${s.sh.precision.toFixed(4)} | ${s.sh.recall.toFixed(4)} |`;
const header = [
  '| model | WCXB F1 | P | R | empty | with% | without% | ScrapingHub F1 | P | R |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];

// Cross-validation by site: out-of-fold selections pooled over all folds, then scored once.
const oof = new Map<number, { wcxb: ReturnType<typeof scoreWcxbPage>[]; sh: ReturnType<typeof scorePage>[] }>(
  THRESHOLDS.map((t) => [t, { wcxb: [], sh: [] }]),
);
const rules = { wcxb: [] as ReturnType<typeof scoreWcxbPage>[], sh: [] as ReturnType<typeof scorePage>[] };
for (let k = 0; k < FOLDS; k++) {
  const t0 = performance.now();
  const test = pages.filter((p) => foldOf(p.host) === k);
  const model = fit(pages.filter((p) => foldOf(p.host) !== k));
  for (const threshold of THRESHOLDS) {
    const m = { ...model, threshold };
    for (const p of test) {
      const text = selectParagraphs(p.analysed, m).join('\n\n');
      if (p.set === 'wcxb') oof.get(threshold)!.wcxb.push(scoreWcxbPage(p.ref!, { title: p.analysed.title, text }));
      else oof.get(threshold)!.sh.push(scorePage(p.expected, text));
    }
  }
  console.log(
    `fold ${k + 1}/${FOLDS}: ${test.length} test pages from ${new Set(test.map((p) => p.host)).size} sites (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
}
for (const p of pages) {
  const text = filterBlocks(p.analysed.ruleBlocks, p.analysed.title).join('\n\n');
  if (p.set === 'wcxb') rules.wcxb.push(scoreWcxbPage(p.ref!, { title: p.analysed.title, text }));
  else rules.sh.push(scorePage(p.expected, text));
}

const full = fit(pages);
const inSample = evaluate(full, pages, THRESHOLDS);
let best = 0.5;
let bestScore = -1;
console.log();
console.log(`## Block classifier: ${FOLDS}-fold cross-validation by site, and in-sample (${options.trees} trees, depth ${options.depth})`);
console.log();
for (const line of header) console.log(line);
console.log(row('hand rules only (no model)', { wcxb: summarizeWcxb(rules.wcxb), sh: summarize(rules.sh) }));
for (const t of THRESHOLDS) {
  const s = { wcxb: summarizeWcxb(oof.get(t)!.wcxb), sh: summarize(oof.get(t)!.sh) };
  console.log(row(`by-site CV, threshold ${t}`, s));
  // The threshold is chosen on unseen sites only, never in-sample.
  const score = s.wcxb.f1 + s.sh.f1;
  if (score > bestScore) {
    bestScore = score;
    best = t;
  }
}
for (const t of THRESHOLDS) console.log(row(`in-sample, threshold ${t}`, inSample.get(t)!));
console.log();
console.log(`threshold chosen on the by-site folds: ${best}`);
// A threshold given on the command line wins: one of the by-site rows, picked when the best
// one breaks a must-show in-sample (without[] leaked <= 2 %), as the table above shows.
const shipped = values.threshold ? Number(values.threshold) : best;
if (shipped !== best) console.log(`threshold shipped (--threshold): ${shipped}`);

const model: BlockModel = { ...full, threshold: shipped };
model.version = createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 8);
if (!values['no-write'] && !Number.isFinite(limit)) {
  const path = join(import.meta.dirname, '../src/extract/model/block-model.json');
  writeFileSync(path, JSON.stringify(model) + '\n');
  console.log(`written ${path} (model ${model.version}, ${model.trees.length} trees, ${Object.keys(model.tokens).length} tokens)`);
}
console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
