/**
 * Gradient-boosted regression trees with logistic loss, histogram splits (at most 64 bins per
 * feature), row subsampling and L2-regularised leaves: the small learner behind the block
 * classifier. Trees come out in the flat form src/extract/model/gbdt.ts evaluates.
 */
import type { Tree } from '../../src/extract/model/gbdt.ts';
import { seededRandom } from '../../src/demo/random.ts';

export interface TrainOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Minimum hessian sum in a child. */
  minChild: number;
  subsample: number;
  seed: number;
}

export const DEFAULT_OPTIONS: TrainOptions = { trees: 150, depth: 5, learningRate: 0.15, lambda: 1, minChild: 2, subsample: 0.6, seed: 1 };

const BINS = 64;

export interface Dataset {
  rows: number;
  features: number;
  /** Row-major values: x[r * features + f]. */
  x: Float32Array;
  y: Uint8Array;
  w: Float32Array;
}

/** Upper bin edges per feature from (a sample of) the values: x <= edge[b] falls in bin b. */
function binEdges(d: Dataset, rand: () => number): Float32Array[] {
  const sample = Math.min(d.rows, 40000);
  const idx = Array.from({ length: sample }, () => Math.floor(rand() * d.rows));
  const edges: Float32Array[] = [];
  for (let f = 0; f < d.features; f++) {
    const vals = idx.map((r) => d.x[r * d.features + f]).sort((a, b) => a - b);
    const uniq: number[] = [];
    for (const v of vals) if (uniq.length === 0 || uniq[uniq.length - 1] !== v) uniq.push(v);
    let cuts: number[];
    if (uniq.length <= BINS) cuts = uniq.slice(0, -1).map((v, i) => (v + uniq[i + 1]) / 2);
    else {
      const set = new Set<number>();
      for (let b = 1; b < BINS; b++) {
        const v = vals[Math.floor((b * vals.length) / BINS)];
        const prev = vals[Math.floor((b * vals.length) / BINS) - 1];
        if (v !== prev) set.add((v + prev) / 2);
      }
      cuts = [...set].sort((a, b) => a - b);
    }
    edges.push(Float32Array.from([...cuts, Infinity]));
  }
  return edges;
}

function binOf(edges: Float32Array, v: number): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface TrainedModel {
  bias: number;
  trees: Tree[];
}

export function train(d: Dataset, opts: TrainOptions = DEFAULT_OPTIONS): TrainedModel {
  const rand = seededRandom(opts.seed);
  const F = d.features;
  const edges = binEdges(d, rand);
  // Column-major bins for histogram building.
  const bins = new Uint8Array(d.rows * F);
  for (let f = 0; f < F; f++) for (let r = 0; r < d.rows; r++) bins[f * d.rows + r] = binOf(edges[f], d.x[r * F + f]);
  let wPos = 0;
  let wAll = 0;
  for (let r = 0; r < d.rows; r++) {
    wAll += d.w[r];
    if (d.y[r]) wPos += d.w[r];
  }
  const p0 = Math.min(0.99, Math.max(0.01, wPos / wAll));
  const bias = Math.log(p0 / (1 - p0));
  const logit = new Float64Array(d.rows).fill(bias);
  const g = new Float64Array(d.rows);
  const h = new Float64Array(d.rows);
  const trees: Tree[] = [];
  const histSize = F * BINS * 2;

  for (let t = 0; t < opts.trees; t++) {
    for (let r = 0; r < d.rows; r++) {
      const p = 1 / (1 + Math.exp(-logit[r]));
      g[r] = (p - d.y[r]) * d.w[r];
      h[r] = Math.max(1e-6, p * (1 - p)) * d.w[r];
    }
    const sampled: number[] = [];
    for (let r = 0; r < d.rows; r++) if (rand() < opts.subsample) sampled.push(r);
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const newNode = () => {
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(0);
      return tree.feature.length - 1;
    };
    const histogram = (rows: Int32Array) => {
      const hist = new Float64Array(histSize);
      for (let f = 0; f < F; f++) {
        const col = f * d.rows;
        const off = f * BINS * 2;
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i];
          const b = off + bins[col + r] * 2;
          hist[b] += g[r];
          hist[b + 1] += h[r];
        }
      }
      return hist;
    };
    type Pending = { node: number; rows: Int32Array; hist: Float64Array; depth: number };
    const root: Pending = { node: newNode(), rows: Int32Array.from(sampled), hist: new Float64Array(0), depth: 0 };
    root.hist = histogram(root.rows);
    const queue: Pending[] = [root];
    while (queue.length > 0) {
      const n = queue.shift()!;
      let G = 0;
      let H = 0;
      for (let b = 0; b < BINS; b++) {
        G += n.hist[b * 2];
        H += n.hist[b * 2 + 1];
      }
      tree.value[n.node] = (-G / (H + opts.lambda)) * opts.learningRate;
      if (n.depth >= opts.depth || H < 2 * opts.minChild) continue;
      const parentScore = (G * G) / (H + opts.lambda);
      let bestGain = 1e-9;
      let bestF = -1;
      let bestBin = -1;
      for (let f = 0; f < F; f++) {
        const off = f * BINS * 2;
        let gl = 0;
        let hl = 0;
        const last = edges[f].length - 1;
        for (let b = 0; b < last; b++) {
          gl += n.hist[off + b * 2];
          hl += n.hist[off + b * 2 + 1];
          const hr = H - hl;
          if (hl < opts.minChild || hr < opts.minChild) continue;
          const gr = G - gl;
          const gain = (gl * gl) / (hl + opts.lambda) + (gr * gr) / (hr + opts.lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestF = f;
            bestBin = b;
          }
        }
      }
      if (bestF < 0) continue;
      const col = bestF * d.rows;
      let nl = 0;
      for (let i = 0; i < n.rows.length; i++) if (bins[col + n.rows[i]] <= bestBin) nl++;
      const leftRows = new Int32Array(nl);
      const rightRows = new Int32Array(n.rows.length - nl);
      let li = 0;
      let ri = 0;
      for (let i = 0; i < n.rows.length; i++) {
        const r = n.rows[i];
        if (bins[col + r] <= bestBin) leftRows[li++] = r;
        else rightRows[ri++] = r;
      }
      tree.feature[n.node] = bestF;
      tree.threshold[n.node] = edges[bestF][bestBin];
      const l = newNode();
      const r = newNode();
      tree.left[n.node] = l;
      tree.right[n.node] = r;
      // Histogram subtraction: build the smaller child, derive the larger.
      const smallLeft = leftRows.length <= rightRows.length;
      const small = histogram(smallLeft ? leftRows : rightRows);
      const large = new Float64Array(histSize);
      for (let k = 0; k < histSize; k++) large[k] = n.hist[k] - small[k];
      queue.push({ node: l, rows: leftRows, hist: smallLeft ? small : large, depth: n.depth + 1 });
      queue.push({ node: r, rows: rightRows, hist: smallLeft ? large : small, depth: n.depth + 1 });
    }
    // Thresholds are raw values, so prediction on binned and raw features agrees.
    for (let r = 0; r < d.rows; r++) {
      let i = 0;
      while (tree.feature[i] >= 0) i = d.x[r * F + tree.feature[i]] <= tree.threshold[i] ? tree.left[i] : tree.right[i];
      logit[r] += tree.value[i];
    }
    trees.push(roundTree(tree));
  }
  return { bias, trees };
}

/** Fewer digits in the JSON; thresholds stay exact enough to fall between the same bins. */
function roundTree(t: Tree): Tree {
  const r = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(7)) : 1e30);
  return { ...t, threshold: t.threshold.map(r), value: t.value.map((v) => Number(v.toPrecision(6))) };
}
