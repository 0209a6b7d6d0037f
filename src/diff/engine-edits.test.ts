import { describe, expect, it } from 'vitest';
import { diffVersions } from './engine.ts';
import { changedRow, kinds, text, version } from './testdata/engine-helpers.ts';
import type { DiffModel } from './types.ts';

describe('diffVersions: moves, edits and ties', () => {
  const A = 'The council approved a budget of 12 million pounds on Monday evening.';
  const A2 = 'The council approved a budget of 15 million pounds on Monday evening.';
  const B = 'Opposition members walked out of the chamber in protest at the decision.';
  const C = 'A public consultation will open next week and run until the end of March.';
  const nonSame = (m: DiffModel) => m.rows.filter((r) => r.kind !== 'same');

  it('[A, B, C] → [B, C, A′]: A moved and changed, with its word marks, B and C kept', () => {
    const m = diffVersions(version([A, B, C]), version([B, C, A2]));
    expect(kinds(m)).toEqual(['moved-from', 'same', 'same', 'moved-to']);
    const [from, to] = [m.rows[0], m.rows[3]];
    if (from.kind !== 'moved-from' || to.kind !== 'moved-to') throw new Error('expected a move');
    expect([to.leftIndex, to.rightIndex, to.text]).toEqual([0, 2, A2]);
    expect(to.edit).toBe(from.edit);
    expect(text(to.edit!.left, 'del')).toEqual(['12']);
    expect(text(to.edit!.right, 'ins')).toEqual(['15']);
    expect(m.summary).toMatchObject({
      paragraphsMoved: 1,
      paragraphsChanged: 1,
      paragraphsAdded: 0,
      paragraphsRemoved: 0,
      wordsAdded: 1,
      wordsRemoved: 1,
    });
  });

  it('[A, B, C] → [C, A′, B]: C moved, A changed in place (fewest moves, most pairs in place)', () => {
    const m = diffVersions(version([A, B, C]), version([C, A2, B]));
    expect(nonSame(m).map((r) => [r.kind, 'leftIndex' in r ? r.leftIndex : null, 'rightIndex' in r ? r.rightIndex : null])).toEqual([
      ['moved-to', 2, 0],
      ['changed', 0, 1],
      ['moved-from', 2, 0],
    ]);
    expect(m.summary).toMatchObject({ paragraphsMoved: 1, paragraphsChanged: 1 });
  });

  it('pairs a short credit line replaced in the same slot: "Reuters" → "AP"', () => {
    const m = diffVersions(version([A, 'Reuters', C]), version([A, 'AP', C]));
    expect(kinds(m)).toEqual(['same', 'changed', 'same']);
    const row = changedRow(m);
    expect([text(row.left, 'del'), text(row.right, 'ins')]).toEqual([['Reuters'], ['AP']]);
  });

  it('pairs a heavily reworded paragraph that stays where it was', () => {
    const old = 'Firefighters battled the blaze for six hours before bringing it under control late on Sunday night.';
    const reworded = 'Crews fought the fire for six hours and finally contained it late on Sunday.';
    const m = diffVersions(version([A, old, C]), version([A, reworded, C]));
    expect(kinds(m)).toEqual(['same', 'changed', 'same']);
  });

  it('keeps an unrelated replacement as removed + added', () => {
    const m = diffVersions(version([A, B, C]), version([A, 'Tickets for the summer festival go on sale at nine on Friday morning.', C]));
    expect(kinds(m)).toEqual(['same', 'removed', 'added', 'same']);
  });
});

describe('diffVersions: word marks', () => {
  it('👍 → 👍🏽 marks the whole cluster on both sides', () => {
    const row = changedRow(diffVersions(version(['Readers liked it 👍 a lot.']), version(['Readers liked it 👍🏽 a lot.'])));
    expect(text(row.left, 'del')).toEqual(['👍']);
    expect(text(row.right, 'ins')).toEqual(['👍🏽']);
    expect([row.wordsAdded, row.wordsRemoved]).toEqual([0, 0]);
  });

  it('🇺🇸 → 🇺🇦 marks the whole flag, not half of it', () => {
    const row = changedRow(diffVersions(version(['Flags flew: 🇺🇸 and more.']), version(['Flags flew: 🇺🇦 and more.'])));
    expect(text(row.left, 'del')).toEqual(['🇺🇸']);
    expect(text(row.right, 'ins')).toEqual(['🇺🇦']);
  });

  it('leaves "men" unmarked in "arrested two men in Leeds" when the words around it change', () => {
    const row = changedRow(
      diffVersions(
        version(['Police arrested two men in Leeds on Friday night.']),
        version(['Detectives questioned three men in Bradford on Saturday morning.']),
      ),
    );
    const sameText = text(row.left, 'same').join('|');
    expect(sameText).toContain(' men in ');
    expect(text(row.left, 'del').join(' ')).not.toMatch(/\bmen\b/);
    expect(text(row.right, 'ins').join(' ')).not.toMatch(/\bmen\b/);
  });
});
