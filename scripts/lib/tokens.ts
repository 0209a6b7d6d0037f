import type { TokenTable } from '../../src/extract/features.ts';

export interface TokenPage {
  host: string;
  /** Per block: the class/id tokens of its element and its ancestors. */
  paths: string[][][];
  labels: Uint8Array;
  weights: Float32Array;
}

/** Tokens seen on fewer sites than this get no weight: a site's own class names must not be learned. */
const MIN_SITES = 5;
/** Pseudo-sites at the prior that every estimate is shrunk towards. */
const SHRINK = 3;

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Site-balanced log-odds of "this block is article text" for each token on a block's path:
 * every site gets one vote per token (the share of its weight in article blocks), so a large
 * site cannot make its own markup a rule.
 */
export function learnTokens(pages: TokenPage[]): TokenTable {
  const perSite = new Map<string, Map<string, { pos: number; all: number }>>();
  let pos = 0;
  let all = 0;
  for (const page of pages) {
    for (let i = 0; i < page.paths.length; i++) {
      const w = page.weights[i];
      const y = page.labels[i];
      pos += y * w;
      all += w;
      const seen = new Set<string>();
      for (const tokens of page.paths[i]) for (const t of tokens) seen.add(t);
      for (const t of seen) {
        let sites = perSite.get(t);
        if (!sites) perSite.set(t, (sites = new Map()));
        const s = sites.get(page.host) ?? { pos: 0, all: 0 };
        s.pos += y * w;
        s.all += w;
        sites.set(page.host, s);
      }
    }
  }
  const prior = Math.min(0.95, Math.max(0.05, pos / all));
  const table: TokenTable = {};
  for (const [token, sites] of perSite) {
    if (sites.size < MIN_SITES) continue;
    let sum = 0;
    for (const s of sites.values()) sum += s.pos / s.all;
    const p = Math.min(0.99, Math.max(0.01, (sum + SHRINK * prior) / (sites.size + SHRINK)));
    const weight = logit(p) - logit(prior);
    if (Math.abs(weight) >= 0.05) table[token] = Number(weight.toFixed(3));
  }
  return table;
}
