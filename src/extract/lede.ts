/** The lede rule: a standfirst or lede paragraph with its own class is kept (extract/index.ts). */
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
  let start = Math.max(0, first - LEDE_BEFORE);
  for (let i = first; i >= 0; i--)
    if (features[i][TITLE_TEXT] === 1) {
      start = i + 1;
      break;
    }
  const end = Math.min(blocks.length - 1, first + LEDE_INTO);
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
const FURNITURE_TEXT = FEATURE_NAMES.indexOf('furnitureText');
