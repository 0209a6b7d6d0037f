import { describe, expect, it } from 'vitest';
import MODEL from './block-model.json' with { type: 'json' };
import { predictLogit, type BlockModel, type Tree } from './gbdt.ts';

/** The plain walk over a tree's flat arrays: what predictLogit must equal bit for bit. */
function walk(model: BlockModel, x: ArrayLike<number>): number {
  let sum = model.bias;
  for (const t of model.trees) {
    let i = 0;
    while (t.feature[i] >= 0) i = x[t.feature[i]] <= t.threshold[i] ? t.left[i] : t.right[i];
    sum += t.value[i];
  }
  return sum;
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** A tree of uneven shape: leaves at every depth up to `maxDepth`, nodes in no particular order. */
function randomTree(rnd: () => number, features: number, maxDepth: number): Tree {
  const t: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const grow = (depth: number): number => {
    const i = t.feature.length;
    t.feature.push(-1);
    t.threshold.push(0);
    t.left.push(-1);
    t.right.push(-1);
    t.value.push((rnd() - 0.5) * 2 ** Math.floor(rnd() * 20 - 10));
    if (depth < maxDepth && rnd() < 0.75) {
      t.feature[i] = Math.floor(rnd() * features);
      t.threshold[i] = Math.round((rnd() - 0.5) * 8) / 2;
      t.value[i] = 0;
      t.left[i] = grow(depth + 1);
      t.right[i] = grow(depth + 1);
    }
    return i;
  };
  grow(0);
  return t;
}

describe('predictLogit', () => {
  it('equals the plain walk bit for bit on uneven trees, ties, NaN and infinite features', () => {
    const rnd = random(7);
    for (const [trees, depth] of [
      [1, 0],
      [3, 1],
      [9, 4],
      [150, 5],
      [13, 7],
    ]) {
      const model: BlockModel = {
        version: 'test',
        features: [],
        bias: rnd() - 0.5,
        threshold: 0.5,
        tokens: {} as BlockModel['tokens'],
        trees: Array.from({ length: trees }, () => randomTree(rnd, 6, depth)),
      };
      for (let n = 0; n < 300; n++) {
        const pick = [() => NaN, () => Infinity, () => -Infinity, () => Math.round((rnd() - 0.5) * 8) / 2, () => rnd() * 4 - 2];
        const x = Float32Array.from({ length: 6 }, () => pick[Math.floor(rnd() * pick.length)]());
        expect(Object.is(predictLogit(model, x), walk(model, x))).toBe(true);
      }
    }
  });

  it('equals the plain walk with the shipped model', () => {
    const model = MODEL as BlockModel;
    const rnd = random(11);
    for (let n = 0; n < 200; n++) {
      const x = Float32Array.from({ length: model.features.length }, () => (rnd() < 0.3 ? 0 : (rnd() - 0.3) * 10));
      expect(Object.is(predictLogit(model, x), walk(model, x))).toBe(true);
    }
  });
});
