/**
 * htmlparser2's Tokenizer with its busiest states skipping ahead. The tokenizer reads a page one
 * character at a time through a switch over its state; in text, attribute values and names most
 * characters change nothing, so these states jump to just before the next character that does
 * (what the original would reach one step at a time, with the same callbacks at the same
 * indices). An ordinary open tag is read from its first letter to its `>` in one go, and a close
 * tag's name likewise, with the callbacks the original's states make one character at a time;
 * whatever is rarer is handed back to the original's loop in the state it would be in there. The
 * other states are the original's. Checked against the plain tokenizer tree for
 * tree on both sets and on random tag soup (bench/lib/parse-identity.ts) and in tokenizer.test.ts.
 */
import {
  AFTER_ATTRIBUTE_NAME,
  AFTER_CLOSING_TAG_NAME,
  BEFORE_ATTRIBUTE_NAME,
  BEFORE_ATTRIBUTE_VALUE,
  DOUBLE,
  EMPTY_SEQUENCE,
  IN_ATTRIBUTE_NAME,
  IN_SELF_CLOSING_TAG,
  IN_VALUE_DOUBLE_QUOTES,
  IN_VALUE_NO_QUOTES,
  IN_VALUE_SINGLE_QUOTES,
  isSpace,
  isSpecialTag,
  NO_VALUE,
  PlainTokenizer,
  SINGLE,
  SPECIAL_FIRST,
  TEXT,
  UNQUOTED,
} from './tokenizer-internals.ts';

export { PlainTokenizer, type TokenizerCallbacks } from './tokenizer-internals.ts';

const LT = 0x3c;
const AMP = 0x26;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;

/** The ASCII characters as strings, by code. */
const CHARS = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
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

  /** Moves to just before the next end of a tag name (`/`, `>`, white space), or also `=` for an attribute's. */
  private skipName(eq: boolean): void {
    this.index = this.endOfName(this.index - this.offset + 1, eq) - 1 + this.offset;
  }

  /** Moves to just before the end of an unquoted attribute value (`>`, `&`, white space). */
  private skipUnquoted(): void {
    this.index = this.endOfUnquoted(this.index - this.offset + 1) - 1 + this.offset;
  }

  stateText(c: number): void {
    if (c === LT) {
      super.stateText(c);
      // The loop's next step, taken here: the character after `<` in state BeforeTagName.
      const next = this.index - this.offset + 1;
      if (next < this.buffer.length) {
        this.index++;
        this.stateBeforeTagName(this.buffer.charCodeAt(next));
      }
    } else if (c === AMP) super.stateText(c);
    else this.skipToEither(LT, AMP);
  }

  stateBeforeTagName(c: number): void {
    if (isAsciiAlpha(c)) this.openTag(c);
    else if (c === SLASH) {
      super.stateBeforeTagName(c);
      const next = this.index - this.offset + 1;
      if (next < this.buffer.length) {
        this.index++;
        this.stateBeforeClosingTagName(this.buffer.charCodeAt(next));
      }
    } else super.stateBeforeTagName(c);
  }

  stateBeforeClosingTagName(c: number): void {
    if (!isAsciiAlpha(c)) return super.stateBeforeClosingTagName(c);
    // InClosingTagName from the first letter; then AfterClosingTagName at the name's end.
    const buffer = this.buffer;
    const offset = this.offset;
    const start = this.index - offset;
    const end = this.endOfName(start + 1, false);
    if (end >= buffer.length) return super.stateBeforeClosingTagName(c);
    this.cbs.onclosetag(start + offset, end + offset);
    this.sectionStart = -1;
    if (buffer.charCodeAt(end) === GT) {
      this.state = TEXT;
      this.sectionStart = end + 1 + offset;
      this.index = end + offset;
    } else this.handOver(AFTER_CLOSING_TAG_NAME, end, -1);
  }

  /** The first of `from` and the characters after it that ends a tag or attribute name (`=` too for an attribute), else the buffer's length. */
  private endOfName(from: number, eq: boolean): number {
    const buffer = this.buffer;
    const end = buffer.length;
    let i = from;
    while (i < end) {
      const c = buffer.charCodeAt(i);
      if (c === GT || c === SLASH || isSpace(c) || (eq && c === EQ)) break;
      i++;
    }
    return i;
  }

  /** The first of `from` and the characters after it that ends an unquoted value (`>`, `&`, white space), else the buffer's length. */
  private endOfUnquoted(from: number): number {
    const buffer = this.buffer;
    const end = buffer.length;
    let i = from;
    while (i < end) {
      const c = buffer.charCodeAt(i);
      if (c === GT || c === AMP || isSpace(c)) break;
      i++;
    }
    return i;
  }

  /** Leaves the rest to the original's loop, which reads `at` (in the buffer) next, in `state`. */
  private handOver(state: number, at: number, sectionStart: number): void {
    this.state = state;
    this.sectionStart = sectionStart < 0 ? sectionStart : sectionStart + this.offset;
    this.index = at - 1 + this.offset;
  }

  /**
   * An open tag read through from its first letter to its `>` in one go, with the callbacks (and
   * arguments) the original's states make one character at a time. Whatever is rarer (a raw-text
   * tag, an entity in a value, the buffer ending) is handed over to the original's loop in the
   * state the original would be in at that character.
   */
  private openTag(c: number): void {
    const buffer = this.buffer;
    const offset = this.offset;
    const cbs = this.cbs;
    const start = this.index - offset;
    const nameEnd = this.endOfName(start + 1, false);
    if (nameEnd >= buffer.length) return super.stateBeforeTagName(c);
    if (SPECIAL_FIRST.has(c | 0x20) && !cbs.isInForeignContext?.()) {
      if (isSpecialTag(buffer, start, nameEnd)) return super.stateBeforeTagName(c);
      // The original matches a raw-text tag's name as far as it can, then gives up thus.
      this.isSpecial = false;
      this.currentSequence = EMPTY_SEQUENCE;
      this.sequenceIndex = 0;
    }
    cbs.onopentagname(start + offset, nameEnd + offset);
    const end = buffer.length;
    let i = nameEnd;
    for (;;) {
      // BeforeAttributeName at i.
      while (i < end && isSpace(buffer.charCodeAt(i))) i++;
      if (i >= end) return this.handOver(BEFORE_ATTRIBUTE_NAME, i, -1);
      let ch = buffer.charCodeAt(i);
      if (ch === GT) {
        cbs.onopentagend(i + offset);
        return this.enterText(i);
      }
      if (ch === SLASH) {
        // InSelfClosingTag: white space skipped, `>` ends the tag, anything else is read as BeforeAttributeName.
        i++;
        while (i < end && isSpace(buffer.charCodeAt(i))) i++;
        if (i >= end) return this.handOver(IN_SELF_CLOSING_TAG, i, -1);
        if (buffer.charCodeAt(i) === GT) {
          cbs.onselfclosingtag(i + offset);
          return this.enterText(i);
        }
        continue;
      }
      // InAttributeName from the character after its first (which may be `=`).
      const nameStart = i;
      i = this.endOfName(i + 1, true);
      if (i >= end) return this.handOver(IN_ATTRIBUTE_NAME, i, nameStart);
      cbs.onattribname(nameStart + offset, i + offset);
      const afterName = i;
      // AfterAttributeName at i.
      while (i < end && isSpace(buffer.charCodeAt(i))) i++;
      if (i >= end) return this.handOver(AFTER_ATTRIBUTE_NAME, i, afterName);
      ch = buffer.charCodeAt(i);
      if (ch !== EQ) {
        cbs.onattribend(NO_VALUE, afterName + offset);
        // `/` and `>` are read again as BeforeAttributeName; anything else starts the next name there too.
        continue;
      }
      // BeforeAttributeValue after the `=`.
      i++;
      while (i < end && isSpace(buffer.charCodeAt(i))) i++;
      if (i >= end) return this.handOver(BEFORE_ATTRIBUTE_VALUE, i, afterName);
      ch = buffer.charCodeAt(i);
      if (ch === DQ || ch === SQ) {
        const valueStart = i + 1;
        const close = this.nextOf(ch, valueStart);
        if (close >= end || this.nextOf(AMP, valueStart) < close)
          return this.handOver(ch === DQ ? IN_VALUE_DOUBLE_QUOTES : IN_VALUE_SINGLE_QUOTES, valueStart, valueStart);
        cbs.onattribdata(valueStart + offset, close + offset);
        cbs.onattribend(ch === DQ ? DOUBLE : SINGLE, close + 1 + offset);
        i = close + 1;
        continue;
      }
      // InAttributeValueNq from its first character.
      const valueStart = i;
      i = this.endOfUnquoted(i);
      if (i >= end || buffer.charCodeAt(i) === AMP) return this.handOver(IN_VALUE_NO_QUOTES, valueStart, valueStart);
      cbs.onattribdata(valueStart + offset, i + offset);
      cbs.onattribend(UNQUOTED, i + offset);
    }
  }

  /** After the `>` at `at` of an ordinary open tag: text follows (the original's enterTagBody for a tag not raw text). */
  private enterText(at: number): void {
    this.state = TEXT;
    this.sectionStart = at + 1 + this.offset;
    this.index = at + this.offset;
  }

  stateInTagName(c: number): void {
    if (c === GT || c === SLASH || isSpace(c)) super.stateInTagName(c);
    else this.skipName(false);
  }

  stateInClosingTagName(c: number): void {
    if (c === GT || c === SLASH || isSpace(c)) super.stateInClosingTagName(c);
    else this.skipName(false);
  }

  stateInAttributeName(c: number): void {
    if (c === EQ || c === GT || c === SLASH || isSpace(c)) super.stateInAttributeName(c);
    else this.skipName(true);
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
    else this.skipUnquoted();
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
