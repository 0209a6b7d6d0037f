import { createHash } from 'node:crypto';
import { selectAll, selectOne } from 'css-select';
import type { Extraction } from '../model/index.ts';
import { normalizeText } from '../text/normalize.ts';
import { collectBlocks, type Block } from './blocks.ts';
import { removeJunk, removeLinkLists, removeSemantic, removeStrongNegative, removeWeakNegative } from './clean.ts';
import {
  Element,
  isElement,
  parseHtml,
  Removals,
  removeNodes,
  Text,
  textOf,
  type AnyNode,
  type Document,
  type ParentNode,
  type Remover,
} from './dom.ts';
import { ExtractError } from './errors.ts';
import { analysePage, assembleFeatures, FEATURE_NAMES, type PageAnalysis } from './features.ts';
import { embeddedLinks, filterBlocks, isBoilerplate, removeFurniture } from './filter.ts';
import { findLedes } from './lede.ts';
import { fingerprint } from './fingerprint.ts';
import { readJsonLd } from './jsonld.ts';
import { chooseByline, chooseCanonical, choosePublished, chooseTitle, collectMeta, comparable } from './metadata.ts';
import { predict, type BlockModel } from './model/gbdt.ts';
import MODEL_JSON from './model/block-model.json' with { type: 'json' };
import { RULES, ruleFor } from './rules/index.ts';
import type { SiteRule } from './rules/types.ts';
import { chooseContainer } from './score.ts';
import { computeStats, refreshStats } from './stats.ts';
import { removeTeaserLists } from './teasers.ts';

export { ExtractError } from './errors.ts';
export { MAX_ELEMENTS } from './dom.ts';
export { fingerprint } from './fingerprint.ts';

export type ExtractResult = Extraction & { canonicalUrl: string | null };

const MODEL = MODEL_JSON as BlockModel;
/** The training script imports this module before a model for the current features exists. */
const MODEL_MATCHES = MODEL.features.join(',') === FEATURE_NAMES.join(',');

/** Bump CORE on any change to generic extraction; site rule and model versions are folded in automatically. */
const CORE_VERSION = '11';
const rulesDigest = createHash('sha256')
  .update(RULES.map((r) => `${r.site.source}@${r.version}`).join(','))
  .digest('hex')
  .slice(0, 8);
export const EXTRACTOR_VERSION = `${CORE_VERSION}+rules.${rulesDigest}+model.${MODEL.version}`;

/** A page taken apart: the headline, every block of text with its features, and the rules' own choice. */
export interface AnalysedPage {
  title: string;
  page: ReturnType<typeof collectMeta>;
  ld: ReturnType<typeof readJsonLd>;
  analysis: PageAnalysis;
  /** Blocks the hand rules alone keep: inside the chosen container and cut by no pass. */
  ruleBlocks: Block[];
  /** A site rule's body selector matched: its blocks are the article, the model is not asked. */
  bySiteRule: boolean;
}

/** Pure: HTML text and its URL in, headline, byline, time, paragraphs and fingerprint out. */
export function extractArticle(html: string, url: string): ExtractResult {
  if (!MODEL_MATCHES) throw new Error('extract/model/block-model.json was trained on other features: run npm run train:extract');
  const analysed = analyseHtml(html, url);
  const { title, page, ld } = analysed;
  let paragraphs = selectParagraphs(analysed, MODEL);
  if (wordsIn(paragraphs) < MIN_ARTICLE_WORDS) {
    const more = lastResort(html, url, analysed, MODEL);
    if (wordsIn(more) > wordsIn(paragraphs)) paragraphs = more;
  }
  if (paragraphs.length === 0) throw new ExtractError('empty', `no article text found in ${url}`);
  // "Service unavailable", "Access denied", "Just a moment...": a soft error page, stored as a version, would be a false one.
  if (wordsIn(paragraphs) < MIN_ARTICLE_WORDS) throw new ExtractError('empty', `too little text for an article in ${url}`);
  return {
    title,
    byline: chooseByline(page, ld),
    published: choosePublished(page, ld),
    paragraphs,
    fingerprint: fingerprint(title, paragraphs),
    extractorVersion: EXTRACTOR_VERSION,
    canonicalUrl: chooseCanonical(page, url),
  };
}

/** A body of fewer words than this is one short line, not an article. */
const MIN_ARTICLE_WORDS = 6;
/** Runs of letters, marks and digits; each character of a script written without spaces counts as one. */
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]|[\p{L}\p{M}\p{N}]+/gu;
function wordsIn(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) {
    WORD.lastIndex = 0;
    while (n < MIN_ARTICLE_WORDS && WORD.exec(p) !== null) n++;
    if (n >= MIN_ARTICLE_WORDS) break;
  }
  return n;
}

/** The blocks the model keeps, filtered; the rules' choice when the model keeps nothing. */
export function selectParagraphs(analysed: AnalysedPage, model: BlockModel): string[] {
  const { analysis, title } = analysed;
  if (analysed.bySiteRule) return filterBlocks(analysed.ruleBlocks, title);
  const features = assembleFeatures(analysis, model.tokens);
  const short = analysis.blocks.filter((b, i) => isContainerProse(b, features[i])).length <= SHORT_ARTICLE;
  const titleKey = comparable(title);
  const ledes = findLedes(analysis, features);
  const embedded = embeddedLinks(analysis.blocks);
  const kept = analysis.blocks.filter((b, i) => {
    // filterBlocks drops link lists, furniture texts and the repeated headline anyway.
    const x = features[i];
    if (isBoilerplate(b, titleKey, x[FURNITURE_TEXT] === 1, embedded.has(b))) return false;
    const p = predict(model, x);
    if (p >= model.threshold || ledes.has(i)) return true;
    return p >= RULE_FLOOR && (isRuleProse(b, x) || (short && isContainerProse(b, x)) || (embedded.has(b) && isSteady(x)));
  });
  const paragraphs = filterBlocks(kept, title, embedded);
  return paragraphs.length > 0 ? paragraphs : filterBlocks(analysed.ruleBlocks, title);
}

/**
 * For pages where nothing visible reads as an article: the text a script would reveal (hidden
 * streamed markup), else the JSON-LD articleBody the page declares. Runs only on such pages.
 */
export function lastResort(html: string, url: string, analysed: AnalysedPage, model: BlockModel): string[] {
  const unhidden = selectParagraphs(analyseHtml(html, url, { keepHidden: true }), model);
  if (unhidden.length > 0) return unhidden;
  const body = analysed.ld?.articleBody;
  return body ? body.split(/\n+/).map(normalizeText).filter(Boolean) : [];
}

/** Parses the page, runs the boilerplate passes (recording, not deleting) and describes every block. */
export function analyseHtml(html: string, url: string, opts: { keepHidden?: boolean } = {}): AnalysedPage {
  assertLooksLikeHtml(html, url);
  const doc = parseHtml(html);
  const page = collectMeta(doc);
  const ld = readJsonLd(doc);
  const rule = ruleFor(url);
  const title = (rule?.title && selectedText(rule.title, doc)) || chooseTitle(page, ld, url);

  removeJunk(doc, opts.keepHidden);
  for (const selector of rule?.drop ?? []) removeNodes(selectAll<AnyNode, Element>(selector, doc));
  const removals = new Removals();
  const { containers, raw, bySiteRule } = runPasses(doc, rule, removals);
  removals.restore();

  const reasons = removals.reasons;
  const root = rootElement(doc);
  // Short inline furniture (a share link inside a paragraph) is left out; a long inline wrapper
  // a pass took out (a <span> holding the whole article) is read, and judged by the model.
  const blocks = root ? collectBlocks(root, (el) => reasons.has(el) && raw.text(el) < 200) : [];
  const analysis = analysePage({ blocks, reasons, containers, stats: raw, title });
  const ruleBlocks = blocks.filter((_b, i) => analysis.base[i][CUT_ANY] === 0 && analysis.base[i][IN_CONTAINER] === 1);
  return { title, page, ld, analysis, ruleBlocks, bySiteRule };
}

const CUT_ANY = FEATURE_NAMES.indexOf('cutAny');

/**
 * A long paragraph of the chosen container that no pass cut is kept unless the model is nearly
 * sure it is furniture: the model may trim a container, not tear holes in its prose (a paragraph
 * dropped there is an edit the tracker would miss). 0.15 was chosen on the by-site folds (0.05,
 * 0.1, 0.15, 0.25 tried) for the position-feature model, never in-sample.
 */
const RULE_FLOOR = 0.15;
function isRuleProse(b: Block, x: Float32Array): boolean {
  return isSteady(x) && b.text.length >= 150 && b.linkDensity < 0.2;
}
/** In the chosen container and cut by no pass (an embedded link line is held to the same floor). */
function isSteady(x: Float32Array): boolean {
  return x[IN_CONTAINER] === 1 && x[CUT_ANY] === 0;
}

/**
 * A sentence of the chosen container's own prose: a paragraph no pass cut, mostly not links,
 * ending like a sentence, not a furniture text.
 */
function isContainerProse(b: Block, x: Float32Array): boolean {
  if (x[IN_CONTAINER] !== 1 || x[CUT_ANY] !== 0 || b.linkDensity >= 0.2 || b.text.length < 40) return false;
  return (b.kind === 'p' || b.kind === 'quote' || b.kind === 'other') && x[ENDS_WITH_PUNCT] === 1 && x[FURNITURE_TEXT] === 0;
}
/**
 * A short article (at most this many prose paragraphs in its container) keeps every one of them
 * the model is unsure of: with little text around, the model's context features (the aside right
 * after the last paragraph, the few neighbours) say little, and a dropped paragraph is a missed edit.
 */
const SHORT_ARTICLE = 6;
const ENDS_WITH_PUNCT = FEATURE_NAMES.indexOf('endsWithPunct');
const FURNITURE_TEXT = FEATURE_NAMES.indexOf('furnitureText');

const IN_CONTAINER = FEATURE_NAMES.indexOf('inContainer');

/** The hand-written passes, in order; what they take out is recorded in `removals`. */
function runPasses(doc: Document, rule: SiteRule | null, removals: Removals) {
  const remove = removals.remove;
  removeSemantic(doc, remove);
  removals.flush();
  const raw = computeStats(doc);
  // What these passes detach, the statistics after them are brought up to date for (the
  // ancestors of what was taken out), instead of computed again for the whole page.
  const cutParents: ParentNode[] = [];
  const cut: Remover = (el, reason) => {
    const parent = el.parent;
    remove(el, reason);
    if (parent && !el.parent) cutParents.push(parent);
  };
  // Each pass reads the children arrays the one before changed: brought up to date after each.
  for (const pass of [removeTeaserLists, removeLinkLists, removeFurniture] as const) {
    pass(doc, raw, cut);
    removals.flush();
  }
  removeStrongNegative(doc, cut);
  removals.flush();
  const stats = raw.copy();
  refreshStats(stats, cutParents);
  const totalProse = doc.children.reduce((sum, c) => sum + (isElement(c) ? stats.prose(c) : 0), 0);
  // Judged on the statistics after strong removal; brought up to date once the pass is done.
  const weakParents: ParentNode[] = [];
  removeWeakNegative(
    doc,
    (el) => stats.prose(el),
    totalProse,
    (el, reason) => {
      const parent = el.parent;
      remove(el, reason);
      if (parent && !el.parent) weakParents.push(parent);
    },
  );
  removals.flush();
  refreshStats(stats, weakParents);
  let containers: Element[] = [];
  if (rule?.body) {
    const matched = selectAll<AnyNode, Element>(rule.body, doc);
    // Nested matches would be read twice; keep the outermost ones.
    containers = matched.filter((el) => !matched.some((o) => o !== el && isAncestor(o, el)));
  }
  const bySiteRule = containers.length > 0;
  if (!bySiteRule) {
    const container = chooseContainer(doc, stats);
    if (container) containers = [container];
  }
  return { containers: new Set(containers), raw, bySiteRule };
}

/** The page's one root element, or a detached wrapper over the top-level nodes of a fragment. */
function rootElement(doc: Document): Element | null {
  const elements = doc.children.filter(isElement);
  const loose = doc.children.some((c) => c instanceof Text && c.data.trim() !== '');
  if (elements.length === 1 && !loose) return elements[0];
  return doc.children.length > 0 ? new Element('html', {}, [...doc.children]) : null;
}

function isAncestor(a: Element, b: Element): boolean {
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

function selectedText(selector: string, doc: Document): string {
  const el = selectOne<AnyNode, Element>(selector, doc);
  return el ? normalizeText(textOf(el)) : '';
}

function assertLooksLikeHtml(html: string, url: string): void {
  const head = html.slice(0, 4096);
  // Binary files served as text/html: NULs or many control characters near the start.
  const controls = head.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (head.includes('\u0000') || controls > head.length * 0.05) throw new ExtractError('not-html', `${url} is binary, not HTML`);
  if (!/<[a-zA-Z!?]/.test(html.slice(0, 65536))) throw new ExtractError('not-html', `${url} has no HTML markup`);
}
