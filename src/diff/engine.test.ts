import { describe, expect, it } from 'vitest';
import { diffVersions } from './engine.ts';
import { ARTICLE, changedRow, kinds, text, version } from './testdata/engine-helpers.ts';
import type { DiffRow } from './types.ts';

describe('diffVersions: paragraph alignment', () => {
  it.each([
    ['identical versions', ARTICLE, ARTICLE, ['same', 'same', 'same', 'same', 'same', 'same']],
    [
      'two paragraphs removed',
      ARTICLE,
      [ARTICLE[0], ARTICLE[1], ARTICLE[3], ARTICLE[5]],
      ['same', 'same', 'removed', 'same', 'removed', 'same'],
    ],
    ['paragraph added at the start', ARTICLE.slice(1), ARTICLE, ['added', 'same', 'same', 'same', 'same', 'same']],
    ['paragraph added at the end', ARTICLE.slice(0, 5), ARTICLE, ['same', 'same', 'same', 'same', 'same', 'added']],
    ['both versions empty', [], [], []],
    ['everything new', [], ARTICLE.slice(0, 2), ['added', 'added']],
    ['everything gone', ARTICLE.slice(0, 2), [], ['removed', 'removed']],
    [
      'whitespace and NFC differences are not changes',
      ['Caf\u0065\u0301  au   lait.\n', ' Second\u00a0paragraph. '],
      ['Caf\u00e9 au lait.', 'Second paragraph.'],
      ['same', 'same'],
    ],
    ['empty paragraphs are ignored', ['One.', '', '  ', 'Two.'], ['One.', 'Two.'], ['same', 'same']],
  ])('%s', (_name, a, b, expected) => {
    expect(kinds(diffVersions(version(a), version(b)))).toEqual(expected);
  });

  it('keeps removed text on the left only and reports its words', () => {
    const m = diffVersions(version(ARTICLE), version([ARTICLE[0], ARTICLE[1], ARTICLE[3], ARTICLE[5]]));
    const removed = m.rows.filter((r) => r.kind === 'removed');
    expect(removed.map((r) => (r.kind === 'removed' ? [r.leftIndex, r.text] : null))).toEqual([
      [2, ARTICLE[2]],
      [4, ARTICLE[4]],
    ]);
    expect(m.summary).toMatchObject({
      paragraphsRemoved: 2,
      paragraphsAdded: 0,
      paragraphsChanged: 0,
      wordsAdded: 0,
      wordsRemoved: 8 + 10,
    });
    for (const row of m.rows) if (row.kind === 'same') expect(row.text).toBe(ARTICLE[row.leftIndex]);
  });

  it('pairs a reworded sentence as one changed row with the right words marked', () => {
    const b = [...ARTICLE];
    b[2] = 'Teachers unions gave the announcement a warm welcome on Tuesday.';
    const m = diffVersions(version(ARTICLE), version(b));
    expect(kinds(m)).toEqual(['same', 'same', 'changed', 'same', 'same', 'same']);
    const row = changedRow(m);
    expect([row.leftIndex, row.rightIndex]).toEqual([2, 2]);
    expect(text(row.left, 'del')).toEqual(['cautious']);
    expect(text(row.right, 'ins')).toEqual(['warm', ' on Tuesday']);
    expect(row.left.map((s) => s.text).join('')).toBe(ARTICLE[2]);
    expect(row.right.map((s) => s.text).join('')).toBe(b[2]);
    expect([row.wordsAdded, row.wordsRemoved]).toEqual([3, 1]);
    expect(m.summary).toMatchObject({ paragraphsChanged: 1, wordsAdded: 3, wordsRemoved: 1 });
  });

  it('marks a corrected number as a one-word change', () => {
    const m = diffVersions(
      version(['At least 12 people were hurt, police said.']),
      version(['At least 15 people were hurt, police said.']),
    );
    const row = changedRow(m);
    expect(text(row.left, 'del')).toEqual(['12']);
    expect(text(row.right, 'ins')).toEqual(['15']);
    expect(text(row.right, 'same')).toEqual(['At least ', ' people were hurt, police said.']);
  });

  it('pairs by similarity, not by position', () => {
    const a = ['Storm closes roads across the north of the country.', 'Schools will stay shut on Friday, the council said.'];
    const b = ['Rail services were also cancelled.', 'Schools will stay shut on Friday and Monday, the council said.'];
    const m = diffVersions(version(a), version(b));
    expect(kinds(m)).toEqual(['removed', 'added', 'changed']);
    const row = changedRow(m);
    expect([row.leftIndex, row.rightIndex]).toEqual([1, 1]);
  });

  it('shows a split paragraph as one split row spanning both new paragraphs, marking nothing', () => {
    const whole = 'The bridge was closed at noon after a crack was found. Engineers expect it to reopen within a week.';
    const parts = ['The bridge was closed at noon after a crack was found.', 'Engineers expect it to reopen within a week.'];
    const m = diffVersions(version([ARTICLE[0], whole, ARTICLE[5]]), version([ARTICLE[0], ...parts, ARTICLE[5]]));
    expect(kinds(m)).toEqual(['same', 'split', 'same']);
    const row = m.rows[1] as Extract<DiffRow, { kind: 'split' }>;
    expect([row.leftIndex, row.rightIndices]).toEqual([1, [1, 2]]);
    expect(row.left).toEqual([{ op: 'same', text: whole }]);
    expect(row.right).toEqual(parts.map((text) => [{ op: 'same', text }]));
    expect(m.summary).toMatchObject({ paragraphsSplit: 1, paragraphsAdded: 0, paragraphsChanged: 0, wordsAdded: 0, wordsRemoved: 0 });
  });

  it('shows two merged paragraphs as one merged row, with the edit marked', () => {
    const m = diffVersions(
      version(['Polls open at seven in the morning across the region.', 'They close at ten in the evening.']),
      version(['Polls open at seven in the morning across the region. They close at eleven in the evening.']),
    );
    expect(kinds(m)).toEqual(['merged']);
    const row = m.rows[0] as Extract<DiffRow, { kind: 'merged' }>;
    expect([row.leftIndices, row.rightIndex]).toEqual([[0, 1], 0]);
    expect(row.left.map((side) => text(side, 'del'))).toEqual([[], ['ten']]);
    expect(text(row.right, 'ins')).toEqual(['eleven']);
    expect(m.summary).toMatchObject({ paragraphsMerged: 1, paragraphsRemoved: 0, wordsAdded: 1, wordsRemoved: 1 });
  });

  it('shows a moved paragraph as moved, not as removed plus added', () => {
    const b = [ARTICLE[0], ARTICLE[4], ARTICLE[1], ARTICLE[2], ARTICLE[3], ARTICLE[5]];
    const m = diffVersions(version(ARTICLE), version(b));
    expect(m.rows.filter((r) => r.kind !== 'same')).toEqual([
      { kind: 'moved-to', leftIndex: 4, rightIndex: 1, text: ARTICLE[4], edit: null },
      { kind: 'moved-from', leftIndex: 4, rightIndex: 1, text: ARTICLE[4], edit: null },
    ]);
    expect(m.summary).toMatchObject({ paragraphsMoved: 1, paragraphsAdded: 0, paragraphsRemoved: 0, wordsAdded: 0, wordsRemoved: 0 });
  });

  it('compares Chinese and Japanese per character', () => {
    const m = diffVersions(version(['我爱北京天安门。']), version(['我爱上海天安门。']));
    const row = changedRow(m);
    expect(text(row.left, 'del')).toEqual(['北京']);
    expect(text(row.right, 'ins')).toEqual(['上海']);
    expect([row.wordsAdded, row.wordsRemoved]).toEqual([2, 2]);
    const jp = changedRow(diffVersions(version(['東京都の天気は晴れです。']), version(['東京都の天気は雨です。'])));
    expect(text(jp.left, 'del')).toEqual(['晴れ']);
    expect(text(jp.right, 'ins')).toEqual(['雨']);
  });

  it('reads a rewrite as one replacement rather than word confetti', () => {
    const row = changedRow(
      diffVersions(version(['He said on Monday that the plan was fine.']), version(['He claimed last Tuesday that the plan was fine.'])),
    );
    expect(text(row.left, 'del')).toEqual(['said on Monday']);
    expect(text(row.right, 'ins')).toEqual(['claimed last Tuesday']);
  });
});

describe('diffVersions: fields', () => {
  it('reports a headline-only change with word segments and counts', () => {
    const m = diffVersions(version(ARTICLE, 'Plan for schools unveiled'), version(ARTICLE, 'Plan for schools delayed'));
    expect(kinds(m).every((k) => k === 'same')).toBe(true);
    expect(m.title).toMatchObject({ changed: true, old: 'Plan for schools unveiled', new: 'Plan for schools delayed' });
    expect(text(m.title.left, 'del')).toEqual(['unveiled']);
    expect(text(m.title.right, 'ins')).toEqual(['delayed']);
    expect(m.summary).toMatchObject({ titleChanged: true, bylineChanged: false, publishedChanged: false, wordsAdded: 1, wordsRemoved: 1 });
  });

  it('diffs byline and published time, and treats null and equal fields as unchanged', () => {
    const m = diffVersions(
      version([], 'T', 'By A Reporter', '2024-01-01T10:00:00Z'),
      version([], 'T', 'By A Reporter and B Writer', '2024-01-01T11:30:00Z'),
    );
    expect(m.byline.changed).toBe(true);
    expect(text(m.byline.right, 'ins')).toEqual([' and B Writer']);
    expect(m.published.changed).toBe(true);
    expect(m.summary).toMatchObject({ bylineChanged: true, publishedChanged: true, wordsAdded: 0, wordsRemoved: 0 });
    const same = diffVersions(version([], 'T'), version([], ' T '));
    expect(same.title).toEqual({
      changed: false,
      old: 'T',
      new: 'T',
      left: [{ op: 'same', text: 'T' }],
      right: [{ op: 'same', text: 'T' }],
    });
    expect(same.byline).toEqual({ changed: false, old: null, new: null, left: [], right: [] });
  });

  it('a byline that appears is an insertion', () => {
    const m = diffVersions(version([], 'T', null), version([], 'T', 'By Someone'));
    expect(m.byline).toMatchObject({ changed: true, old: null, new: 'By Someone', left: [], right: [{ op: 'ins', text: 'By Someone' }] });
  });
});

describe('diffVersions: large inputs', () => {
  const paragraph = (n: number, salt: string) =>
    `Paragraph ${n} ${salt} ` + Array.from({ length: 40 }, (_, k) => `w${(n * 7 + k) % 500}`).join(' ');

  it('handles a 3000-paragraph total rewrite without blowing up', () => {
    const a = Array.from({ length: 3000 }, (_, n) => paragraph(n, 'old'));
    const b = Array.from({ length: 3000 }, (_, n) => paragraph(n + 10_000, 'new'));
    const m = diffVersions(version(a), version(b));
    const removed = m.rows.filter((r) => r.kind === 'removed' || r.kind === 'changed').length;
    const added = m.rows.filter((r) => r.kind === 'added' || r.kind === 'changed').length;
    expect([removed, added]).toEqual([3000, 3000]);
  });

  it('pairs every paragraph of a long article reworded throughout (no cell cap switches pairing off)', () => {
    const a = Array.from({ length: 1200 }, (_, n) => paragraph(n, `kept${n}`));
    const b = a.map((p, n) => p.replace(/w(\d+) w(\d+)/, `changed${n} other${n}`));
    const m = diffVersions(version(a), version(b));
    const changed = m.rows.filter((r) => r.kind === 'changed' && r.leftIndex === r.rightIndex);
    expect(changed).toHaveLength(1200);
  });

  it('keeps unique shared paragraphs as anchors when the paragraph LCS is over budget', () => {
    // Every other paragraph rewritten across 3000: too many edits for Myers' budget, so the
    // alignment falls back to patience anchors; the kept paragraphs must still line up.
    const a = Array.from({ length: 3000 }, (_, n) => paragraph(n, 'kept'));
    const b = a.map((p, n) => (n % 2 ? paragraph(n + 10_000, 'new') : p));
    const m = diffVersions(version(a), version(b));
    const same = m.rows.filter((r) => r.kind === 'same');
    expect(same).toHaveLength(1500);
    expect(same.every((r) => r.kind === 'same' && r.leftIndex === r.rightIndex && r.leftIndex % 2 === 0)).toBe(true);
    const removed = m.rows.filter((r) => r.kind === 'removed' || r.kind === 'changed').length;
    const added = m.rows.filter((r) => r.kind === 'added' || r.kind === 'changed').length;
    expect([removed, added]).toEqual([1500, 1500]);
  });

  it('falls back to a whole-paragraph replacement for an enormous rewritten paragraph', () => {
    // The same 20,000 words in reverse order: fully similar, but an LCS would cost ~N² steps.
    const words = Array.from({ length: 20_000 }, (_, k) => `w${k}`);
    const a = words.join(' ');
    const b = [...words].reverse().join(' ');
    const row = changedRow(diffVersions(version([a]), version([b])));
    expect(row.left).toEqual([{ op: 'del', text: a }]);
    expect(row.right).toEqual([{ op: 'ins', text: b }]);
  });
});

/** The minimal examples of issue 15: A, B and C are sentences; A′ is A with one number changed. */
