/**
 * WCXB's scoring (see ../shared/README.md): lowercase, \w+ tokens as multisets, per-page
 * precision/recall/F1 of the overlap (an empty prediction scores 0 where the reference has
 * text), macro-averaged; with%/without% as the share of snippets found in the body
 * (case-insensitive, whitespace runs as one space); headline exact after NFC, whitespace
 * collapse and casefold.
 */
export interface WcxbPageScore {
  precision: number;
  recall: number;
  f1: number;
  /** The reference body has text (pages without are left out of the body averages). */
  scored: boolean;
  empty: boolean;
  withFound: number;
  withTotal: number;
  withoutFound: number;
  withoutTotal: number;
  titleExact: boolean;
  hasTitle: boolean;
}

const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];

function counts(xs: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

export function tokenPrf(expected: string, extracted: string): { precision: number; recall: number; f1: number } {
  const want = counts(tokens(expected));
  const got = tokens(extracted);
  if (got.length === 0) return { precision: 0, recall: 0, f1: 0 };
  let overlap = 0;
  for (const [k, n] of counts(got)) overlap += Math.min(n, want.get(k) ?? 0);
  const wantTotal = [...want.values()].reduce((a, b) => a + b, 0);
  const precision = overlap / got.length;
  const recall = wantTotal === 0 ? 0 : overlap / wantTotal;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** How with[] / without[] snippets are matched: case-insensitive, whitespace runs as one space. */
export const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Curly quotes, dashes and ellipses as ASCII: only for the supplementary "typography folded" columns. */
export const foldTypography = (s: string) =>
  s
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[–—‒―]/g, '-')
    .replace(/…/g, '...');

/** NFC, whitespace runs collapsed, trimmed, casefolded (toLowerCase is JavaScript's full-string casefold). */
export const headlineKey = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export function scoreWcxbPage(
  ref: { expected: string; with: string[]; without: string[]; title: string },
  out: { title: string; text: string },
  opts: { fold?: boolean } = {},
): WcxbPageScore {
  const f = opts.fold ? foldTypography : (s: string) => s;
  const body = squash(f(out.text));
  const found = (snips: string[]) => snips.filter((s) => squash(s) !== '' && body.includes(squash(f(s)))).length;
  const scored = ref.expected.trim() !== '';
  const prf = tokenPrf(ref.expected, out.text);
  return {
    ...prf,
    scored,
    empty: out.text.trim() === '',
    withFound: found(ref.with),
    withTotal: ref.with.length,
    withoutFound: found(ref.without),
    withoutTotal: ref.without.length,
    titleExact: ref.title !== '' && headlineKey(f(ref.title)) === headlineKey(f(out.title)),
    hasTitle: ref.title !== '',
  };
}

export interface WcxbSummary {
  precision: number;
  recall: number;
  f1: number;
  /** Pages whose reference has text and whose extraction is empty. */
  empty: number;
  withPct: number;
  withoutPct: number;
  titlePct: number;
  pages: number;
}

export function summarizeWcxb(scores: WcxbPageScore[]): WcxbSummary {
  const scored = scores.filter((s) => s.scored);
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const sum = (f: (s: WcxbPageScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  return {
    precision: mean(scored.map((s) => s.precision)),
    recall: mean(scored.map((s) => s.recall)),
    f1: mean(scored.map((s) => s.f1)),
    empty: scored.filter((s) => s.empty).length,
    withPct:
      (100 * sum((s) => s.withFound)) /
      Math.max(
        1,
        sum((s) => s.withTotal),
      ),
    withoutPct:
      (100 * sum((s) => s.withoutFound)) /
      Math.max(
        1,
        sum((s) => s.withoutTotal),
      ),
    titlePct: (100 * scores.filter((s) => s.titleExact).length) / Math.max(1, scores.filter((s) => s.hasTitle).length),
    pages: scores.length,
  };
}
