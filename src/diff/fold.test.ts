import { describe, expect, it } from 'vitest';
import { foldUnchanged } from './fold.ts';
import type { DiffRow } from './types.ts';

/** Rows from a pattern: '.' unchanged, '+' added, '-' removed. */
function rows(pattern: string): DiffRow[] {
  return [...pattern].map((c, k): DiffRow =>
    c === '.'
      ? { kind: 'same', leftIndex: k, rightIndex: k, text: `p${k}` }
      : c === '+'
        ? { kind: 'added', rightIndex: k, text: `p${k}` }
        : { kind: 'removed', leftIndex: k, text: `p${k}` },
  );
}

/** The folded layout as a string: row numbers, and [n] for a fold hiding n rows. */
function layout(pattern: string, context = 1): string {
  return foldUnchanged(rows(pattern), context)
    .map((r) => (r.kind === 'fold' ? `[${r.hidden}]` : String(r.number)))
    .join(' ');
}

describe('foldUnchanged', () => {
  it.each([
    ['no rows', '', 1, ''],
    ['all unchanged folds to one run', '.....', 1, '[5]'],
    ['leading run keeps one row before the change', '.....+', 1, '[4] 5 6'],
    ['trailing run keeps one row after the change', '-.....', 1, '1 2 [4]'],
    ['inner run keeps one row each side', '+......-', 1, '1 2 [4] 7 8'],
    ['a run that would hide one row is left alone', '+...-', 1, '1 2 3 4 5'],
    ['wider context', '+........-', 2, '1 2 3 [4] 8 9 10'],
    ['changes only', '+-+', 1, '1 2 3'],
  ])('%s', (_name, pattern, context, expected) => {
    expect(layout(pattern, context)).toBe(expected);
  });

  it('records where each fold starts', () => {
    const folded = foldUnchanged(rows('+......-'));
    expect(folded.find((r) => r.kind === 'fold')).toEqual({ kind: 'fold', hidden: 4, firstNumber: 3 });
  });
});
