/** Styled text laid out into terminal lines. */
export type Style = 'same' | 'del' | 'ins' | 'moved' | 'meta';

export interface Piece {
  text: string;
  style: Style;
}

/** Characters that take two terminal columns (CJK ideographs, kana, Hangul, full-width forms). */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/**
 * Greedy word wrap keeping styles: the first line starts with `prefix`, later lines are indented
 * to line up under it. Words longer than a line (or runs of CJK, which have no spaces) are cut
 * at character boundaries. Returns lines as runs of same-styled text.
 */
export function wrapPieces(prefix: string, pieces: Piece[], width?: number): Piece[][] {
  const indent = ' '.repeat(prefix.length);
  const lines: Piece[][] = [[{ text: prefix, style: 'same' }]];
  const limit = width && width > prefix.length + 8 ? width : Infinity;
  let used = prefix.length;
  const append = (text: string, style: Style) => {
    const line = lines[lines.length - 1];
    const last = line[line.length - 1];
    if (last.style === style) last.text += text;
    else line.push({ text, style });
    used += columns(text);
  };
  const newLine = () => {
    lines.push([{ text: indent, style: 'same' }]);
    used = indent.length;
  };
  for (const piece of pieces) {
    for (const atom of piece.text.match(/\s+|\S+/g) ?? []) {
      if (/^\s/.test(atom)) {
        if (used > indent.length && used < limit) append(' ', piece.style);
        continue;
      }
      if (used + columns(atom) > limit && used > indent.length) newLine();
      for (const ch of atom) {
        if (used + columns(ch) > limit && used > indent.length) newLine();
        append(ch, piece.style);
      }
    }
  }
  return lines.map(trimEnd);
}

function trimEnd(line: Piece[]): Piece[] {
  const last = line[line.length - 1];
  last.text = last.text.replace(/\s+$/, '');
  return line.filter((p, k) => k === 0 || p.text !== '');
}
