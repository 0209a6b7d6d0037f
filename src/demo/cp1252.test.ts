import { describe, expect, it } from 'vitest';
import { decodeWindows1252, encodeWindows1252 } from './cp1252.ts';

describe('encodeWindows1252', () => {
  it.each([
    ['plain ASCII', 'abc <p>', [0x61, 0x62, 0x63, 0x20, 0x3c, 0x70, 0x3e]],
    ['Latin-1 letters', 'éü©', [0xe9, 0xfc, 0xa9]],
    ['the 0x80-0x9F block', '€“”’—–', [0x80, 0x93, 0x94, 0x92, 0x97, 0x96]],
  ])('%s', (_name, text, bytes) => {
    expect([...encodeWindows1252(text)]).toEqual(bytes);
  });

  it('writes characters the charset lacks as numeric references', () => {
    expect(encodeWindows1252('−4C 日').toString('latin1')).toBe('&#8722;4C &#26085;');
  });

  it('decodes what it encodes', () => {
    const text = 'Côtes — “€1.2 million” ©';
    expect(decodeWindows1252(encodeWindows1252(text))).toBe(text);
  });
});
