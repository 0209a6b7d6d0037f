/**
 * Diff engine benchmark: `npm run bench:diff [-- --cases N --seed S --shared DIR --verbose]`.
 *
 * 1. Known-answer edits: real article texts from ../shared (ScrapingHub and WCXB ground-truth
 *    bodies), each edited by a seeded generator that knows the right answer (bench/lib/diff-edits.ts).
 *    Scores per kind the share of pairs whose whole diff is exactly right and the share of touched
 *    paragraphs given the right fate, for the engine and for position pairing (News Sniffer's
 *    row-by-row); then word-mark precision / recall, unchanged paragraphs marked, removed text
 *    shown, heavy rewrites paired, and label accuracy.
 * 2. Scale: time per diff at 10, 100, 150, 1,000 and 5,000 paragraphs, with one paragraph
 *    reworded and with every paragraph reworded (and how many of those were paired); wall and
 *    CPU time (the diff is single-threaded; CPU time suffers less from a busy machine), and the
 *    extra time of sentenceEdits(model), which diffVersions does not compute.
 * Never run by the tests. Timings on a shared machine are noisy.
 */
import { parseArgs } from 'node:util';
import { diffVersions } from '../src/diff/engine.ts';
import { sentenceEdits } from '../src/diff/sentences.ts';
import type { DiffInput } from '../src/diff/types.ts';
import { seededRandom } from '../src/demo/random.ts';
import { DEFAULT_SHARED, diffCorpusAvailable, loadArticles } from './lib/diff-corpus.ts';
import { EDIT_KINDS, EditGenerator, type EditCase, type EditKind } from './lib/diff-edits.ts';
import { positionalUnits, scoreDetails, scorePairs, unitsOfRows, type DetailScore } from './lib/diff-score.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '200' },
    seed: { type: 'string', default: '15' },
    verbose: { type: 'boolean', default: false },
    shared: { type: 'string', default: DEFAULT_SHARED },
  },
});
const CASES = Number(values.cases);
const SEED = Number(values.seed);

if (!diffCorpusAvailable(values.shared)) {
  console.log(
    `bench:diff needs ${values.shared}/corpus (ScrapingHub or WCXB ground truth; --shared DIR names another copy); not found, nothing to do.`,
  );
  process.exit(0);
}

const articles = loadArticles(values.shared);
const version = (v: { title: string; paragraphs: string[] }): DiffInput => ({
  title: v.title,
  byline: null,
  published: null,
  paragraphs: v.paragraphs,
});
const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);

function noTotals(): KindTotals {
  return { cases: 0, exact: 0, baseExact: 0, rowsRight: 0, rowsTouched: 0, baseRowsRight: 0, baseRowsTouched: 0, labels: 0, level: 0 };
}

function makeCases(): EditCase[] {
  const rand = seededRandom(SEED);
  const gen = new EditGenerator(rand, articles);
  const out: EditCase[] = [];
  for (const kind of EDIT_KINDS) {
    let made = 0;
    for (let tries = 0; made < CASES && tries < CASES * 20; tries++) {
      const article = articles[Math.floor(rand() * articles.length)];
      const c = gen.make(
        kind,
        article,
        sample(articles, rand, 5).filter((a) => a !== article),
      );
      if (c) {
        out.push(c);
        made++;
      }
    }
  }
  return out;
}

function sample<T>(list: T[], rand: () => number, n: number): T[] {
  return Array.from({ length: n }, () => list[Math.floor(rand() * list.length)]);
}

interface KindTotals {
  cases: number;
  exact: number;
  baseExact: number;
  rowsRight: number;
  rowsTouched: number;
  baseRowsRight: number;
  baseRowsTouched: number;
  labels: number;
  level: number;
}

function knownAnswers(): void {
  const cases = makeCases();
  const byKind = new Map<EditKind, KindTotals>();
  const details: DetailScore[] = [];
  const failures: string[] = [];
  const labelMisses = new Map<string, number>();
  for (const c of cases) {
    const model = diffVersions(version(c.before), version(c.after));
    const got = scorePairs(c, unitsOfRows(model.rows));
    const base = scorePairs(c, positionalUnits(c.before.paragraphs, c.after.paragraphs));
    const d = scoreDetails(c, model);
    details.push(d);
    const t = byKind.get(c.kind) ?? noTotals();
    t.cases++;
    t.exact += got.exact ? 1 : 0;
    t.baseExact += base.exact ? 1 : 0;
    t.rowsRight += got.rowsRight;
    t.rowsTouched += got.rowsTouched;
    t.baseRowsRight += base.rowsRight;
    t.baseRowsTouched += base.rowsTouched;
    t.labels += d.labelsRight ? 1 : 0;
    t.level += d.levelRight ? 1 : 0;
    byKind.set(c.kind, t);
    if (!d.labelsRight) {
      const k = `${c.kind}: want [${[...c.labels].sort().join(' ')}] got [${[...model.labels].sort().join(' ')}]${values.verbose ? ` (${c.article}: ${JSON.stringify(model.preview)})` : ''}`;
      labelMisses.set(k, (labelMisses.get(k) ?? 0) + 1);
    }
    if (!got.exact && values.verbose) failures.push(describeFailure(c, model));
  }

  console.log(`## Known-answer edits (${cases.length} pairs from ${articles.length} real articles, seed ${SEED})\n`);
  console.log('| kind | pairs | exact: engine | exact: position | touched rows right: engine | position | labels exact | level right |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const all = noTotals();
  for (const [kind, t] of byKind) {
    console.log(
      `| ${kind} | ${t.cases} | ${pct(t.exact, t.cases)} | ${pct(t.baseExact, t.cases)} | ${pct(t.rowsRight, t.rowsTouched)} | ${pct(t.baseRowsRight, t.baseRowsTouched)} | ${pct(t.labels, t.cases)} | ${pct(t.level, t.cases)} |`,
    );
    for (const k of Object.keys(all) as (keyof KindTotals)[]) all[k] += t[k];
  }
  console.log(
    `| **all** | ${all.cases} | **${pct(all.exact, all.cases)}** | ${pct(all.baseExact, all.cases)} | ${pct(all.rowsRight, all.rowsTouched)} | ${pct(all.baseRowsRight, all.baseRowsTouched)} | **${pct(all.labels, all.cases)}** | ${pct(all.level, all.cases)} |`,
  );

  const sum = (k: keyof DetailScore) => details.reduce((n, d) => n + Number(d[k]), 0);
  const tp = sum('marksTrue');
  console.log('\n| measure | value |\n| --- | ---: |');
  console.log(`| word marks: precision | ${pct(tp, tp + sum('marksFalse'))} |`);
  console.log(`| word marks: recall | ${pct(tp, tp + sum('marksMissed'))} |`);
  console.log(`| unchanged paragraphs marked | ${sum('unchangedMarked')} of ${sum('unchangedTotal')} |`);
  console.log(
    `| removed words shown as removed | ${pct(sum('removedShown'), sum('removedTotal'))} (${sum('removedShown')} of ${sum('removedTotal')}) |`,
  );
  console.log(
    `| heavy rewrites (≥ 50 % of words) paired | ${pct(sum('heavyPaired'), sum('heavyTotal'))} (${sum('heavyPaired')} of ${sum('heavyTotal')}) |`,
  );
  console.log(`| labels: exact set | ${pct(all.labels, all.cases)} |`);
  console.log(`| level right | ${pct(all.level, all.cases)} |`);
  if (labelMisses.size) {
    console.log('\nLabel misses (most frequent first):');
    for (const [k, n] of [...labelMisses].sort((a, b) => b[1] - a[1]).slice(0, values.verbose ? 40 : 8)) console.log(`  ${n}× ${k}`);
  }
  if (failures.length) console.log('\nInexact diffs:\n' + failures.slice(0, 30).join('\n'));
}

function describeFailure(c: EditCase, model: ReturnType<typeof diffVersions>): string {
  const want = c.units.filter((u) => u.edited || u.old[0] !== u.new[0] || u.old.length > 1 || u.new.length > 1);
  const got = unitsOfRows(model.rows).units.filter((u) => u.edited || u.old[0] !== u.new[0] || u.old.length > 1 || u.new.length > 1);
  const show = (u: { old: number[]; new: number[]; edited: boolean }) => `${u.old.join('+')}>${u.new.join('+')}${u.edited ? '~' : ''}`;
  const removedWant = c.before.paragraphs.map((_, i) => i).filter((i) => !c.units.some((u) => u.old.includes(i)));
  return `  ${c.kind} ${c.article}: want ${want.map(show).join(' ')} removed [${removedWant}] | got ${model.rows
    .filter((r) => r.kind !== 'same')
    .map(
      (r) =>
        r.kind +
        ':' +
        ('leftIndex' in r ? r.leftIndex : r.kind === 'merged' ? r.leftIndices : '') +
        '>' +
        ('rightIndex' in r ? r.rightIndex : r.kind === 'split' ? r.rightIndices : ''),
    )
    .join(' ')} ${got.length}`;
}

/** A long article of distinct real paragraphs, and a reworded copy (one paragraph or every one). */
function scale(): void {
  const rand = seededRandom(SEED + 1);
  const pool = [...new Set(articles.flatMap((a) => a.paragraphs).filter((p) => p.split(' ').length >= 12))];
  const words = [...new Set(pool.flatMap((p) => p.split(' ')).filter((w) => /^\p{Ll}{4,12}$/u.test(w)))];
  const reword = (p: string, share: number) => {
    const list = p.split(' ');
    const spots = list.map((w, k) => (/^\p{Ll}{3,}$/u.test(w) ? k : -1)).filter((k) => k >= 0);
    const n = Math.max(1, Math.round(share * list.length));
    for (let k = 0; k < n && spots.length; k++) {
      const at = spots.splice(Math.floor(rand() * spots.length), 1)[0];
      list[at] = words[Math.floor(rand() * words.length)];
    }
    return list.join(' ');
  };
  console.log(`\n## Scale (paragraphs of ${pool.length} distinct real ones; median of several runs; shared machine, noisy)\n`);
  console.log(
    '| paragraphs | one paragraph reworded: wall ms | cpu ms | every paragraph reworded: wall ms | cpu ms | of those paired | + sentence edits: cpu ms |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const medians = new Map<number, number>();
  for (const n of [10, 100, 150, 1000, 5000]) {
    const start = Math.floor(rand() * (pool.length - n));
    const base = pool.slice(start, start + n);
    const one = [...base];
    one[Math.floor(n / 2)] = reword(one[Math.floor(n / 2)], 0.15);
    const every = base.map((p) => reword(p, 0.15));
    const runs = n <= 150 ? 40 : n <= 1000 ? 8 : 4;
    const tOne = time(version({ title: 'T', paragraphs: base }), version({ title: 'T', paragraphs: one }), runs);
    const a = version({ title: 'T', paragraphs: base });
    const b = version({ title: 'T', paragraphs: every });
    const tEvery = time(a, b, runs);
    const model = diffVersions(a, b);
    const paired = model.rows.filter((r) => r.kind === 'changed' && r.leftIndex === r.rightIndex).length;
    medians.set(n, median(tEvery.cpu));
    const sentences: number[] = [];
    for (let k = 0; k < runs; k++) {
      const c0 = process.cpuUsage();
      sentenceEdits(model);
      const c = process.cpuUsage(c0);
      sentences.push((c.user + c.system) / 1000);
    }
    const f = (xs: number[]) => median(xs).toFixed(2);
    console.log(`| ${n} | ${f(tOne.wall)} | ${f(tOne.cpu)} | ${f(tEvery.wall)} | ${f(tEvery.cpu)} | ${pct(paired, n)} | ${f(sentences)} |`);
  }
  console.log(`\nGrowth 1,000 → 5,000 paragraphs (every one reworded, cpu): ${(medians.get(5000)! / medians.get(1000)!).toFixed(1)}×`);
}

/** Per run: wall time and CPU time (user + system) of the process, in ms. CPU time suffers less from a busy machine. */
function time(a: DiffInput, b: DiffInput, runs: number): { wall: number[]; cpu: number[] } {
  diffVersions(a, b);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    diffVersions(a, b);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

knownAnswers();
scale();
