import { describe, expect, it } from 'vitest';
import { comparable, mayStartWith, repairMojibake } from './title-words.ts';

describe('mayStartWith', () => {
  it('is false only when the comparable key of the text does not start with the key', () => {
    const bits = ['a', 'B', 'z', '0', '9', ' ', '  ', '-', '"', '.', '\n', 'é', 'e\u0301', 'İ', 'ß', '\u00a0', 'Ω', '\u0661', '’'];
    const keys = ['a', 'b', 'z', '0', 'e', 'é', 'i', 'ω', 'a b', 'b z', 'ss'];
    let seed = 11;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let skipped = 0;
    for (let k = 0; k < 30000; k++) {
      let text = '';
      for (let n = rnd(8); n > 0; n--) text += bits[rnd(bits.length)];
      const key = comparable(keys[rnd(keys.length)]);
      if (mayStartWith(text, key)) continue;
      skipped++;
      expect(comparable(text).startsWith(key)).toBe(false);
    }
    // The check does skip many of the texts that cannot be the headline.
    expect(skipped).toBeGreaterThan(5000);
  });
});

describe('repairMojibake', () => {
  /** The text's UTF-8 bytes, each read as one Latin-1 character. */
  const asLatin1 = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));

  it('reads again as UTF-8 a text whose UTF-8 bytes were read as Latin-1', () => {
    expect(repairMojibake(asLatin1('A DIY Investor’s Guide — 2025'))).toBe('A DIY Investor’s Guide — 2025');
    expect(repairMojibake(asLatin1('JOHNSON’S® Café'))).toBe('JOHNSON’S® Café');
  });

  it('leaves alone Latin-1 text, text without a C1 control, and text that is no UTF-8', () => {
    for (const s of ['Café Zürich, âge d’or', 'Ã© as written', 'Investor’s Guide', 'bad \u0080 byte', 'mixed \u00e2\u0080\u0099 and ’'])
      expect(repairMojibake(s)).toBe(s);
  });
});
