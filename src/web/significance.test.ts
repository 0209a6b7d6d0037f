import { describe, expect, it } from 'vitest';
import { CHANGE_LABELS } from '../diff/index.ts';
import { LABEL_WORDS, currentChoice, describeSignificance, parseSignificance, significanceParams } from './significance.ts';

describe('min / kind filters', () => {
  it('turns presets and label ids into the store filter; min keeps article events, a kind only its own', () => {
    expect(parseSignificance({}).filter).toEqual({});
    expect(parseSignificance({ min: 'minor' })).toMatchObject({ min: null, filter: {} });
    expect(parseSignificance({ min: 'Substantive' }).filter).toEqual({
      minLevel: 'substantive',
      eventKinds: ['removed', 'restored', 'revert'],
    });
    expect(parseSignificance({ kind: 'headline' }).filter).toEqual({ labels: ['headline-changed'], eventKinds: [] });
    expect(parseSignificance({ kind: 'removals' }).filter).toEqual({ labels: ['paragraphs-removed'], eventKinds: ['removed'] });
    expect(parseSignificance({ min: 'major', kind: 'corrections, number-changed,corrections' })).toMatchObject({
      min: 'major',
      kinds: ['corrections', 'number-changed'],
      filter: { minLevel: 'major', labels: ['notice-added', 'number-changed'], eventKinds: [] },
    });
  });

  it('refuses unknown values, listing the valid ones', () => {
    expect(() => parseSignificance({ min: 'huge' })).toThrow('min must be one of minor, substantive, major (got "huge")');
    expect(() => parseSignificance({ kind: 'headline,typo' })).toThrow(
      /kind must be one or more \(comma-separated\) of headline, removals, corrections, headline-changed, .* \(got "typo"\)/,
    );
    expect(() => parseSignificance({ kind: "x' OR 1=1" }, { min: '--min', kind: '--kind' })).toThrow(/^--kind must be/);
  });

  it('says and links the filter again', () => {
    const s = parseSignificance({ min: 'substantive', kind: 'headline' });
    expect(significanceParams(s)).toEqual({ min: 'substantive', kind: 'headline' });
    expect(describeSignificance(s)).toBe('substantive and major headline changes');
    expect(describeSignificance(parseSignificance({ min: 'major' }))).toBe('major changes');
    expect(describeSignificance(parseSignificance({}))).toBeNull();
    expect(currentChoice(parseSignificance({ kind: 'corrections' }))?.name).toBe('corrections');
    expect(currentChoice(parseSignificance({ min: 'minor' }))?.name).toBe('all');
    expect(currentChoice(s)).toBeNull();
  });

  it('has words for every label of the diff engine', () => {
    expect(Object.keys(LABEL_WORDS).sort()).toEqual([...CHANGE_LABELS].sort());
  });
});
