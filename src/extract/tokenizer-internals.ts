/**
 * What extract/tokenizer.ts relies on inside htmlparser2's Tokenizer (v12): its private fields
 * and state methods, its State and QuoteType numbers (not exported) and its empty sequence, each
 * checked when this module loads, so that an htmlparser2 that changed fails at once rather than
 * parsing differently; and, as it has them, its raw-text tags and its white space.
 */
import { Tokenizer } from 'htmlparser2';

/** The parts of htmlparser2's Tokenizer (v12) used here: private there, plain fields and methods at run time. */
export interface TokenizerInternals {
  cbs: TagCallbacks;
  state: number;
  buffer: string;
  index: number;
  offset: number;
  sectionStart: number;
  isSpecial: boolean;
  currentSequence: Uint8Array;
  sequenceIndex: number;
  write(chunk: string): void;
  end(): void;
  stateText(c: number): void;
  stateBeforeTagName(c: number): void;
  stateBeforeClosingTagName(c: number): void;
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
/** The callbacks the tag fast paths make (htmlparser2's `Callbacks`, in part). */
export interface TagCallbacks {
  isInForeignContext?(): boolean;
  onopentagname(start: number, end: number): void;
  onopentagend(end: number): void;
  onselfclosingtag(end: number): void;
  onattribname(start: number, end: number): void;
  onattribdata(start: number, end: number): void;
  onattribend(quote: number, end: number): void;
  onclosetag(start: number, end: number): void;
}
type TokenizerClass = new (options: { decodeEntities: boolean }, callbacks: TokenizerCallbacks) => TokenizerInternals;

/** htmlparser2's exported Tokenizer, typed with the internals that FastTokenizer overrides. */
export const PlainTokenizer = Tokenizer as unknown as TokenizerClass;
const OVERRIDDEN = [
  'stateText',
  'stateBeforeTagName',
  'stateBeforeClosingTagName',
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

// htmlparser2's states (its State enum, not exported; those the fast paths set are exported), checked below against a tokenizer fed the start of a tag.
export const TEXT = 1;
const IN_TAG_NAME = 3;
export const IN_SELF_CLOSING_TAG = 4;
const IN_CLOSING_TAG_NAME = 6;
export const AFTER_CLOSING_TAG_NAME = 7;
export const BEFORE_ATTRIBUTE_NAME = 8;
export const IN_ATTRIBUTE_NAME = 9;
export const AFTER_ATTRIBUTE_NAME = 10;
export const BEFORE_ATTRIBUTE_VALUE = 11;
export const IN_VALUE_DOUBLE_QUOTES = 12;
export const IN_VALUE_SINGLE_QUOTES = 13;
export const IN_VALUE_NO_QUOTES = 14;
// htmlparser2's QuoteType, as onattribend is given it.
export const NO_VALUE = 0;
export const UNQUOTED = 1;
export const SINGLE = 2;
export const DOUBLE = 3;

const NO_CALLBACKS = new Proxy({}, { get: () => () => undefined });
const STATE_PROBES: [string, number][] = [
  ['a', TEXT],
  ['<a', IN_TAG_NAME],
  ['<a/', IN_SELF_CLOSING_TAG],
  ['</a', IN_CLOSING_TAG_NAME],
  ['</a ', AFTER_CLOSING_TAG_NAME],
  ['<a ', BEFORE_ATTRIBUTE_NAME],
  ['<a b', IN_ATTRIBUTE_NAME],
  ['<a b ', AFTER_ATTRIBUTE_NAME],
  ['<a b=', BEFORE_ATTRIBUTE_VALUE],
  ['<a b="', IN_VALUE_DOUBLE_QUOTES],
  ["<a b='", IN_VALUE_SINGLE_QUOTES],
  ['<a b=c', IN_VALUE_NO_QUOTES],
];
for (const [html, state] of STATE_PROBES) {
  const probe = new PlainTokenizer({ decodeEntities: true }, NO_CALLBACKS);
  probe.write(html);
  if (probe.state !== state)
    throw new Error(`htmlparser2 changed: its Tokenizer's states are not the ones extract/tokenizer.ts was written for (${html})`);
}
/** htmlparser2's empty sequence (Sequences.Empty), the one a fresh tokenizer starts with. */
export const EMPTY_SEQUENCE = new PlainTokenizer({ decodeEntities: true }, NO_CALLBACKS).currentSequence;

/** The tags whose content is raw text (or RCDATA) for the tokenizer: their open tags take the original's path. */
const SPECIAL_TAGS = ['iframe', 'noembed', 'noframes', 'plaintext', 'script', 'style', 'textarea', 'title', 'xmp'];
/** The first letters of SPECIAL_TAGS, lowercase. */
export const SPECIAL_FIRST = new Set(SPECIAL_TAGS.map((t) => t.charCodeAt(0)));

/** htmlparser2's isWhitespace: space, \n, \t, \f, \r. */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

/** Whether `buffer[start, end)` is one of SPECIAL_TAGS, in any case. */
export function isSpecialTag(buffer: string, start: number, end: number): boolean {
  for (const tag of SPECIAL_TAGS) {
    if (tag.length !== end - start) continue;
    let i = 0;
    while (i < tag.length && (buffer.charCodeAt(start + i) | 0x20) === tag.charCodeAt(i)) i++;
    if (i === tag.length) return true;
  }
  return false;
}
