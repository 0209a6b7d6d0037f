import type { Block } from './blocks.ts';
import { classWords } from './clean.ts';
import { attr, isElement, orderOf, type Element, type ParentNode, type RemovalReason } from './dom.ts';
import { isFurnitureText } from './filter.ts';
import { comparable } from './metadata.ts';
import type { PageStats } from './stats.ts';
import { mayStartWith } from './title-words.ts';

import { steadyBlocks } from './assemble.ts';
import { F, FEATURE_COUNT } from './feature-names.ts';
import { KeptStats } from './kept-stats.ts';
import { addLongAfterTitle, addSectionText } from './steady-position.ts';

export { FEATURE_COUNT, FEATURE_NAMES } from './feature-names.ts';
export { assembleFeatures } from './assemble.ts';

/** Token weights: class/id words, itemprop and role values, learned as log-odds of holding article text. */
export type TokenTable = Record<string, number>;

/** Everything about a page's blocks the features need, independent of the learned token weights. */
export interface PageAnalysis {
  blocks: Block[];
  /** Base features per block (token features left at 0 until `assembleFeatures`). */
  base: Float32Array[];
  /** Class/id tokens of each block's element and its ancestors, nearest first (at most PATH_LIMIT). */
  paths: string[][][];
}

const PATH_LIMIT = 10;
const REASONS: RemovalReason[] = ['semantic', 'teaser', 'linklist', 'furniture', 'strong', 'weak'];

export interface AnalysisInput {
  blocks: Block[];
  /** Which pass would take the element out, for the outermost removed subtree it lies in. */
  reasons: Map<unknown, RemovalReason>;
  containers: Set<Element>;
  /** Statistics of the page before any removal. */
  stats: PageStats;
  title: string;
}

/**
 * Words CSS-in-JS and component frameworks put on every element ("css-1x2y3z", "sc-bdVaJa",
 * "svelte-xyz"): they change with every rebuild, so they and anything with a digit never count.
 */
const GENERATED = new Set(['css', 'jsx', 'sc', 'svelte', 'emotion', 'astro', 'tw']);
const WORD_TOKEN = /^[a-z]{2,}$/;

export function elementTokens(el: Element): string[] {
  const words = classWords(el).filter((w) => WORD_TOKEN.test(w) && !GENERATED.has(w));
  const itemprop = attr(el, 'itemprop');
  const role = attr(el, 'role');
  if (itemprop) words.push(`itemprop:${itemprop.toLowerCase()}`);
  if (role) words.push(`role:${role.toLowerCase()}`);
  return words;
}

/** elementTokens of the element, kept on it once computed (a shared array: do not modify it). */
function tokensOf(el: Element): string[] {
  const own = el as TokensElement;
  return (own.tokens ??= elementTokens(el));
}
type TokensElement = Element & { tokens?: string[] };

/** Sentence-ending characters (all single UTF-16 units): . ! ? 。 ！ ？ ؟ ।, compared as codes. */
function isSentenceEnd(code: number): boolean {
  return (
    code === 46 || code === 33 || code === 63 || code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x61f || code === 0x964
  );
}
/** Characters a block may end with to read as a sentence (single UTF-16 units): a sentence end or `:;"”’)`. */
const END_PUNCT = [...'.!?。！？؟।:;"”’)'].map((c) => c.charCodeAt(0));
function endsWithPunct(text: string): boolean {
  return text.length > 0 && END_PUNCT.includes(text.charCodeAt(text.length - 1));
}

export function analysePage(input: AnalysisInput): PageAnalysis {
  const { blocks, reasons, containers, stats } = input;
  const titleKey = comparable(input.title);
  const n = blocks.length;
  // One buffer for the page, a view per block: a typed array of its own per block costs an
  // off-heap allocation each.
  const matrix = new Float32Array(n * FEATURE_COUNT);
  const base: Float32Array[] = [];
  const paths: string[][][] = [];
  const inContainer = new Uint8Array(n);
  let longest = 1;
  for (const b of blocks) longest = Math.max(longest, b.text.length);
  const ancestors = new Ancestries(stats.size, reasons, containers);
  const kept = new KeptStats(stats, reasons);
  // Blocks per parent: at the parent's document order, the few whose parent is not a parsed element in a Map.
  const siblingsAt = new Int32Array(stats.size);
  const siblingsOf = new Map<ParentNode | null, number>();
  for (const b of blocks) {
    const at = parentOrder(b.el, stats.size);
    if (at >= 0) siblingsAt[at]++;
    else siblingsOf.set(b.el.parent, (siblingsOf.get(b.el.parent) ?? 0) + 1);
  }
  let path: string[][] = [];

  for (let i = 0; i < n; i++) {
    const b = blocks[i];
    const x = matrix.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT);
    const text = b.text;
    // One pass over the characters: spaces (words), sentence ends, commas, digits, capitals.
    let spaces = 0;
    let ends = 0;
    let commas = 0;
    let digits = 0;
    let caps = 0;
    for (let c = 0; c < text.length; c++) {
      const code = text.charCodeAt(c);
      if (code === 32) spaces++;
      else if (code === 44) commas++;
      else if (code >= 48 && code <= 57) digits++;
      else if (code >= 65 && code <= 90 && (c === 0 || text.charCodeAt(c - 1) === 32)) caps++;
      else if (isSentenceEnd(code)) ends++;
    }
    const words = spaces + 1;
    x[F.logChars] = Math.log1p(text.length);
    x[F.logWords] = Math.log1p(words);
    x[F.linkDensity] = b.linkDensity;
    x[F.sentenceEnds] = ends / words;
    x[F.endsWithPunct] = endsWithPunct(text) ? 1 : 0;
    x[F.commaRate] = commas / words;
    x[F.digitShare] = digits / text.length;
    x[F.capitalisedShare] = caps / words;
    x[F.furnitureText] = isFurnitureText(text) ? 1 : 0;
    const key = titleKey && text.length < titleKey.length + 60 && mayStartWith(text, titleKey) ? comparable(text) : '';
    x[F.titleText] = key !== '' && (key === titleKey || key.startsWith(titleKey)) ? 1 : 0;
    x[F.kindP] = b.kind === 'p' ? 1 : 0;
    x[F.kindHeading] = b.kind === 'heading' ? 1 : 0;
    x[F.headingLevel] = b.level;
    x[F.kindLi] = b.kind === 'li' ? 1 : 0;
    x[F.kindQuote] = b.kind === 'quote' ? 1 : 0;
    x[F.kindPre] = b.kind === 'pre' ? 1 : 0;
    x[F.kindOther] = b.kind === 'other' ? 1 : 0;

    // What the block's ancestors say (nearest removal reason, container, tags, depth), shared
    // by every block under the same element; then the class/id tokens of the nearest ones.
    // Blocks of one element (div-and-br paragraphs) share its path.
    if (i === 0 || b.el !== blocks[i - 1].el) {
      path = [];
      for (let el: ParentNode | null = b.el; el && isElement(el) && path.length < PATH_LIMIT; el = el.parent) path.push(tokensOf(el));
    }
    const up = ancestors.of(b.el);
    const tags = ancestryTags(up);
    for (let t = 0; t < TAG_FEATURES.length; t++) if (tags & (1 << t)) x[TAG_FEATURES[t]] = 1;
    const reason = ancestryReason(up);
    const contained = ancestryContained(up);
    if (reason >= 0) {
      x[F.cutSemantic + reason] = 1;
      x[F.cutAny] = 1;
    }
    x[F.inContainer] = contained ? 1 : 0;
    inContainer[i] = contained ? 1 : 0;
    x[F.depth] = Math.min(ancestors.depth, 60);
    const parent = b.el.parent && isElement(b.el.parent) ? b.el.parent : undefined;
    if (parent) {
      // An element the statistics do not cover reads as zeros: these stay 0.
      // Without what the passes cut: an inserted related list or ad beside it moves none of these.
      const [parentText, parentLink, parentProse] = kept.of(parent);
      x[F.parentLogText] = Math.log1p(parentText);
      x[F.parentLinkDensity] = parentText > 0 ? parentLink / parentText : 0;
      x[F.parentProseShare] = parentText > 0 ? parentProse / parentText : 0;
    }
    const at = parentOrder(b.el, stats.size);
    x[F.siblingBlocks] = Math.log1p(at >= 0 ? siblingsAt[at] : (siblingsOf.get(b.el.parent) ?? 0));
    x[F.shareOfLongest] = text.length / longest;
    base.push(x);
    paths.push(path);
  }

  // Distance to the chosen container (0 inside, negative before it, positive after), counted in
  // blocks that are not link lists, teasers or furniture, so inserting those moves nothing.
  const steady = steadyBlocks(base);
  const first = steady.findIndex((b) => inContainer[b] === 1);
  let last = -1;
  for (let q = 0; q < steady.length; q++) if (inContainer[steady[q]] === 1) last = q;
  // k: the place among the steady blocks of the last steady block up to i (0 before the first).
  let k = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    if (q < steady.length && steady[q] === i) k = q++;
    const d = first < 0 ? 50 : k < first ? -(first - k) : k > last ? k - last : 0;
    base[i][F.containerDistance] = Math.sign(d) * Math.log1p(Math.abs(d));
  }
  addSectionText(base);
  addLongAfterTitle(blocks, base);
  return { blocks, base, paths };
}

const TAG_FEATURES = [
  F.inArticle,
  F.inMain,
  F.inHeader,
  F.inNav,
  F.inAside,
  F.inFooter,
  F.inFigure,
  F.inTable,
  F.inLink,
  F.inForm,
  F.inList,
];
const TAG_BIT = new Map<string, number>(
  Object.entries({
    article: 0,
    main: 1,
    header: 2,
    nav: 3,
    aside: 4,
    footer: 5,
    figure: 6,
    figcaption: 6,
    table: 7,
    a: 8,
    form: 9,
    ul: 10,
    ol: 10,
  }).map(([tag, bit]) => [tag, 1 << bit]),
);

/**
 * What an element's ancestors (and the element) say, packed in one number: bit 0 set once
 * known, bit 1 inside a chosen container, bits 2-4 the index in REASONS of the nearest removal
 * plus one (0: none), from bit 5 the TAG_FEATURES bits of their tags.
 */
const ancestryTags = (info: number) => info >>> 5;
const ancestryReason = (info: number) => ((info >>> 2) & 7) - 1;
const ancestryContained = (info: number) => (info & 2) !== 0;

/**
 * Every element's ancestry, computed once per element (iteratively: pages nest deeply) and kept
 * at its document order; `of` also leaves the element's depth in `depth`.
 */
class Ancestries {
  private readonly info: Int32Array;
  private readonly depths: Int32Array;
  private readonly chain: Element[] = [];
  depth = 0;

  constructor(
    private readonly size: number,
    private readonly reasons: Map<unknown, RemovalReason>,
    private readonly containers: Set<Element>,
  ) {
    this.info = new Int32Array(size);
    this.depths = new Int32Array(size);
  }

  of(el: Element): number {
    const { chain, info, depths } = this;
    // The chain array is reused without shrinking it (setting its length would free its storage).
    let links = 0;
    let at: ParentNode | null = el;
    let acc = 1;
    let depth = 0;
    while (at && isElement(at)) {
      const i = this.orderIn(at);
      if (i >= 0 && info[i] !== 0) {
        acc = info[i];
        depth = depths[i];
        break;
      }
      chain[links++] = at;
      at = at.parent;
    }
    for (let c = links - 1; c >= 0; c--) {
      const e = chain[c];
      const reason = this.reasons.get(e);
      if (reason) acc = (acc & ~(7 << 2)) | ((REASONS.indexOf(reason) + 1) << 2);
      if (this.containers.has(e)) acc |= 2;
      acc |= (TAG_BIT.get(e.name) ?? 0) << 5;
      depth++;
      const i = this.orderIn(e);
      if (i >= 0) {
        info[i] = acc;
        depths[i] = depth;
      }
    }
    this.depth = depth;
    return acc;
  }

  /** The element's document order when the arrays hold it, else -1 (an element parseHtml did not make). */
  private orderIn(el: Element): number {
    const i = orderOf(el);
    return i < this.size ? i : -1;
  }
}

/** The document order of the element's parent, when it is a parsed element of the page; else -1. */
function parentOrder(el: Element, size: number): number {
  const parent = el.parent;
  if (!parent || !isElement(parent)) return -1;
  const i = orderOf(parent);
  return i < size ? i : -1;
}
