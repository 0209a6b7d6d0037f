import { tokenize } from './tokens.ts';
import type { DiffRow, Segment } from './types.ts';
import { diffTokens } from './words.ts';

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

function sideText(segments: Segment[], skip: Segment['op']): string {
  let text = '';
  for (const s of segments) if (s.op !== skip) text += s.text;
  return text;
}

/**
 * A split or merged row as inline reading lines, one per new paragraph (a merge has one): the
 * old text against the new paragraphs read as one, interleaved, then cut where each new
 * paragraph starts. Deletions stay where they stood.
 */
export function inlineParts(row: Extract<DiffRow, { kind: 'split' | 'merged' }>): Segment[][] {
  const oldTexts = row.kind === 'split' ? [sideText(row.left, 'ins')] : row.left.map((s) => sideText(s, 'ins'));
  const newTexts = row.kind === 'split' ? row.right.map((s) => sideText(s, 'del')) : [sideText(row.right, 'del')];
  const d = diffTokens(tokenize(oldTexts.join(' ')), tokenize(newTexts.join(' ')));
  const line = inlineSegments(d.left, d.right);
  const out: Segment[][] = [[]];
  let part = 0;
  let room = newTexts[0].length;
  const push = (op: Segment['op'], text: string) => {
    if (!text) return;
    const list = out[out.length - 1];
    const last = list[list.length - 1];
    if (last?.op === op) last.text += text;
    else list.push({ op, text });
  };
  for (const s of line) {
    if (s.op === 'del') {
      push('del', s.text);
      continue;
    }
    let text = s.text;
    while (text.length > room && part < newTexts.length - 1) {
      push(s.op, text.slice(0, room));
      text = text.slice(room + 1);
      part++;
      room = newTexts[part].length;
      out.push([]);
    }
    push(s.op, text);
    room -= text.length;
  }
  while (out.length < newTexts.length) out.push([]);
  return out;
}
