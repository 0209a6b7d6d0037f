import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['  a  b\t\nc  ', 'a b c'],
    ['a\u00A0\u00A0b', 'a b'],
    // Nothing but whitespace is removed: zero-width characters and soft hyphens stay as on the page.
    ['a\u200Bb\u2060c', 'a\u200Bb\u2060c'],
    ['co\u00ADoperate', 'co\u00ADoperate'],
    ['a\uFEFFb', 'a b'],
    ['e\u0301', '\u00E9'],
    ['a\u2003\u3000b', 'a b'],
    ['', ''],
    // The plain-ASCII fast path and its edges.
    ['Plain ASCII text, already normal.', 'Plain ASCII text, already normal.'],
    [' leading space', 'leading space'],
    ['trailing space ', 'trailing space'],
    ['double  space', 'double space'],
    ['tab\there', 'tab here'],
    // The NFC-stable fast path beyond ASCII: curly quotes, dashes, accented letters, currency signs.
    ['\u201CCaf\u00E9\u201D \u2014 \u20AC5\u2026', '\u201CCaf\u00E9\u201D \u2014 \u20AC5\u2026'],
    // One character NFC changes sends the whole text through NFC, spaces collapsed as well.
    ['caf\u00E9\n  e\u0301', 'caf\u00E9 \u00E9'],
    ['\u212B \u00C5', '\u00C5 \u00C5'],
    // U+2000 (NFC: U+2002) is a space either way.
    ['a\u2000b', 'a b'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('normalizeText keeps joiners (issue 8)', () => {
  it.each([
    // Persian "می‌خواهم" (I want): ZWNJ between the prefix and the verb.
    ['Persian ZWNJ', '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645'],
    // Hindi "क्‍ष": ka + virama + ZWJ + ssa (half form), and "र्‍य" (eyelash ra).
    ['Hindi virama + ZWJ', '\u0915\u094D\u200D\u0937 \u0930\u094D\u200D\u092F'],
    // Emoji ZWJ sequences: family, rainbow flag, woman technologist.
    ['emoji ZWJ sequences', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u{1F3F3}\uFE0F\u200D\u{1F308} \u{1F469}\u200D\u{1F4BB}'],
  ])('%s survive unchanged', (_name, text) => {
    expect(normalizeText(`  ${text}  `)).toBe(text.normalize('NFC'));
    expect([...normalizeText(text)].filter((c) => c === '\u200C' || c === '\u200D').length).toBe(
      [...text].filter((c) => c === '\u200C' || c === '\u200D').length,
    );
  });
});
