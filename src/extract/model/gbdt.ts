import type { TokenTable } from '../features.ts';

/**
 * One regression tree in flat arrays: node i is a leaf when feature[i] < 0 (value[i] is its
 * output), else x[feature[i]] <= threshold[i] goes to left[i], otherwise to right[i].
 */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

/** The block classifier: gradient-boosted trees over FEATURE_NAMES plus the learned token weights. */
export interface BlockModel {
  /** Changes with every retraining; part of EXTRACTOR_VERSION. */
  version: string;
  features: string[];
  bias: number;
  /** A block is kept when its probability is at least this. */
  threshold: number;
  tokens: TokenTable;
  trees: Tree[];
}

/**
 * All trees padded to complete trees of one depth, heap order (node j's children are 2j+1 and
 * 2j+2), in flat typed arrays: a walk is a fixed number of steps with no test for leaves, and
 * four trees walk side by side, so the processor overlaps their loads instead of waiting for
 * each in turn. Below a leaf of depth d < depth, every node sends both ways to copies of the
 * leaf's value: the value reached is the original walk's. The values are added in the trees'
 * order from the bias, as a plain walk adds them (the same float additions, so the same bits).
 */
interface Compiled {
  depth: number;
  trees: number;
  /** Internal nodes: (2^depth - 1) per tree. */
  feature: Int32Array;
  threshold: Float64Array;
  /** Leaves: 2^depth per tree. */
  leaf: Float64Array;
}

const compiled = new WeakMap<BlockModel, Compiled>();
const MAX_DEPTH = 16;

function depthOf(t: Tree, i: number, d: number): number {
  if (d > 32 || !(i >= 0 && i < t.feature.length)) throw new Error(`block model: bad tree node ${i}`);
  return t.feature[i] < 0 ? 0 : 1 + Math.max(depthOf(t, t.left[i], d + 1), depthOf(t, t.right[i], d + 1));
}

function compile(model: BlockModel): Compiled {
  let c = compiled.get(model);
  if (c) return c;
  const depth = Math.max(0, ...model.trees.map((t) => depthOf(t, 0, 0)));
  // Padding doubles with each level: the trainer grows trees of depth 5.
  if (depth > MAX_DEPTH) throw new Error(`block model: trees of depth ${depth}, more than ${MAX_DEPTH}`);
  const inner = 2 ** depth - 1;
  const leaves = 2 ** depth;
  const n = model.trees.length;
  const feature = new Int32Array(n * inner);
  const threshold = new Float64Array(n * inner);
  const leaf = new Float64Array(n * leaves);
  model.trees.forEach((t, k) => {
    // Heap position j at level d holds original node i; below a leaf every position copies it.
    const place = (i: number, j: number, d: number): void => {
      if (d === depth) {
        leaf[k * leaves + (j - inner)] = t.value[i];
        return;
      }
      const isLeaf = t.feature[i] < 0;
      feature[k * inner + j] = isLeaf ? 0 : t.feature[i];
      threshold[k * inner + j] = isLeaf ? 0 : t.threshold[i];
      place(isLeaf ? i : t.left[i], 2 * j + 1, d + 1);
      place(isLeaf ? i : t.right[i], 2 * j + 2, d + 1);
    };
    place(0, 0, 0);
  });
  c = { depth, trees: n, feature, threshold, leaf };
  compiled.set(model, c);
  return c;
}

export function predictLogit(model: BlockModel, x: ArrayLike<number>): number {
  const { depth, trees, feature: f, threshold: t, leaf } = compile(model);
  const inner = 2 ** depth - 1;
  const leaves = inner + 1;
  let sum = model.bias;
  let k = 0;
  for (; k + 4 <= trees; k += 4) {
    const b0 = k * inner;
    const b1 = b0 + inner;
    const b2 = b1 + inner;
    const b3 = b2 + inner;
    let j0 = 0;
    let j1 = 0;
    let j2 = 0;
    let j3 = 0;
    for (let d = 0; d < depth; d++) {
      j0 = 2 * j0 + 2 - Number(x[f[b0 + j0]] <= t[b0 + j0]);
      j1 = 2 * j1 + 2 - Number(x[f[b1 + j1]] <= t[b1 + j1]);
      j2 = 2 * j2 + 2 - Number(x[f[b2 + j2]] <= t[b2 + j2]);
      j3 = 2 * j3 + 2 - Number(x[f[b3 + j3]] <= t[b3 + j3]);
    }
    const l = k * leaves - inner;
    sum += leaf[l + j0];
    sum += leaf[l + leaves + j1];
    sum += leaf[l + 2 * leaves + j2];
    sum += leaf[l + 3 * leaves + j3];
  }
  for (; k < trees; k++) {
    const b = k * inner;
    let j = 0;
    for (let d = 0; d < depth; d++) j = 2 * j + 2 - Number(x[f[b + j]] <= t[b + j]);
    sum += leaf[k * leaves - inner + j];
  }
  return sum;
}

export function predict(model: BlockModel, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-predictLogit(model, x)));
}
