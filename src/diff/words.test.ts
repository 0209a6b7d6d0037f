import { describe, expect, it } from 'vitest';
import type { Segment } from './types.ts';
import { diffText } from './words.ts';

/** Compact rendering of both sides: [-del-] and {+ins+} markers around changed text. */
const show = (segments: Segment[]) =>
  segments.map((s) => (s.op === 'del' ? `[-${s.text}-]` : s.op === 'ins' ? `{+${s.text}+}` : s.text)).join('');

describe('diffText', () => {
  it.each([
    ['identical', 'The vote was close.', 'The vote was close.', 'The vote was close.', 'The vote was close.'],
    ['one word', 'The vote was close.', 'The vote was narrow.', 'The vote was [-close-].', 'The vote was {+narrow+}.'],
    ['punctuation only', 'It is over.', 'It is over!', 'It is over[-.-]', 'It is over{+!+}'],
    ['a space between two changes is absorbed', 'said Monday', 'claimed Tuesday', '[-said Monday-]', '{+claimed Tuesday+}'],
    [
      'a short shared word inside a larger rewrite stays unmarked',
      'one two three of four five six',
      'seven eight nine of ten eleven twelve',
      '[-one two three-] of [-four five six-]',
      '{+seven eight nine+} of {+ten eleven twelve+}',
    ],
    ['a short word between small changes stays', 'red of blue', 'green of pink', '[-red-] of [-blue-]', '{+green+} of {+pink+}'],
    [
      'a long shared word always stays',
      'one two shared three four',
      'five six shared seven eight',
      '[-one two-] shared [-three four-]',
      '{+five six+} shared {+seven eight+}',
    ],
    ['from empty', '', 'New text.', '', '{+New text.+}'],
    ['to empty', 'Old text.', '', '[-Old text.-]', ''],
  ])('%s', (_name, a, b, left, right) => {
    const d = diffText(a, b);
    expect(show(d.left)).toBe(left);
    expect(show(d.right)).toBe(right);
    expect(
      d.left
        .filter((s) => s.op !== 'ins')
        .map((s) => s.text)
        .join(''),
    ).toBe(a);
    expect(
      d.right
        .filter((s) => s.op !== 'del')
        .map((s) => s.text)
        .join(''),
    ).toBe(b);
  });

  it('counts changed words, not spaces or punctuation', () => {
    expect(diffText('At least 12 people, police said.', 'At least 15 people, officials said!')).toMatchObject({
      wordsAdded: 2,
      wordsRemoved: 2,
    });
  });
});
