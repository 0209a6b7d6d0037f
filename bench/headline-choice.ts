/**
 * Could a learned chooser pick the headline better than chooseTitle's agreement rule?
 *   node --import tsx bench/headline-choice.ts
 *
 * On the WCXB pages where chooseTitle takes an <h1> that no declared title (og:title, twitter:title,
 * JSON-LD headline, <meta name=headline>, <title>; names cut) says the same way, it asks: should the
 * declared title most candidates agree on have been taken instead? A logistic regression over page
 * features answers it. Each setting is scored in-sample and by site (5 folds by host, the training
 * script's split: a fold's sites are never seen in its training), as the net number of headlines it
 * would gain over the rule (right switches minus wrong ones, exact headline as bench:extract counts it).
 * Prints a table; changes nothing. Session 8 found every by-site gain <= 0 (docs in the issue-8 notes).
 *
 *   node --import tsx bench/headline-choice.ts --misses
 * lists instead every page whose headline is not exact, by kind of miss (counts first).
 */
import { loadWcxb, readWcxbHtml, siteFold, wcxbAvailable } from './lib/wcxb.ts';
import { foldTypography, headlineKey } from './lib/wcxb-score.ts';
import { elementsIn, parseHtml, textOf, type Element } from '../src/extract/dom.ts';
import { headlineCandidates, type HeadlineCandidates } from '../src/extract/headline.ts';
import { readJsonLd } from '../src/extract/jsonld.ts';
import { collectMeta } from '../src/extract/metadata.ts';
import { ruleFor } from '../src/extract/rules/index.ts';
import { comparable, runAt, wordsOf } from '../src/extract/title-words.ts';
import { normalizeText } from '../src/text/normalize.ts';

if (!wcxbAvailable()) {
  console.log('WCXB is not available (../shared/corpus/wcxb-dev): nothing to measure.');
  process.exit(0);
}

const FOLDS = 5;
const foldOf = (host: string) => siteFold(host, FOLDS);
const key = (s: string) => headlineKey(normalizeText(s));

interface Case {
  host: string;
  /** +1: the declared title is the truth, -1: the <h1> is, 0: neither. */
  worth: number;
  x: number[];
}

const FEATURES = [
  'agreement of the <h1> with the declared titles',
  'declared titles agreeing with the one offered',
  'declared titles',
  'words in the <h1>',
  'words in the declared title',
  'the <h1> is in capitals',
  'share of paragraph text before the <h1>',
  'the <h1> stands in an <article>, <main> or post/entry/article class',
  'the declared title is the text of an element in the body',
  '<h1>s on the page',
  'which <h1> was taken',
  'the page has a JSON-LD headline',
  'the <h1> is a run inside the declared title',
  'the declared title is a run inside the <h1>',
  'the declared title has a colon',
  'the <h1> has a colon',
];

let pages = 0;
let ruleHits = 0;
const cases: Case[] = [];
const misses: { id: string; host: string; kind: string; truth: string; chosen: string }[] = [];
for (const p of loadWcxb()) {
  if (!p.title) continue;
  pages++;
  const doc = parseHtml(readWcxbHtml(p));
  const meta = collectMeta(doc);
  const rule = ruleFor(p.url);
  const c = headlineCandidates(meta, readJsonLd(doc), p.url);
  const truth = key(p.title);
  if (key(c.chosen) === truth) ruleHits++;
  else if (!rule?.title) misses.push({ id: p.id, host: p.host, kind: missKind(c, p.title), truth: p.title, chosen: c.chosen });
  if (rule?.title || c.declared.length === 0) continue;
  const at = c.headings.indexOf(c.chosen);
  const chosenKey = comparable(c.chosen);
  if (at < 0 || c.declared.some((d) => comparable(d.text) === chosenKey)) continue;
  // The declared title most declared titles agree with (first on a tie).
  const votes = (t: string) => c.declared.filter((d) => comparable(d.text) === comparable(t)).length;
  const offered = c.declared.reduce((a, d) => (votes(d.text) > votes(a.text) ? d : a)).text;
  const worth = key(offered) === truth ? 1 : key(c.chosen) === truth ? -1 : 0;
  const hw = wordsOf(c.chosen);
  const dw = wordsOf(offered);
  const body = inBody(doc, chosenKey, comparable(offered));
  cases.push({
    host: p.host,
    worth,
    x: [
      c.agreements[at],
      votes(offered),
      c.declared.length,
      hw.length,
      dw.length,
      c.chosen === c.chosen.toUpperCase() && /\p{Lu}/u.test(c.chosen) ? 1 : 0,
      body.h1At,
      body.h1InArticle,
      body.declaredInBody,
      Math.min(meta.h1s.length, 5),
      at,
      c.declared.some((d) => d.source === 'ld:headline') ? 1 : 0,
      dw.length > hw.length && runAt(dw, hw) >= 0 ? 1 : 0,
      hw.length > dw.length && runAt(hw, dw) >= 0 ? 1 : 0,
      /:\s/.test(offered) ? 1 : 0,
      /:\s/.test(c.chosen) ? 1 : 0,
    ],
  });
}

/** Where the chosen <h1> stands among the paragraphs, whether an article wraps it, whether the body repeats the declared title. */
function inBody(doc: ReturnType<typeof parseHtml>, h1Key: string, declaredKey: string) {
  let before = -1;
  let total = 0;
  let h1InArticle = 0;
  let declaredInBody = 0;
  for (const el of elementsIn(doc)) {
    if (el.name === 'h1' && before < 0 && comparable(textOf(el)).includes(h1Key.slice(0, 20))) {
      before = total;
      h1InArticle = inArticle(el) ? 1 : 0;
    } else if (el.name !== 'title' && el.name !== 'h1' && el.children.length <= 3 && comparable(textOf(el)) === declaredKey)
      declaredInBody = 1;
    if (el.name === 'p') total += textOf(el).length;
  }
  return { h1At: before < 0 ? -1 : before / Math.max(1, total), h1InArticle, declaredInBody };
}
function inArticle(el: Element): boolean {
  for (let a = el.parent; a && 'name' in a; a = a.parent)
    if (a.name === 'article' || a.name === 'main' || /\b(post|entry|article)\b/i.test(a.attribs?.class ?? '')) return true;
  return false;
}

/** What kind of miss a page's headline is: how the truth stands to the candidates and to the choice. */
function missKind(c: HeadlineCandidates, title: string): string {
  if (key(foldTypography(c.chosen)) === key(foldTypography(title))) return 'typography only (quotes, dashes, ellipses)';
  const t = comparable(title);
  const chosen = comparable(c.chosen);
  if (chosen === t) return 'other punctuation only';
  const isHeading = (s: string) => c.headings.some((h) => comparable(h) === s);
  const isDeclared = (s: string) => c.declared.some((d) => comparable(d.text) === s);
  // The chosen text is an <h1>'s (trimmed of furniture, maybe), else a declared title's.
  const fromHeading = c.headings.some((h) => ` ${comparable(h)} `.includes(` ${chosen} `));
  if (isDeclared(t))
    return fromHeading ? 'the truth is a declared title, an <h1> was taken' : 'the truth is one declared title, another was taken';
  if (isHeading(t)) return 'the truth is an <h1>, a declared title was taken';
  if (` ${chosen} `.includes(` ${t} `)) return 'the choice holds the truth and more (name, tagline, kicker)';
  if (` ${t} `.includes(` ${chosen} `)) return 'the truth holds the choice and more';
  return 'the truth is among no candidate';
}

if (process.argv.includes('--misses')) {
  const kinds = [...new Set(misses.map((m) => m.kind))];
  const of = (k: string) => misses.filter((m) => m.kind === k);
  kinds.sort((a, b) => of(b).length - of(a).length);
  console.log(`## Headlines not exact (WCXB, ${misses.length} of ${pages} pages with a title; site-rule titles left out)\n`);
  console.log('| kind | pages | sites |\n| --- | --- | --- |');
  for (const k of kinds) console.log(`| ${k} | ${of(k).length} | ${new Set(of(k).map((m) => m.host)).size} |`);
  for (const k of kinds) {
    console.log(`\n### ${k}\n\n| page | host | truth | chosen |\n| --- | --- | --- | --- |`);
    const cell = (s: string) => s.replace(/\|/g, '\\|');
    for (const m of of(k)) console.log(`| ${m.id} | ${m.host} | ${cell(m.truth)} | ${cell(m.chosen)} |`);
  }
  process.exit(0);
}

// Standardised features with a bias term.
const n = FEATURES.length;
const mean = Array.from({ length: n }, (_, j) => cases.reduce((a, c) => a + c.x[j], 0) / cases.length);
const sd = Array.from({ length: n }, (_, j) => Math.sqrt(cases.reduce((a, c) => a + (c.x[j] - mean[j]) ** 2, 0) / cases.length) || 1);
const rows = cases.map((c) => ({ ...c, z: [1, ...c.x.map((v, j) => (v - mean[j]) / sd[j])] }));
type Row = (typeof rows)[number];

function fit(train: Row[], l2: number): number[] {
  const w = new Array<number>(n + 1).fill(0);
  for (let it = 0; it < 500; it++) {
    const g = new Array<number>(n + 1).fill(0);
    for (const r of train) {
      const err = prob(r, w) - (r.worth === 1 ? 1 : 0);
      for (let j = 0; j <= n; j++) g[j] += err * r.z[j];
    }
    for (let j = 0; j <= n; j++) w[j] -= 0.5 * (g[j] / train.length + (j > 0 ? l2 * w[j] : 0));
  }
  return w;
}
const prob = (r: Row, w: number[]) => 1 / (1 + Math.exp(-r.z.reduce((a, v, j) => a + v * w[j], 0)));
const gain = (rs: Row[], w: number[], threshold: number) => rs.filter((r) => prob(r, w) > threshold).reduce((a, r) => a + r.worth, 0);

const count = (worth: number) => cases.filter((c) => c.worth === worth).length;
const pct = (hits: number) => `${((100 * hits) / pages).toFixed(2)} %`;
console.log(`## Headline: switch from the <h1> to a declared title? (WCXB, ${pages} pages with a title)\n`);
console.log(`chooseTitle alone: ${ruleHits} exact (${pct(ruleHits)}; bench:extract counts one less when a page gives no text).`);
console.log(
  `${cases.length} pages where the chosen <h1> differs from every declared title: the truth is the <h1> on ${count(-1)}, the offered declared title on ${count(1)}, neither on ${count(0)}.\n`,
);
console.log('| L2 | threshold | in-sample gain | in-sample exact | by-site gain (5 folds by host) | by-site exact |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const l2 of [0.01, 0.1, 1])
  for (const threshold of [0.5, 0.6, 0.7]) {
    const inSample = gain(rows, fit(rows, l2), threshold);
    let bySite = 0;
    for (let k = 0; k < FOLDS; k++)
      bySite += gain(
        rows.filter((r) => foldOf(r.host) === k),
        fit(
          rows.filter((r) => foldOf(r.host) !== k),
          l2,
        ),
        threshold,
      );
    console.log(`| ${l2} | ${threshold} | ${inSample} | ${pct(ruleHits + inSample)} | ${bySite} | ${pct(ruleHits + bySite)} |`);
  }
console.log(`\nFeatures: ${FEATURES.join('; ')}.`);
