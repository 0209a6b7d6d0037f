// Helpers shared by the engine tests (engine.test.ts, engine-edits.test.ts).
import type { DiffInput, DiffModel, DiffRow, Segment } from '../types.ts';

export const version = (paragraphs: string[], title = 'Headline', byline: string | null = null, published: string | null = null): DiffInput => ({
  title,
  byline,
  published,
  paragraphs,
});

export const ARTICLE = [
  'The government announced a new plan for schools on Monday.',
  'Ministers said the plan would cost about two billion pounds over five years.',
  'Teachers unions gave the announcement a cautious welcome.',
  'Opposition parties called it too little, too late.',
  'A consultation will run until the end of the summer.',
  'The plan will be debated in parliament next month.',
];

export const kinds = (m: DiffModel) => m.rows.map((r) => r.kind);
export const text = (segments: Segment[], op: Segment['op']) => segments.filter((s) => s.op === op).map((s) => s.text);
export const changedRow = (m: DiffModel) => m.rows.find((r): r is Extract<DiffRow, { kind: 'changed' }> => r.kind === 'changed')!;
