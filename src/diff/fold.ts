import type { DiffRow } from './types.ts';

/** A row kept for display with its 1-based position in the full row list, or a run of hidden unchanged rows. */
export type FoldedRow = { kind: 'row'; number: number; row: DiffRow } | { kind: 'fold'; hidden: number; firstNumber: number };

/**
 * "Changes only": keeps every changed row and `context` unchanged rows on each side of it, and
 * replaces the rest of each unchanged run by one fold. Folding a single row would hide nothing
 * worth hiding, so runs are folded only when at least two rows would disappear.
 */
export function foldUnchanged(rows: DiffRow[], context = 1): FoldedRow[] {
  const out: FoldedRow[] = [];
  let k = 0;
  while (k < rows.length) {
    if (rows[k].kind !== 'same') {
      out.push({ kind: 'row', number: k + 1, row: rows[k] });
      k++;
      continue;
    }
    let end = k;
    while (end < rows.length && rows[end].kind === 'same') end++;
    const keepBefore = k === 0 ? 0 : context;
    const keepAfter = end === rows.length ? 0 : context;
    const hidden = end - k - keepBefore - keepAfter;
    for (let r = k; r < end; r++) {
      if (hidden >= 2 && r === k + keepBefore) out.push({ kind: 'fold', hidden, firstNumber: r + 1 });
      if (hidden < 2 || r < k + keepBefore || r >= end - keepAfter) out.push({ kind: 'row', number: r + 1, row: rows[r] });
    }
    k = end;
  }
  return out;
}

/** Every row, unfolded, numbered from 1. */
export function numberRows(rows: DiffRow[]): FoldedRow[] {
  return rows.map((row, k) => ({ kind: 'row', number: k + 1, row }));
}
