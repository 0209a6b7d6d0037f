import type { Segment } from '../diff/index.ts';

/** One word (or punctuation run) of a card's text, with its mark and whether a space follows it. */
export interface Piece {
  text: string;
  op: Segment['op'];
  space: boolean;
}

/** Splits marked segments into words, keeping which words touch (a mark can end inside "15,"). */
export function toPieces(segments: Segment[]): Piece[] {
  const out: Piece[] = [];
  for (const seg of segments) {
    for (const m of seg.text.matchAll(/(\S+)|(\s+)/g)) {
      if (m[2]) {
        if (out.length) out[out.length - 1].space = true;
        continue;
      }
      out.push({ text: m[1], op: seg.op, space: false });
    }
  }
  return out;
}

const ELLIPSIS = '\u2026';
/** Longest word kept whole; longer ones (URLs, hashes) are cut so they cannot push the layout. */
const MAX_WORD_CHARS = 32;

/**
 * At most `maxWords` words around the marked ones: a few words of context before the first mark,
 * then as much as fits. Cut ends get an ellipsis, so a reader knows the paragraph goes on.
 */
export function clipPieces(pieces: Piece[], maxWords: number, lead = 8): Piece[] {
  const firstMark = pieces.findIndex((p) => p.op !== 'same');
  let start = firstMark <= lead ? 0 : firstMark - lead;
  const end = Math.min(pieces.length, start + maxWords);
  start = Math.max(0, Math.min(start, end - maxWords));
  const kept = pieces
    .slice(start, end)
    .map((p) => (p.text.length > MAX_WORD_CHARS ? { ...p, text: p.text.slice(0, MAX_WORD_CHARS - 1) + ELLIPSIS } : p));
  if (start > 0) kept.unshift({ text: ELLIPSIS, op: 'same', space: true });
  if (end < pieces.length) kept.push({ text: ELLIPSIS, op: 'same', space: false });
  return kept;
}

export function piecesText(pieces: Piece[]): string {
  return pieces
    .map((p) => p.text + (p.space ? ' ' : ''))
    .join('')
    .trim();
}

/** A headline cut to about `max` characters at a word boundary. */
export function clipText(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '') + ELLIPSIS;
}
