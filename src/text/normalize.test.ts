import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['  a  b\t\nc  ', 'a b c'],
    ['a\u00A0\u00A0b', 'a b'],
    ['a\u200Bb\u2060c\uFEFF', 'abc'],
    ['co\u00ADoperate', 'cooperate'],
    ['e\u0301', '\u00E9'],
    ['a\u2003\u3000b', 'a b'],
    ['', ''],
    // The plain-ASCII fast path and its edges.
    ['Plain ASCII text, already normal.', 'Plain ASCII text, already normal.'],
    [' leading space', 'leading space'],
    ['trailing space ', 'trailing space'],
    ['double  space', 'double space'],
    ['tab\there', 'tab here'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
