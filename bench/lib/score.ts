/**
 * The ScrapingHub article-extraction benchmark's scoring (see ../shared/README.md): \w+ tokens,
 * 4-token shingles counted as multisets, per-page TP/FP/FN scaled to sum to 1; precision averaged
 * over pages with output, recall over all pages, F1 = harmonic mean of the two averages.
 */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  /** The extractor returned some text. */
  hasOutput: boolean;
}

const SHINGLE = 4;

function shingles(text: string): Map<string, number> {
  // Python's Unicode \w: letters, digits and underscore in any script.
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  // Shorter texts still count as one shingle, as in the reference implementation.
  const n = Math.max(1, tokens.length - SHINGLE + 1);
  if (tokens.length === 0) return counts;
  for (let i = 0; i < n; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function scorePage(expected: string, extracted: string): PageScore {
  const want = shingles(expected);
  const got = shingles(extracted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, n] of got) {
    const m = want.get(k) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [k, m] of want) fn += Math.max(0, m - (got.get(k) ?? 0));
  const total = tp + fp + fn;
  const hasOutput = extracted.trim() !== '';
  return total === 0 ? { tp: 0, fp: 0, fn: 0, hasOutput } : { tp: tp / total, fp: fp / total, fn: fn / total, hasOutput };
}

export function pageF1(s: PageScore): number {
  const p = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

export interface Summary {
  precision: number;
  recall: number;
  f1: number;
  empty: number;
}

export function summarize(scores: PageScore[]): Summary {
  const withOutput = scores.filter((s) => s.hasOutput);
  const precision = mean(withOutput.map((s) => (s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0)));
  const recall = mean(scores.map((s) => (s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0)));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, empty: scores.length - withOutput.length };
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
