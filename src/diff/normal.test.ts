import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize.ts';
import { normal } from './normal.ts';

describe('normal', () => {
  it.each([
    'Plain ASCII text, already normal.',
    ' leading space',
    'trailing space ',
    'double  space',
    'tab\there',
    'line\nbreak',
    'Cafe\u0301 au lait',
    'non\u00a0breaking',
    'zero\u200bwidth',
    'soft\u00adhyphen',
    '',
  ])('agrees with normalizeText on %j', (text) => {
    expect(normal(text)).toBe(normalizeText(text));
  });
});
