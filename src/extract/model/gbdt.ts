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

export function predictLogit(model: BlockModel, x: ArrayLike<number>): number {
  let sum = model.bias;
  for (const t of model.trees) {
    let i = 0;
    while (t.feature[i] >= 0) i = x[t.feature[i]] <= t.threshold[i] ? t.left[i] : t.right[i];
    sum += t.value[i];
  }
  return sum;
}

export function predict(model: BlockModel, x: ArrayLike<number>): number {
  return 1 / (1 + Math.exp(-predictLogit(model, x)));
}
