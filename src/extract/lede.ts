/**
 * The lede rules: a standfirst or lede paragraph with its own class, and the dek right under the
 * headline whatever its class, are kept (extract/index.ts).
 */
import { FEATURE_NAMES, type PageAnalysis } from './features.ts';

/** Class words of an article's lede: standfirst, dek, summary, intro. */
const LEDE_WORDS = new Set([
  'standfirst',
  'dek',
  'lede',
  'lead',
  'leadin',
  'intro',
  'introduction',
  'summary',
  'subtitle',
  'subheadline',
  'subhead',
  'sapo',
  'chapo',
  'excerpt',
  'strapline',
]);

/**
 * The standfirst under the headline, a lede paragraph with its own class: prose on the element
 * or its parent classed as a lede, at the start of the article (after the headline, at most
 * LEDE_INTO blocks into the container), and the only blocks of the page with that class word
 * (a class word repeated over many blocks is a list of teasers, excerpts or author bios).
 * Newsrooms edit the lede most.
 */
export function findLedes(analysis: PageAnalysis, features: Float32Array[]): Set<number> {
  const out = new Set<number>();
  const { blocks, paths } = analysis;
  const first = features.findIndex((x) => x[IN_CONTAINER] === 1);
  if (first < 0) return out;
  const title = headlineAt(features, first);
  const start = title >= 0 ? title + 1 : Math.max(0, first - LEDE_BEFORE);
  // Counted from the headline when the container opens above it (a breadcrumb, the <h1> itself).
  const end = Math.min(blocks.length - 1, Math.max(first, start) + LEDE_INTO);
  const dek = title >= 0 ? findDek(analysis, features, start) : -1;
  if (dek >= 0) out.add(dek);
  const candidates: [number, string[]][] = [];
  for (let i = start; i <= end; i++) {
    const b = blocks[i];
    const x = features[i];
    if (b.text.length < 40 || b.linkDensity > 0.3 || x[CONTAINER_DISTANCE] > 0 || x[FURNITURE_TEXT] === 1) continue;
    const words = ledeWords(paths[i]);
    if (words.length > 0) candidates.push([i, words]);
  }
  if (candidates.length === 0) return out;
  const uses = new Map<string, number>();
  for (const path of paths) for (const w of ledeWords(path)) uses.set(w, (uses.get(w) ?? 0) + 1);
  for (const [i, words] of candidates) if (words.every((w) => (uses.get(w) ?? 0) <= LEDE_REPEATS)) out.add(i);
  return out;
}
/**
 * The dek: the first block of some length under the headline (passing over a byline, a date, a
 * row of share links) when it reads as a sentence of the article: no links, no furniture text,
 * not in a figure, nav, form or footer, and at least DEK_MIN_WORDS words ending like a sentence
 * (or twice as many). Sites class it with words of their own ("hero-text", "description", a
 * generated "gf"), so it is known by its place and its words; the model, seeing a short block
 * between the headline and the body, often drops it, and a newsroom rewrites it most. `start`
 * is the block after the headline (findLedes); -1 when there is no dek.
 */
function findDek(analysis: PageAnalysis, features: Float32Array[], start: number): number {
  const { blocks, paths } = analysis;
  let author: string | undefined;
  for (let i = start; i < blocks.length && i < start + DEK_SCAN; i++) {
    const b = blocks[i];
    const x = features[i];
    if (x[TITLE_TEXT] === 1 || x[FURNITURE_TEXT] === 1 || b.text.length < 40 || b.linkDensity > 0.5) {
      author ??= BYLINE.exec(b.text)?.[2];
      continue;
    }
    // "By Jane Doe" then "Jane Doe is a writer who...": the author's bio, not a dek.
    if (author && b.text.startsWith(author)) return -1;
    return readsAsDek(b, x) && !paths[i].slice(0, 3).some((tokens) => tokens.some((t) => NOT_DEK_WORDS.has(t))) ? i : -1;
  }
  return -1;
}
function readsAsDek(b: PageAnalysis['blocks'][number], x: Float32Array): boolean {
  if ((b.kind !== 'p' && b.kind !== 'other') || b.linkDensity > 0.1 || b.text.length > DEK_MAX_CHARS) return false;
  if (OUTSIDE_TEXT.some((f) => x[f] === 1) || BYLINE.test(b.text)) return false;
  // In the container, or the block right before its first one.
  if (x[IN_CONTAINER] !== 1 && !(x[CONTAINER_DISTANCE] < 0 && x[CONTAINER_DISTANCE] >= ONE_BLOCK_BEFORE)) return false;
  const words = b.text.split(/\s+/).length;
  return words >= 2 * DEK_MIN_WORDS || (words >= DEK_MIN_WORDS && SENTENCE_END.test(b.text));
}
/** How many blocks under the headline the dek is looked for in. */
const DEK_SCAN = 4;
const DEK_MIN_WORDS = 8;
const DEK_MAX_CHARS = 600;
const SENTENCE_END = /[.!?\u2026]["'\u201d\u2019)]?$/u;
/** A byline, and the name it gives (up to a comma, "and" or the end). */
const BYLINE = /^(by|von|par|por|door|di|af)\s+([^,|\u2022]+?)(?:\s+(?:and|und|et|y|en|e|og)\s|,|\||\u2022|$)/iu;
/** Class words of what stands under a headline without being its dek: a form's messages, a promo, an author box. */
const NOT_DEK_WORDS = new Set([
  'form',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'promo',
  'cta',
  'modal',
  'popup',
  'cookie',
  'consent',
  'author',
  'bio',
  'byline',
]);
const OUTSIDE_TEXT = ['inFigure', 'inNav', 'inForm', 'inFooter', 'inLink'].map((n) =>
  FEATURE_NAMES.indexOf(n as (typeof FEATURE_NAMES)[number]),
);

/**
 * The headline over the article: the last block with the headline's text among the container's
 * first blocks (it opens with a breadcrumb, which may end with the headline, or a disclaimer above
 * the <h1>), else the last one before the container (a menu far above may repeat the headline; the
 * container's own is preferred). -1 when there is none.
 */
function headlineAt(features: Float32Array[], first: number): number {
  let found = -1;
  // Counted over the blocks no pass cut, so a long breadcrumb in the container moves nothing.
  const last = Math.min(features.length - 1, first + TITLE_SCAN);
  for (let i = first, uncut = 0; i <= last && uncut <= TITLE_INTO; i++) {
    if (features[i][TITLE_TEXT] === 1) found = i;
    if (features[i][CUT_ANY] === 0) uncut++;
  }
  if (found >= 0) return found;
  for (let i = first - 1; i >= 0; i--) if (features[i][TITLE_TEXT] === 1) return i;
  return -1;
}
/** How far into the container (in blocks no pass cut) the headline is looked for. */
const TITLE_INTO = 4;
/** ...and in blocks of any kind, where a pass cut the whole container. */
const TITLE_SCAN = 30;

/** The lede class words of a block's element and its parent, each once. */
function ledeWords(path: string[][]): string[] {
  let out: string[] | undefined;
  for (let d = 0; d < 2 && d < path.length; d++) for (const w of path[d]) if (LEDE_WORDS.has(w) && !out?.includes(w)) (out ??= []).push(w);
  return out ?? NO_WORDS;
}
const NO_WORDS: string[] = [];
/** How far a lede may stand from the container's first block, with no headline in between. */
const LEDE_BEFORE = 3;
const LEDE_INTO = 2;
/** A standfirst of two paragraphs shares its class; three or more blocks with it are a list. */
const LEDE_REPEATS = 2;
const TITLE_TEXT = FEATURE_NAMES.indexOf('titleText');
const IN_CONTAINER = FEATURE_NAMES.indexOf('inContainer');
const CONTAINER_DISTANCE = FEATURE_NAMES.indexOf('containerDistance');
/** containerDistance of the block right before the container (features.ts writes sign(d)·log1p(|d|), d = -1), in float32. */
const ONE_BLOCK_BEFORE = -Math.log1p(1) - 1e-6;
const FURNITURE_TEXT = FEATURE_NAMES.indexOf('furnitureText');
const CUT_ANY = FEATURE_NAMES.indexOf('cutAny');
