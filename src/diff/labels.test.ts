import { describe, expect, it } from 'vitest';
import { diffVersions } from './engine.ts';
import { CHANGE_LABELS } from './label-ids.ts';
import { classifyChange, RULES } from './labels.ts';
import { P, TITLE, v, withP } from './testdata/label-article.ts';
import { MAJOR_CASES } from './testdata/label-cases-major.ts';
import { MINOR_CASES } from './testdata/label-cases-minor.ts';

const CASES = [...MINOR_CASES, ...MAJOR_CASES];

describe('change labels and level', () => {
  it.each(CASES)('%s', (_name, before, after, labels, level) => {
    const m = diffVersions(v(before), v(after));
    expect(m.labels).toEqual(CHANGE_LABELS.filter((l) => labels.includes(l)));
    expect(m.level).toBe(level);
  });

  it('the table covers every label and every level', () => {
    const labels = new Set(CASES.flatMap((c) => c[3]));
    expect(CHANGE_LABELS.filter((l) => !labels.has(l))).toEqual([]);
    expect(new Set(CASES.map((c) => c[4]))).toEqual(new Set(['minor', 'substantive', 'major']));
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('RULES lists each label once, in CHANGE_LABELS order, with its meaning', () => {
    expect(RULES.map((r) => r.label)).toEqual([...CHANGE_LABELS]);
    for (const r of RULES) expect(r.means.length).toBeGreaterThan(10);
  });

  it('previews the headline when it changed, else the first changed sentence', () => {
    expect(diffVersions(v(), v({ title: 'Council rejects budget for city schools' })).preview).toEqual({
      where: 'headline',
      paragraph: null,
      before: TITLE,
      after: 'Council rejects budget for city schools',
    });
    const twoSentences = P[3] + ' They returned an hour later.';
    const m = diffVersions(
      v({ paragraphs: withP(3, twoSentences) }),
      v({ paragraphs: withP(3, P[3] + ' They returned two hours later.') }),
    );
    expect(m.preview).toEqual({
      where: 'paragraph',
      paragraph: 3,
      before: 'They returned an hour later.',
      after: 'They returned two hours later.',
    });
    expect(diffVersions(v(), v()).preview).toBeNull();
    const long = diffVersions(v(), v({ paragraphs: [...P, 'word '.repeat(100).trim()] })).preview!;
    expect(long.after.length).toBeLessThanOrEqual(200);
    expect(long.after.endsWith('…')).toBe(true);
  });

  it('classifyChange works on a model without the alignment’s word knowledge', () => {
    const m = diffVersions(v({ paragraphs: [...P, 'Reuters'] }), v({ paragraphs: [...P, 'AP'] }));
    expect(classifyChange(m)).toEqual({ labels: m.labels, level: m.level, preview: m.preview });
  });
});
