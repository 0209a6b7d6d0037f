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

/** All trees' nodes in flat typed arrays, child indexes absolute: one compact walk per tree. */
interface Compiled {
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

const compiled = new WeakMap<BlockModel, Compiled>();

function compile(model: BlockModel): Compiled {
  let c = compiled.get(model);
  if (c) return c;
  const size = model.trees.reduce((n, t) => n + t.feature.length, 0);
  c = {
    roots: new Int32Array(model.trees.length),
    feature: new Int32Array(size),
    threshold: new Float64Array(size),
    left: new Int32Array(size),
    right: new Int32Array(size),
    value: new Float64Array(size),
  };
  let at = 0;
  model.trees.forEach((t, k) => {
    c!.roots[k] = at;
    for (let i = 0; i < t.feature.length; i++) {
      c!.feature[at + i] = t.feature[i];
      c!.threshold[at + i] = t.threshold[i];
      c!.left[at + i] = at + t.left[i];
      c!.right[at + i] = at + t.right[i];
      c!.value[at + i] = t.value[i];
    }
    at += t.feature.length;
  });
  compiled.set(model, c);
  return c;
}

export function predictLogit(model: BlockModel, x: ArrayLike<number>): number {
  const { roots, feature, threshold, left, right, value } = compile(model);
  let sum = model.bias;
  for (let k = 0; k < roots.length; k++) {
    let i = roots[k];
    for (let f = feature[i]; f >= 0; f = feature[i]) i = x[f] <= threshold[i] ? left[i] : right[i];
    sum += value[i];
  }
  return sum;
}

export function predict(model: BlockModel, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-predictLogit(model, x)));
}
