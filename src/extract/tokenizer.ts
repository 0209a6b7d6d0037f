/**
 * htmlparser2's Tokenizer with its busiest states skipping ahead. The tokenizer reads a page one
 * character at a time through a switch over its state; in text, attribute values and names most
 * characters change nothing, so these states jump to just before the next character that does
 * (what the original would reach one step at a time, with the same callbacks at the same
 * indices). The other states are the original's. Checked against the plain tokenizer tree for
 * tree on both sets and on random tag soup (bench/lib/parse-identity.ts) and in tokenizer.test.ts.
 */
import { Tokenizer } from 'htmlparser2';

/** The parts of htmlparser2's Tokenizer (v12) used here: private there, plain fields and methods at run time. */
interface TokenizerInternals {
  buffer: string;
  index: number;
  offset: number;
  write(chunk: string): void;
  end(): void;
  stateText(c: number): void;
  stateInTagName(c: number): void;
  stateInClosingTagName(c: number): void;
  stateInAttributeName(c: number): void;
  stateInAttributeValueDoubleQuotes(c: number): void;
  stateInAttributeValueSingleQuotes(c: number): void;
  stateInAttributeValueNoQuotes(c: number): void;
  fastForwardTo(c: number): boolean;
}
/** What the tokenizer calls back (htmlparser2's `Callbacks`). */
export type TokenizerCallbacks = object;
type TokenizerClass = new (options: { decodeEntities: boolean }, callbacks: TokenizerCallbacks) => TokenizerInternals;

/** htmlparser2's exported Tokenizer, typed with the internals that FastTokenizer overrides. */
export const PlainTokenizer = Tokenizer as unknown as TokenizerClass;
const OVERRIDDEN = [
  'stateText',
  'stateInTagName',
  'stateInClosingTagName',
  'stateInAttributeName',
  'stateInAttributeValueDoubleQuotes',
  'stateInAttributeValueSingleQuotes',
  'stateInAttributeValueNoQuotes',
  'fastForwardTo',
];
if (typeof PlainTokenizer !== 'function' || OVERRIDDEN.some((m) => typeof (PlainTokenizer.prototype as never)[m] !== 'function'))
  throw new Error('htmlparser2 changed: its Tokenizer is not the one extract/tokenizer.ts was written for');

const LT = 0x3c;
const AMP = 0x26;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;

/** The ASCII characters as strings, by code. */
const CHARS = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/** htmlparser2's isWhitespace: space, \n, \t, \f, \r. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

export class FastTokenizer extends PlainTokenizer {
  /**
   * For each of the ASCII characters skipToEither looks for, where in `scanned` (the buffer) its
   * next occurrence was found, at or after where it was last looked for (the buffer's length
   * when there is none, -1 before the first search). Searches start ever further on, so a
   * position still ahead of the new start is the answer again: each character's searches cover
   * the buffer once in all, by String.prototype.indexOf.
   */
  private readonly nextAt: number[] = new Array<number>(128).fill(-1);
  private scanned = '';

  /** Where the next `c` (ASCII) is at or after `from` in the buffer, else the buffer's length. */
  private nextOf(c: number, from: number): number {
    const buffer = this.buffer;
    if (buffer !== this.scanned) {
      this.nextAt.fill(-1);
      this.scanned = buffer;
    }
    let at = this.nextAt[c];
    if (at < from) {
      at = buffer.indexOf(CHARS[c], from);
      if (at < 0) at = buffer.length;
      this.nextAt[c] = at;
    }
    return at;
  }

  /** Moves to just before the next `a` or `b` from the one after the current character (the loop steps onto it). */
  private skipToEither(a: number, b: number): void {
    const from = this.index - this.offset + 1;
    this.index = Math.min(this.nextOf(a, from), this.nextOf(b, from)) - 1 + this.offset;
  }

  /** Moves to just before the next end of a tag name (`/`, `>`, white space), or also `=`, or `>`/`&` in an unquoted value. */
  private skipName(eq: boolean, amp: boolean): void {
    const buffer = this.buffer;
    const end = buffer.length;
    let i = this.index - this.offset + 1;
    while (i < end) {
      const c = buffer.charCodeAt(i);
      if (c === GT || isSpace(c) || (amp ? c === AMP : c === SLASH || (eq && c === EQ))) break;
      i++;
    }
    this.index = i - 1 + this.offset;
  }

  stateText(c: number): void {
    if (c === LT || c === AMP) super.stateText(c);
    else this.skipToEither(LT, AMP);
  }

  stateInTagName(c: number): void {
    if (c === GT || c === SLASH || isSpace(c)) super.stateInTagName(c);
    else this.skipName(false, false);
  }

  stateInClosingTagName(c: number): void {
    if (c === GT || c === SLASH || isSpace(c)) super.stateInClosingTagName(c);
    else this.skipName(false, false);
  }

  stateInAttributeName(c: number): void {
    if (c === EQ || c === GT || c === SLASH || isSpace(c)) super.stateInAttributeName(c);
    else this.skipName(true, false);
  }

  stateInAttributeValueDoubleQuotes(c: number): void {
    if (c === DQ || c === AMP) super.stateInAttributeValueDoubleQuotes(c);
    else this.skipToEither(DQ, AMP);
  }

  stateInAttributeValueSingleQuotes(c: number): void {
    if (c === SQ || c === AMP) super.stateInAttributeValueSingleQuotes(c);
    else this.skipToEither(SQ, AMP);
  }

  stateInAttributeValueNoQuotes(c: number): void {
    if (c === GT || c === AMP || isSpace(c)) super.stateInAttributeValueNoQuotes(c);
    else this.skipName(false, true);
  }

  /** The original's loop as a string search: true at the next `c`, else at the last character. */
  fastForwardTo(c: number): boolean {
    const at = this.buffer.indexOf(String.fromCharCode(c), this.index - this.offset + 1);
    if (at >= 0) {
      this.index = at + this.offset;
      return true;
    }
    this.index = this.buffer.length + this.offset - 1;
    return false;
  }
}
