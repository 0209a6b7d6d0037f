import { heaviestChain } from './chain.ts';
import { link, type Alignment, type Unit } from './alignment.ts';

/** The one old and the one new paragraph between the same two kept paragraphs pair from this similarity on. */
const SLOT_MIN = 0.15;
/** ...or whatever they say when both are this short (a credit line "Reuters" → "AP"). */
const SHORT_WORDS = 3;
/** Several old and new paragraphs between the same two kept ones pair, in order, from this similarity on. */
const GAP_MIN = 0.2;
/** Gaps up to this many old × new paragraphs compare every pair; larger ones only pairs near their diagonal. */
const FULL_CELLS = 2_500;
const BAND = 8;

/**
 * Step 5: between consecutive in-place units, the paragraphs still unpaired pair in order with a
 * lower threshold than step 2, since their position already speaks for them. Returns the new units.
 */
export function pairInGaps(al: Alignment, chain: Unit[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  let j = 0;
  const ends = [...chain, { oldStart: al.olds.length, oldEnd: al.olds.length, newStart: al.news.length, newEnd: al.news.length }];
  for (const u of ends) {
    const olds = free(al.oldUnit, i, u.oldStart);
    const news = free(al.newUnit, j, u.newStart);
    if (olds.length && news.length) out.push(...pairGap(al, olds, news));
    i = u.oldEnd + 1;
    j = u.newEnd + 1;
  }
  return out;
}

function free(units: (Unit | null)[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) if (!units[k]) out.push(k);
  return out;
}

function pairGap(al: Alignment, olds: number[], news: number[]): Unit[] {
  const { corpus } = al;
  if (olds.length === 1 && news.length === 1) {
    const [i, j] = [olds[0], news[0]];
    const sim = corpus.similarity(corpus.old[i], corpus.new[j]);
    const short = corpus.old[i].words <= SHORT_WORDS && corpus.new[j].words <= SHORT_WORDS;
    return sim >= SLOT_MIN || short ? [link(al, i, j, false, sim)] : [];
  }
  const edges: (Unit & { i: number; j: number; sim: number })[] = [];
  const everyPair = olds.length * news.length <= FULL_CELLS;
  olds.forEach((i, p) => {
    const centre = Math.round((p * news.length) / olds.length);
    const from = everyPair ? 0 : Math.max(0, centre - BAND);
    const to = everyPair ? news.length - 1 : Math.min(news.length - 1, centre + BAND);
    for (let q = from; q <= to; q++) {
      const j = news[q];
      const sim = corpus.similarity(corpus.old[i], corpus.new[j]);
      if (sim >= GAP_MIN) edges.push({ oldStart: i, oldEnd: i, newStart: j, newEnd: j, identical: false, weight: sim, i, j, sim });
    }
  });
  return heaviestChain(edges, al.news.length).map((e) => link(al, e.i, e.j, false, e.sim));
}
