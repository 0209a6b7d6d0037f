// The edit distance the typo rule of the labels uses, on code points, with reused rows.

/** Optimal-string-alignment distance (a swap of two neighbours counts once), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = codePoints(a);
  const t = codePoints(b);
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  const width = t.length + 1;
  let prev2 = rowBuffer(0, width);
  let prev = rowBuffer(1, width);
  let cur = rowBuffer(2, width);
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[t.length];
}

/** A word's code points (its UTF-16 units when it has no surrogate pair, the common case). */
function codePoints(word: string): ArrayLike<number> {
  const units = new Array<number>(word.length);
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdfff) return Array.from(word, (ch) => ch.codePointAt(0)!);
    units[k] = c;
  }
  return units;
}

/** Three rows reused by editDistance (pure: each call overwrites what it reads). */
const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

function rowBuffer(which: number, width: number): Int32Array {
  if (rows[which].length < width) rows[which] = new Int32Array(width);
  return rows[which];
}
