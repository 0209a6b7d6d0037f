import { countWords, type DiffModel, type DiffRow } from '../diff/index.ts';
import type { ShareCardInput } from './index.ts';

export interface CardMeta {
  headline: string;
  sourceName: string;
  capturedAt: number;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** How much a row changed, in words: the card shows the row that changed most. */
function weight(row: DiffRow): number {
  switch (row.kind) {
    case 'changed':
      return row.wordsAdded + row.wordsRemoved;
    case 'removed':
    case 'added':
      return countWords(row.text);
    case 'moved-to':
      return 0.5;
    default:
      return 0;
  }
}

/**
 * The card of a diff tells its main story: a headline change if there is one, else the paragraph
 * that changed most (changed, removed, added, or, for a move-only edit, the moved paragraph).
 */
export function shareCardFromDiff(model: DiffModel, meta: CardMeta): ShareCardInput {
  const s = model.summary;
  const others = s.paragraphsAdded + s.paragraphsRemoved + s.paragraphsChanged + s.paragraphsMoved;
  if (model.title.changed) {
    const also = others ? ` (and ${plural(others, 'paragraph')} edited)` : '';
    return {
      ...meta,
      label: `Headline changed${also}`,
      before: model.title.old ?? '',
      after: model.title.new ?? '',
      marks: { before: model.title.left, after: model.title.right },
    };
  }
  let best: DiffRow | null = null;
  for (const row of model.rows) if (weight(row) > (best ? weight(best) : 0)) best = row;
  const more = others > 1 ? ` (1 of ${others} paragraphs edited)` : '';
  if (best?.kind === 'changed')
    return {
      ...meta,
      label: `Paragraph changed${more}`,
      before: text(best.left),
      after: text(best.right),
      marks: { before: best.left, after: best.right },
    };
  if (best?.kind === 'removed') return { ...meta, label: `Paragraph removed${more}`, before: best.text, after: '' };
  if (best?.kind === 'added') return { ...meta, label: `Paragraph added${more}`, before: '', after: best.text };
  if (best?.kind === 'moved-to') {
    const marks = [{ op: 'same' as const, text: best.text }];
    return {
      ...meta,
      label: `Paragraph moved from position ${best.leftIndex + 1} to ${best.rightIndex + 1}`,
      before: best.text,
      after: best.text,
      marks: { before: marks, after: marks },
    };
  }
  const field = model.byline.changed ? model.byline : model.published;
  const what = model.byline.changed ? 'Byline changed' : 'Published time changed';
  return { ...meta, label: what, before: field.old ?? '', after: field.new ?? '', marks: { before: field.left, after: field.right } };
}

const text = (segs: { text: string }[]): string => segs.map((x) => x.text).join('');
