import { describe, expect, it } from 'vitest';
import { MAX_PHRASE_WORDS, MAX_QUERY_CHARS, MAX_SEARCH_TERMS, parseSearchText } from './search-query.ts';

describe('parseSearchText', () => {
  it.each([
    ['minister resigned', [['minister'], ['resigned']]],
    ['"prime minister" Resigned', [['prime', 'minister'], ['resigned']]],
    ['"unbalanced quote here', [['unbalanced', 'quote', 'here']]],
    ['AND OR ( * NEAR', [['and'], ['or'], ['near']]],
    ['"', []],
    ['  *  ', []],
    ["don't", [['don'], ['t']]],
    ['Zürich 2024', [['zürich'], ['2024']]],
    ['parliam* vote', [['parliam*'], ['vote']]],
    ['"prime minis"* *x', [['prime', 'minis*'], ['x']]],
    ['"pri* minister"', [['pri', 'minister']]],
    ['the The THE the', [['the']]],
    ['"a b" a "A B" b', [['a', 'b'], ['a'], ['b']]],
  ])('%s', (input, expected) => {
    expect(parseSearchText(input)).toEqual(expected);
  });

  it('keeps at most MAX_SEARCH_TERMS distinct terms of a hostile query', () => {
    const terms = parseSearchText(Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' '));
    expect(terms.length).toBe(MAX_SEARCH_TERMS);
    expect(terms[0]).toEqual(['w0']);
    expect(parseSearchText('the '.repeat(3000))).toEqual([['the']]);
  });

  it('does not turn a word cut at MAX_QUERY_CHARS into a term of its own', () => {
    expect(parseSearchText('story '.repeat(3000))).toEqual([['story']]);
    const text = `${'a'.repeat(MAX_QUERY_CHARS - 3)} minister`;
    expect(parseSearchText(text)).toEqual([['a'.repeat(MAX_QUERY_CHARS - 3)]]);
  });

  it('caps phrase length and reads only the first MAX_QUERY_CHARS characters', () => {
    const phrase = parseSearchText(`"${'x '.repeat(100)}"`);
    expect(phrase).toEqual([Array(MAX_PHRASE_WORDS).fill('x')]);
    const late = parseSearchText(`${' '.repeat(MAX_QUERY_CHARS)}hidden`);
    expect(late).toEqual([]);
  });
});
