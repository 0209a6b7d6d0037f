import { inlineParts, inlineSegments } from './inline.ts';
import type { DiffModel, DiffRow, FieldDiff, Segment } from './types.ts';
import { wrapPieces, type Piece, type Style } from './wrap.ts';

export interface TerminalOptions {
  /** ANSI colours (red strike-through / green underline); without, [-removed-] and {+added+} markers. */
  color: boolean;
  /** Wrap lines to this many columns; no wrapping when absent. */
  width?: number;
}

const ANSI: Record<Style, string> = {
  same: '',
  del: '\x1b[31;9m',
  ins: '\x1b[32;4m',
  moved: '\x1b[36m',
  meta: '\x1b[2m',
};
const RESET = '\x1b[0m';
const MARKERS: Record<Style, [string, string]> = { same: ['', ''], del: ['[-', '-]'], ins: ['{+', '+}'], moved: ['', ''], meta: ['', ''] };

/** Paragraph-aligned text diff for `redline diff`: one block per row, a marker column, changed words shown inline. */
export function renderTerminalDiff(model: DiffModel, opts: TerminalOptions): string {
  const blocks: string[] = [];
  const line = (prefix: string, pieces: Piece[]) => {
    const marked = opts.color ? pieces : pieces.map(withMarkers);
    blocks.push(
      wrapPieces(prefix, marked, opts.width)
        .map((l) => paint(l, opts.color))
        .join('\n'),
    );
  };
  line(model.title.changed ? '~ ' : '  ', [{ text: 'Headline: ', style: 'meta' }, ...fieldPieces(model.title)]);
  if (model.byline.old !== null || model.byline.new !== null) {
    line(model.byline.changed ? '~ ' : '  ', [{ text: 'Byline: ', style: 'meta' }, ...fieldPieces(model.byline)]);
  }
  if (model.published.changed) line('~ ', [{ text: 'Published: ', style: 'meta' }, ...fieldPieces(model.published)]);
  line('  ', [{ text: summaryLine(model), style: 'meta' }]);
  blocks.push('');
  for (const row of model.rows) for (const [sign, pieces] of rowLines(row)) line(`${sign} `, pieces);
  return blocks.join('\n') + '\n';
}

function summaryLine(model: DiffModel): string {
  const s = model.summary;
  const parts = [`+${s.wordsAdded} / -${s.wordsRemoved} words`];
  const counts: [number, string][] = [
    [s.paragraphsAdded, 'added'],
    [s.paragraphsRemoved, 'removed'],
    [s.paragraphsChanged, 'changed'],
    [s.paragraphsMoved, 'moved'],
  ];
  const described = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  parts.push(described.length ? `paragraphs: ${described.join(', ')}` : 'no paragraph changed');
  return parts.join('; ');
}

function fieldPieces(field: FieldDiff): Piece[] {
  if (!field.changed) return [{ text: field.new ?? '(none)', style: 'same' }];
  return segmentPieces(inlineSegments(field.left, field.right));
}

function segmentPieces(segments: Segment[]): Piece[] {
  return segments.map((s) => ({ text: s.text, style: s.op === 'same' ? 'same' : s.op }));
}

const note = (text: string): Piece => ({ text, style: 'meta' });
const paras = (list: number[]) => (list.length > 1 ? `¶${list[0] + 1}–${list[list.length - 1] + 1}` : `¶${list[0] + 1}`);

/**
 * The lines of one row, each with its sign: ' ' same, '-' removed, '+' added, '~' changed,
 * '<' / '>' the two ends of a move (with the edit's marks when moved + changed), '/' a split
 * (one line per new paragraph), '\' a merge.
 */
function rowLines(row: DiffRow): [string, Piece[]][] {
  switch (row.kind) {
    case 'same':
      return [[' ', [{ text: row.text, style: 'same' }]]];
    case 'removed':
      return [['-', [{ text: row.text, style: 'del' }]]];
    case 'added':
      return [['+', [{ text: row.text, style: 'ins' }]]];
    case 'changed':
      return [['~', segmentPieces(inlineSegments(row.left, row.right))]];
    case 'moved-from': {
      const text: Piece[] = row.edit ? segmentPieces(row.edit.left) : [{ text: row.text, style: 'moved' }];
      return [['<', [note(`(moved to ¶${row.rightIndex + 1}${row.edit ? ', changed' : ''}) `), ...text]]];
    }
    case 'moved-to': {
      const text: Piece[] = row.edit ? segmentPieces(inlineSegments(row.edit.left, row.edit.right)) : [{ text: row.text, style: 'moved' }];
      return [['>', [note(`(moved from ¶${row.leftIndex + 1}${row.edit ? ', changed' : ''}) `), ...text]]];
    }
    case 'split':
      return inlineParts(row).map((segments, k) => [
        '/',
        [...(k === 0 ? [note(`(¶${row.leftIndex + 1} split into ${paras(row.rightIndices)}) `)] : []), ...segmentPieces(segments)],
      ]);
    case 'merged':
      return [['\\', [note(`(${paras(row.leftIndices)} merged into ¶${row.rightIndex + 1}) `), ...segmentPieces(inlineParts(row)[0])]]];
  }
}

/** Without colour, the markers become part of the text so that wrapping counts them. */
function withMarkers(piece: Piece): Piece {
  const [open, close] = MARKERS[piece.style];
  return { text: open + piece.text + close, style: piece.style };
}

/** Turns one laid-out line (runs of styled text) into a string. */
function paint(runs: Piece[], color: boolean): string {
  return runs.map((r) => (color && r.style !== 'same' && r.text.trim() ? ANSI[r.style] + r.text + RESET : r.text)).join('');
}
