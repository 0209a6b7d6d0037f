import { squash } from '../../bench/lib/wcxb-score.ts';
import type { Block } from '../../src/extract/blocks.ts';

const squeeze = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];

const SHINGLE = 5;

/**
 * A block is article text when its text occurs in the ground truth (letters and digits only, so
 * the annotators' quote and space normalisation does not matter), when it is a whole line of
 * it (short headings, list items), or when most of its 5-word runs are in it (a paragraph with
 * a word of furniture inside). Weights grow with the block's words (the measures count words),
 * scaled so that every page weighs about the same. A block outside the truth that holds a
 * furniture snippet the annotators named (WCXB's without[]), or lies inside one, can weigh more:
 * those are the blocks whose leak the benchmark counts, and whose leak makes a furniture edit
 * a false version.
 */
export function blockLabels(
  blocks: Block[],
  expected: string,
  furniture: { snippets: string[]; weight: number } = { snippets: [], weight: 1 },
): { labels: Uint8Array; weights: Float32Array } {
  const truth = squeeze(expected);
  const lines = new Set(expected.split(/\n+/).map(squeeze).filter(Boolean));
  const truthWords = words(expected);
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= truthWords.length; i++) shingles.add(truthWords.slice(i, i + SHINGLE).join(' '));
  const labels = new Uint8Array(blocks.length);
  const raw = new Float32Array(blocks.length);
  let total = 0;
  blocks.forEach((b, i) => {
    const t = squeeze(b.text);
    const w = words(b.text);
    raw[i] = Math.sqrt(w.length + 1);
    total += raw[i];
    if (t === '' || truth === '') return;
    if (lines.has(t) || (t.length >= 20 && truth.includes(t))) labels[i] = 1;
    else if (w.length >= 8) {
      let hit = 0;
      for (let k = 0; k + SHINGLE <= w.length; k++) if (shingles.has(w.slice(k, k + SHINGLE).join(' '))) hit++;
      if (hit / (w.length - SHINGLE + 1) >= 0.7) labels[i] = 1;
    }
  });
  const scale = Math.min(5, Math.max(0.2, 300 / Math.max(1, total)));
  const weights = raw.map((w) => w * scale);
  if (furniture.weight !== 1) {
    const snippets = furniture.snippets.map(squash).filter((s) => s.length >= 12);
    blocks.forEach((b, i) => {
      if (labels[i] === 1) return;
      const t = squash(b.text);
      if (t.length >= 12 && snippets.some((s) => t.includes(s) || s.includes(t))) weights[i] *= furniture.weight;
    });
  }
  return { labels, weights };
}
