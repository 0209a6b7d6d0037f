import type { Segment } from './types.ts';

/**
 * Interleaves a changed paragraph's two sides into one reading line: each deletion followed by
 * the insertion that replaced it, with the shared text once. Both sides carry the same 'same'
 * segments in the same order, which is what keeps them in step.
 */
export function inlineSegments(left: Segment[], right: Segment[]): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i < left.length && left[i].op === 'del') out.push(left[i++]);
    else if (j < right.length && right[j].op === 'ins') out.push(right[j++]);
    else {
      out.push(left[i] ?? right[j]);
      i++;
      j++;
    }
  }
  return out;
}
