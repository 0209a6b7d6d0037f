import { describe, expect, it } from 'vitest';
import { parseSearchText } from './search-query.ts';

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
  ])('%s', (input, expected) => {
    expect(parseSearchText(input)).toEqual(expected);
  });
});
