import { describe, expect, it } from 'vitest';
import { diffVersions } from './engine.ts';
import { sentenceEdits, splitSentences } from './sentences.ts';
import type { SentenceEdit } from './types.ts';

const v = (paragraphs: string[]) => ({ title: 'T', byline: null, published: null, paragraphs });
const ops = (edits: SentenceEdit[]) => edits.map((e) => [e.op, e.old.map((s) => s.text), e.new.map((s) => s.text)]);

describe('splitSentences', () => {
  it.each([
    ['Two sentences. Here.', ['Two sentences.', 'Here.']],
    ['Mr. Smith went to Washington. He stayed.', ['Mr. Smith went to Washington.', 'He stayed.']],
    ['The U.S. said no. It left.', ['The U.S. said no.', 'It left.']],
    ['“Go home,” he said. “Now!” She left.', ['“Go home,” he said.', '“Now!”', 'She left.']],
    ['It cost 1.5 million. Then 2.', ['It cost 1.5 million.', 'Then 2.']],
    ['一句。两句。', ['一句。', '两句。']],
    ['no end', ['no end']],
  ])('%s', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });
});

describe('sentenceEdits', () => {
  const S1 = 'The storm closed every road in the valley.';
  const S2 = 'Schools will stay shut on Friday.';
  const S3 = 'Power was cut to two thousand homes overnight.';

  it('labels kept, edited, added and deleted sentences of an edited paragraph', () => {
    const m = diffVersions(v([`${S1} ${S2} ${S3}`]), v([`${S1} Schools will stay shut on Friday and Monday. Trains are cancelled.`]));
    expect(ops(sentenceEdits(m))).toEqual([
      ['same', [S1], [S1]],
      ['edited', [S2], ['Schools will stay shut on Friday and Monday.']],
      ['deleted', [S3], []],
      ['added', [], ['Trains are cancelled.']],
    ]);
  });

  it('a sentence moved inside its paragraph is moved (a refactor)', () => {
    const m = diffVersions(v([`${S1} ${S2} ${S3}`]), v([`${S2} ${S3} ${S1}`]));
    expect(ops(sentenceEdits(m)).filter(([op]) => op !== 'same')).toEqual([['moved', [S1], [S1]]]);
  });

  it('one sentence split into two, and two merged into one', () => {
    const split = diffVersions(
      v([`${S1} Schools will stay shut on Friday, and power was cut to two thousand homes.`]),
      v([`${S1} Schools will stay shut on Friday. Power was cut to two thousand homes.`]),
    );
    expect(ops(sentenceEdits(split))).toContainEqual([
      'split',
      ['Schools will stay shut on Friday, and power was cut to two thousand homes.'],
      ['Schools will stay shut on Friday.', 'Power was cut to two thousand homes.'],
    ]);
    const merged = diffVersions(
      v([`${S1} Schools will stay shut on Friday. Power was cut to two thousand homes.`]),
      v([`${S1} Schools will stay shut on Friday, and power was cut to two thousand homes.`]),
    );
    expect(ops(sentenceEdits(merged))).toContainEqual([
      'merged',
      ['Schools will stay shut on Friday.', 'Power was cut to two thousand homes.'],
      ['Schools will stay shut on Friday, and power was cut to two thousand homes.'],
    ]);
  });

  it('added and removed paragraphs give added and deleted sentences; a sentence moved to another paragraph is moved', () => {
    const m = diffVersions(v([S1, `${S2} ${S3}`, 'Gone for good. Really.']), v([`${S1} ${S3}`, S2]));
    const edits = sentenceEdits(m);
    expect(ops(edits)).toContainEqual(['moved', [S3], [S3]]);
    expect(ops(edits)).toContainEqual(['deleted', ['Gone for good.'], []]);
    expect(ops(edits)).toContainEqual(['deleted', ['Really.'], []]);
    const moved = edits.find((e) => e.op === 'moved')!;
    expect([moved.old[0].paragraph, moved.new[0].paragraph]).toEqual([1, 0]);
    expect(m.rows[moved.row].kind).not.toBe('same');
  });

  it('a moved paragraph gives moved sentences; unchanged rows give none', () => {
    const m = diffVersions(v([S1, S2, S3]), v([S2, S3, S1]));
    expect(ops(sentenceEdits(m))).toEqual([['moved', [S1], [S1]]]);
    expect(sentenceEdits(diffVersions(v([S1, S2]), v([S1, S2])))).toEqual([]);
  });
});
