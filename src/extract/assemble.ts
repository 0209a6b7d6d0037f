import { F, FEATURE_COUNT } from './feature-names.ts';
import type { PageAnalysis, TokenTable } from './features.ts';
import { charsOf, isSteady } from './steady-position.ts';

/** Blocks no filter cut (teaser, link list, furniture): the steady ones neighbours are measured over. */
export function steadyBlocks(base: Float32Array[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < base.length; i++) {
    if (isSteady(base[i])) out.push(i);
  }
  return out;
}

function scoreTokens(tokens: string[], table: TokenTable): number {
  let s = 0;
  for (const t of tokens) s += table[t] ?? 0;
  return s;
}

/** Final feature vectors: token scores from the learned table, then each block's neighbours. */
export function assembleFeatures(page: PageAnalysis, table: TokenTable): Float32Array[] {
  const { base, paths } = page;
  const n = base.length;
  // Neighbouring blocks share their ancestors' token arrays (kept on the elements) at the same
  // place in their paths: the score of the array last seen at each place is kept (no Map: one
  // grown per page allocated 2 % of the extraction's bytes).
  const lastTokens: (string[] | undefined)[] = [];
  const lastScore: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = base[i];
    const path = paths[i];
    let min = 0;
    let max = 0;
    let sum = 0;
    let nearest = 0;
    let nearestFound = false;
    for (let d = 0; d < path.length; d++) {
      const tokens = path[d];
      let s: number;
      if (lastTokens[d] === tokens) s = lastScore[d];
      else {
        s = scoreTokens(tokens, table);
        lastTokens[d] = tokens;
        lastScore[d] = s;
      }
      if (d === 0) x[F.tokenOwn] = s;
      if (s < min) min = s;
      if (s > max) max = s;
      sum += s;
      if (!nearestFound && path[d].length > 0 && s !== 0) {
        nearest = s;
        nearestFound = true;
      }
    }
    x[F.tokenMin] = min;
    x[F.tokenMax] = max;
    x[F.tokenSum] = sum;
    x[F.tokenNearest] = nearest;
  }
  const out: Float32Array[] = [];
  const matrix = new Float32Array(n * FEATURE_COUNT);
  const W = 3;
  // Neighbours are the nearest steady blocks, so an inserted link list or ad label changes no one's.
  const steady = steadyBlocks(base);
  const prevOf = new Int32Array(n).fill(-1);
  const nextOf = new Int32Array(n).fill(-1);
  const posOf = new Int32Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    while (s < steady.length && steady[s] < i) s++;
    posOf[i] = s;
    prevOf[i] = s > 0 ? steady[s - 1] : -1;
    const after = s < steady.length && steady[s] === i ? s + 1 : s;
    nextOf[i] = after < steady.length ? steady[after] : -1;
  }
  for (let i = 0; i < n; i++) {
    const x = matrix.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT);
    x.set(base[i]);
    const prev = prevOf[i] >= 0 ? base[prevOf[i]] : undefined;
    const next = nextOf[i] >= 0 ? base[nextOf[i]] : undefined;
    x[F.prevLogChars] = prev ? prev[F.logChars] : 0;
    x[F.nextLogChars] = next ? next[F.logChars] : 0;
    x[F.prevLinkDensity] = prev ? prev[F.linkDensity] : 0;
    x[F.nextLinkDensity] = next ? next[F.linkDensity] : 0;
    x[F.prevInContainer] = prev ? prev[F.inContainer] : 0;
    x[F.nextInContainer] = next ? next[F.inContainer] : 0;
    x[F.prevCut] = prev ? prev[F.cutAny] : 1;
    x[F.nextCut] = next ? next[F.cutAny] : 1;
    x[F.prevKindP] = prev ? prev[F.kindP] : 0;
    x[F.nextKindP] = next ? next[F.kindP] : 0;
    let chars = 0;
    let link = 0;
    let tok = 0;
    let count = 0;
    let inside = 0;
    const at = posOf[i];
    for (let q = Math.max(0, at - W); q <= Math.min(steady.length - 1, at + W); q++) {
      const j = steady[q];
      if (j === i) continue;
      chars += base[j][F.logChars];
      link += base[j][F.linkDensity];
      tok += base[j][F.tokenSum];
      if (isContainerText(base[j])) inside++;
      count++;
    }
    x[F.windowLogChars] = count ? chars / count : 0;
    x[F.windowLinkDensity] = count ? link / count : 0;
    x[F.windowTokenSum] = count ? tok / count : 0;
    x[F.windowContainerShare] = count ? inside / count : 0;
    out.push(x);
  }
  addPosition(base, out);
  return out;
}

/** Uncut text of the chosen container, headings left out (an inserted "More on this" heading shifts nothing). */
const isContainerText = (x: Float32Array) => x[F.inContainer] === 1 && x[F.cutAny] === 0 && x[F.kindHeading] === 0;

/**
 * Where a block stands in the article, counted over steady blocks only (an inserted promo moves
 * nobody): the share of the container's uncut text before it and the text after it (a call to
 * action or an author bio comes after the article's last paragraph), and before or after the
 * headline block. Its section's text is steady-position.ts's sectionText.
 */
function addPosition(base: Float32Array[], out: Float32Array[]): void {
  const n = base.length;
  const steady = new Uint8Array(n);
  for (const i of steadyBlocks(base)) steady[i] = 1;
  let total = 0;
  for (let i = 0; i < n; i++) if (steady[i] && isContainerText(base[i])) total += charsOf(base[i]);
  const title = base.findIndex((x) => x[F.titleText] === 1);
  let before = 0;
  for (let i = 0; i < n; i++) {
    const x = out[i];
    const own = steady[i] && isContainerText(base[i]) ? charsOf(base[i]) : 0;
    x[F.proseBefore] = total > 0 ? before / total : 0;
    x[F.proseAfter] = Math.log1p(Math.max(0, total - before - own));
    x[F.afterTitle] = title < 0 ? 0.5 : i > title ? 1 : 0;
    before += own;
  }
}
