/**
 * Known-answer edits for the diff benchmark. Each edit is applied to a real article by this
 * generator, which keeps track of where every word came from; the correct answer (which old
 * paragraphs became which new ones, which words were removed or inserted, which labels apply)
 * follows from that record alone. Nothing here calls the diff engine or its helpers: words are
 * whitespace-separated pieces, sentences and quotes are found by this file's own simple rules,
 * and the generator avoids edits whose answer those simple rules could get wrong.
 */
import type { ChangeLabel } from '../../src/diff/types.ts';
import type { Random } from '../../src/demo/random.ts';
import type { BenchArticle } from './diff-corpus.ts';
import { Run } from './edit-run.ts';
import { DATE_NAMES, POOL_WORD, distance } from './edit-words.ts';

export { minimalMoves } from './edit-answer.ts';

export const EDIT_KINDS = [
  'reword',
  'number fix',
  'quote removed',
  'paragraphs added',
  'paragraphs removed',
  'move ±1..10',
  'move + edit',
  'split',
  'merge',
  'heavy rewrite',
  'paragraph replaced',
  'sentences reordered',
  'typo',
  'notice added',
  'headline',
  'mixed',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** One known-answer case: the two versions and what the correct diff says. */
export interface EditCase {
  kind: EditKind;
  article: string;
  before: { title: string; paragraphs: string[] };
  after: { title: string; paragraphs: string[] };
  /** old indices → new indices, and whether the text changed; old paragraphs in none are removed, new ones added. */
  units: TrueUnit[];
  /** Per old paragraph: word positions (whitespace pieces) removed; per new paragraph: word positions inserted. */
  removedWords: Map<number, Set<number>>;
  insertedWords: Map<number, Set<number>>;
  /** Paragraph pairs whose word marks are scored (edited, sharp answer). */
  markedPairs: [number, number][];
  /** Old paragraphs heavily rewritten (≥ 50 % of their words), with their new position. */
  heavy: [number, number][];
  labels: ChangeLabel[];
}

export interface TrueUnit {
  old: number[];
  new: number[];
  edited: boolean;
}

export class EditGenerator {
  private readonly pool: string[];

  constructor(
    readonly rand: Random,
    articles: BenchArticle[],
  ) {
    const words = new Set<string>();
    for (const a of articles)
      for (const p of a.paragraphs) for (const w of p.split(' ')) if (POOL_WORD.test(w) && !DATE_NAMES.has(w)) words.add(w);
    this.pool = [...words].sort();
  }

  /** An edit of the given kind on this article, or null when the article does not allow it (no number, no quote…). */
  make(kind: EditKind, article: BenchArticle, others: BenchArticle[]): EditCase | null {
    const run = new Run(this, article, others);
    const ok = run.apply(kind);
    return ok ? run.finish(kind) : null;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)];
  }

  int(from: number, to: number): number {
    return from + Math.floor(this.rand() * (to - from + 1));
  }

  chance(p: number): boolean {
    return this.rand() < p;
  }

  /** A replacement word: not in the paragraph, and no near-spelling of the word it replaces. */
  replacement(old: string, present: Set<string>): string {
    for (let tries = 0; tries < 50; tries++) {
      const w = this.pick(this.pool);
      if (!present.has(w) && distance(w, old.toLowerCase()) > 2) return w;
    }
    return 'zyzzogeton';
  }
}
