import { isWord, plainEnds, tokenize } from './tokens.ts';

/** A text's tokens (tokenize) as ids in a Lexicon (equal tokens, equal ids) and where each ends in the text. */
export interface TokenSeq {
  text: string;
  ids: Int32Array;
  ends: Int32Array;
}

/** Where token k of a sequence starts in its text. */
export function startOf(seq: TokenSeq, k: number): number {
  return k === 0 ? 0 : seq.ends[k - 1];
}

const EMPTY = 0;

/**
 * The distinct tokens of one diff, each with a small integer id, so that word diffs compare
 * numbers and per-token facts (is it a word, its term) are worked out once per distinct token.
 * Tokens are found by hashing their characters where they stand in the text: a token already
 * known costs no new string, and equal tokens share one string.
 */
export class Lexicon {
  /** The token of each id. */
  readonly strings: string[] = [];
  /** Per id: 1 when the token is a word (isWord), 0 when not, -1 not yet known. */
  private wordFlags = new Int8Array(64).fill(-1);
  /** Open addressing: id + 1 per slot, 0 for empty. */
  private table = new Int32Array(1024);
  private readonly ends: number[] = [];
  /** Ids of one-character ASCII tokens (-1: not seen yet). */
  private readonly ascii = new Int32Array(128).fill(-1);

  /** The tokens of a text, with their ids. */
  read(text: string): TokenSeq {
    const ends = this.ends;
    ends.length = 0;
    if (!plainEnds(text, ends)) {
      ends.length = 0;
      let at = 0;
      for (const t of tokenize(text)) ends.push((at += t.length));
    }
    const ids = new Int32Array(ends.length);
    let p = 0;
    for (let k = 0; k < ends.length; k++) {
      ids[k] = this.find(text, p, ends[k]);
      p = ends[k];
    }
    return { text, ids, ends: new Int32Array(ends) };
  }

  /** The sequence of tokens given as strings. */
  seqOf(tokens: string[]): TokenSeq {
    const ids = new Int32Array(tokens.length);
    const ends = new Int32Array(tokens.length);
    let at = 0;
    for (let k = 0; k < tokens.length; k++) {
      ids[k] = this.find(tokens[k], 0, tokens[k].length);
      ends[k] = at += tokens[k].length;
    }
    return { text: tokens.join(''), ids, ends };
  }

  /** Several sequences read as one, joined by a space token (as a paragraph break reads). */
  join(parts: TokenSeq[]): TokenSeq {
    if (parts.length === 1) return parts[0];
    const space = this.id(' ');
    let length = parts.length - 1;
    for (const p of parts) length += p.ids.length;
    const ids = new Int32Array(length);
    const ends = new Int32Array(length);
    let k = 0;
    let at = 0;
    parts.forEach((p, n) => {
      if (n > 0) {
        ids[k] = space;
        ends[k++] = at += 1;
      }
      ids.set(p.ids, k);
      for (let q = 0; q < p.ends.length; q++) ends[k + q] = at + p.ends[q];
      k += p.ids.length;
      at += p.text.length;
    });
    return { text: parts.map((p) => p.text).join(' '), ids, ends };
  }

  id(token: string): number {
    return this.find(token, 0, token.length);
  }

  isWord(id: number): boolean {
    let flag = this.wordFlags[id];
    if (flag < 0) flag = this.wordFlags[id] = isWord(this.strings[id]) ? 1 : 0;
    return flag === 1;
  }

  /** Words among tokens[from..to). */
  wordsIn(ids: ArrayLike<number>, from = 0, to = ids.length): number {
    let n = 0;
    for (let k = from; k < to; k++) if (this.isWord(ids[k])) n++;
    return n;
  }

  get size(): number {
    return this.strings.length;
  }

  /** The id of text[from..to), added when new. */
  private find(text: string, from: number, to: number): number {
    // Spaces and ASCII punctuation, half of all tokens, skip the hash table.
    if (to - from === 1) {
      const c = text.charCodeAt(from);
      if (c < 128) {
        const known = this.ascii[c];
        if (known >= 0) return known;
        return (this.ascii[c] = this.insert(text, from, to));
      }
    }
    return this.insert(text, from, to);
  }

  private insert(text: string, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    h = mix(h);
    const len = to - from;
    const table = this.table;
    const strings = this.strings;
    let mask = table.length - 1;
    let slot = h & mask;
    for (;;) {
      const entry = table[slot];
      if (entry === EMPTY) break;
      const s = strings[entry - 1];
      if (s.length === len && text.startsWith(s, from)) return entry - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.strings.length;
    this.strings.push(len === text.length ? text : text.slice(from, to));
    if (id >= this.wordFlags.length) {
      const grown = new Int8Array(2 * this.wordFlags.length).fill(-1);
      grown.set(this.wordFlags);
      this.wordFlags = grown;
    }
    if (2 * (id + 1) > this.table.length) {
      this.grow();
      mask = this.table.length - 1;
      slot = h & mask;
      while (this.table[slot] !== EMPTY) slot = (slot + 1) & mask;
    }
    this.table[slot] = id + 1;
    return id;
  }

  private grow(): void {
    const table = new Int32Array(2 * this.table.length);
    const mask = table.length - 1;
    for (let id = 0; id < this.strings.length - 1; id++) {
      const s = this.strings[id];
      let h = 0x811c9dc5;
      for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
      let slot = mix(h) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}

/** FNV-1a leaves the low bits poorly mixed: a final avalanche (murmur3's) spreads them. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
