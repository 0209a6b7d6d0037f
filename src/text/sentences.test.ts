import { describe, expect, it } from 'vitest';
import { changedSentences, sentenceHasTerms, splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it.each([
    ['One. Two.', ['One.', 'Two.']],
    ['He said: “We leave.” Then he left!', ['He said: “We leave.”', 'Then he left!']],
    ['Prices rose 2.5 per cent. Rents fell.', ['Prices rose 2.5 per cent.', 'Rents fell.']],
    ['No end', ['No end']],
    ['  spaced   out.  Next one?  ', ['spaced out.', 'Next one?']],
    ['', []],
    ['Is it? 2024 was worse.', ['Is it?', '2024 was worse.']],
  ])('%j', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });
});

describe('changedSentences', () => {
  it('finds the sentence added to and removed from paragraphs, ignoring unchanged and moved ones', () => {
    const before = ['The talks began on Monday. Delegates from Kenya attended.', 'Prices rose.'];
    const after = ['Prices rose.', 'The talks began on Monday. Delegates from Rwanda attended.'];
    expect(changedSentences(before, after)).toEqual({
      added: ['Delegates from Rwanda attended.'],
      removed: ['Delegates from Kenya attended.'],
    });
  });

  it('counts repeated sentences', () => {
    expect(changedSentences(['A b.', 'A b.'], ['A b.'])).toEqual({ added: [], removed: ['A b.'] });
  });
});

describe('sentenceHasTerms', () => {
  const cases: [string, string[][], boolean][] = [
    ['Troops left Rwanda on Friday.', [['rwanda']], true],
    ["RWANDA's president spoke.", [['rwanda']], true],
    ['The Rwandan army', [['rwanda']], false],
    ['Talks in Zürich ended.', [['zurich']], true],
    ['The prime minister resigned.', [['prime', 'minister']], true],
    ['The minister, prime among them', [['prime', 'minister']], false],
    ['Peace deal signed in Kigali', [['peace'], ['kigali']], true],
    ['Peace deal signed', [['peace'], ['kigali']], false],
    ['Anything', [], false],
  ];
  it.each(cases)('%j with %j', (sentence, terms, expected) => {
    expect(sentenceHasTerms(sentence, terms)).toBe(expected);
  });
});
