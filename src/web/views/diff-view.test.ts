import { selectAll, selectOne } from 'css-select';
import type { Element } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../diff/index.ts';
import { renderInline, renderSideBySide } from './diff-view.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

const unchanged = Array.from({ length: 8 }, (_, k) => `Unchanged paragraph number ${k + 1} about the council budget.`);
const a = {
  title: `Council budget approved ${SCRIPT}`,
  byline: `By Reporter ${IMG}`,
  published: '2024-05-01T09:00:00Z',
  paragraphs: [
    `The council approved a budget of 12 million pounds ${SCRIPT} on Tuesday.`,
    `This paragraph is removed ${IMG} later.`,
    'A paragraph that moves to the end.',
    ...unchanged,
  ],
};
const b = {
  title: `Council budget approved after long debate ${SCRIPT}`,
  byline: `By Reporter ${IMG}`,
  published: '2024-05-01T09:00:00Z',
  paragraphs: [
    `The council approved a budget of 15 million pounds ${SCRIPT} on Tuesday.`,
    ...unchanged,
    `A brand new paragraph ${SCRIPT} ${IMG} appears.`,
    'A paragraph that moves to the end.',
  ],
};
const model = diffVersions(a, b);
const opts = { leftLabel: 'Version 1', rightLabel: 'Version 2', timeNote: '(31 minutes later)' };

const parse = (markup: string) => parseDocument(markup);
const attr = (e: unknown, name: string) => (e as Element).attribs[name];
const cells = (doc: ReturnType<typeof parse>, selector: string) => selectAll(selector, doc).map((e) => textContent(e));

describe('renderSideBySide', () => {
  const markup = renderSideBySide(model, opts).toString();
  const doc = parse(markup);

  it('shows hostile article text as text, never as markup', () => {
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain('<img');
    expect(selectAll('script, img', doc)).toHaveLength(0);
    expect(textContent(doc)).toContain(SCRIPT);
    expect(textContent(doc)).toContain(IMG);
  });

  it('puts removed text only in the left column and added text only in the right', () => {
    const removed = `This paragraph is removed ${IMG} later.`;
    const added = `A brand new paragraph ${SCRIPT} ${IMG} appears.`;
    expect(cells(doc, 'tr.row-removed td.left del')).toEqual([removed]);
    expect(cells(doc, 'tr.row-removed td.right')).toEqual(['']);
    expect(cells(doc, 'tr.row-added td.right ins')).toEqual([added]);
    expect(cells(doc, 'tr.row-added td.left')).toEqual(['']);
    expect(cells(doc, 'td.right').some((t) => t.includes('is removed'))).toBe(false);
    expect(cells(doc, 'td.left').some((t) => t.includes('brand new'))).toBe(false);
  });

  it('has the header columns, the headline row with its changes, and the time row', () => {
    expect(cells(doc, 'thead th')).toEqual(['Version 1', 'Version 2']);
    expect(cells(doc, 'tr.field-title.row-changed td.right ins')).toEqual(['after long debate ']);
    expect(cells(doc, 'tr.field-title td.left del')).toEqual([]);
    expect(cells(doc, 'tr.field-byline.row-same td')).toEqual([`By Reporter ${IMG}`, `By Reporter ${IMG}`]);
    expect(cells(doc, 'tr.field-time td.right')).toEqual(['(31 minutes later)']);
  });

  it('marks the changed words of a changed row on each side', () => {
    expect(cells(doc, 'tr.row-changed:not(.field) td.left del')).toEqual(['12']);
    expect(cells(doc, 'tr.row-changed:not(.field) td.right ins')).toEqual(['15']);
    expect(cells(doc, 'tr.row-changed:not(.field) td.left ins')).toEqual([]);
  });

  it('numbers every paragraph row p1..pN and links moved paragraphs to each other', () => {
    const ids = selectAll('tr.row', doc).map((e) => attr(e, 'id'));
    expect(ids).toEqual(model.rows.map((_, k) => `p${k + 1}`));
    const links = selectAll('tr.row-moved a', doc).map((e) => attr(e, 'href'));
    expect(links).toHaveLength(2);
    for (const href of links) expect(ids).toContain(href.slice(1));
    expect(cells(doc, 'tr.row-moved-to .moved-note')).toEqual(['moved from ¶3']);
    expect(cells(doc, 'tr.row-moved-from .moved-note')).toEqual(['moved to ¶11']);
  });

  it('folds long unchanged runs in the changes-only view, keeping ids stable', () => {
    const folded = parse(renderSideBySide(model, { ...opts, changesOnly: true }).toString());
    expect(cells(folded, 'tr.row-fold summary')).toEqual(['… 6 unchanged paragraphs (show) …']);
    // The folded text is there, inside a <details> that opens without JavaScript.
    expect(selectAll('tr.row-fold details .folded p', folded)).toHaveLength(6);
    const ids = selectAll('tr.row', folded).map((e) => attr(e, 'id'));
    const full = selectAll('tr.row', doc).map((e) => attr(e, 'id'));
    expect(ids.length).toBe(full.length - 6);
    for (const id of ids) expect(full).toContain(id);
    expect(selectOne('table.changes-only', folded)).not.toBeNull();
  });
});

describe('renderInline', () => {
  const markup = renderInline(model, { ...opts, timeNote: null }).toString();
  const doc = parse(markup);

  it('renders one column with deletions before insertions, escaped', () => {
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain('<img');
    expect(cells(doc, 'thead th')).toEqual(['Version 1 → Version 2']);
    expect(selectAll('tr', doc).every((tr) => selectAll('td, th', tr).length === 1)).toBe(true);
    const changed = selectAll('tr.row-changed:not(.field) td', doc)[0];
    expect(textContent(changed)).toBe(`The council approved a budget of 1215 million pounds ${SCRIPT} on Tuesday.`);
    expect(cells(doc, 'tr.row-removed del')).toEqual([`This paragraph is removed ${IMG} later.`]);
    expect(selectAll('tr.field-time', doc)).toHaveLength(0);
  });
});

describe('moves with edits, splits and merges', () => {
  const kept = ['The first paragraph stays where it is.', 'So does the second one, unchanged.'];
  const movedOld = `The crown rose slightly ${SCRIPT} against the dollar after the announcement.`;
  const movedNew = `The crown rose sharply ${SCRIPT} against the dollar and the euro after the announcement.`;
  const whole = 'The bridge was closed at noon after a crack was found. Engineers expect it to reopen within a week.';
  const m = diffVersions(
    {
      title: 'T',
      byline: null,
      published: null,
      paragraphs: [
        ...kept,
        'Filler one stays.',
        'Filler two stays.',
        movedOld,
        whole,
        'Polls open at seven in the morning.',
        'They close at ten.',
      ],
    },
    {
      title: 'T',
      byline: null,
      published: null,
      paragraphs: [
        kept[0],
        movedNew,
        kept[1],
        'Filler one stays.',
        'Filler two stays.',
        'The bridge was closed at noon after a crack was found.',
        'Engineers expect it to reopen within a week.',
        'Polls open at seven in the morning. They close at eleven.',
      ],
    },
  );

  it('side by side: the moved + changed paragraph shows deletions at its old place and insertions at its new one', () => {
    const doc = parse(renderSideBySide(m, opts).toString());
    const from = selectOne('tr.row-moved-from.row-moved-changed', doc)!;
    const to = selectOne('tr.row-moved-to.row-moved-changed', doc)!;
    expect(textContent(selectAll('td.left del', from))).toBe('slightly');
    expect(textContent(selectOne('td.left .moved-note', from)!)).toBe('moved to ¶2 and changed');
    expect(selectAll('td.right ins', to).map((e) => textContent(e))).toEqual(['sharply', ' and the euro']);
    expect(textContent(selectOne('td.right .moved-note', to)!)).toBe('moved from ¶5 and changed');
    expect(selectAll('td.right del', to)).toHaveLength(0);
    // The note at each end links to the other end; source text stays escaped.
    expect(attr(selectOne('.moved-note a', from), 'href')).toBe(`#${attr(to, 'id')}`);
    expect(selectAll('script', doc)).toHaveLength(0);
  });

  it('side by side: a split row spans both new paragraphs, a merged row both old ones', () => {
    const doc = parse(renderSideBySide(m, opts).toString());
    const split = selectOne('tr.row-split', doc)!;
    expect(textContent(selectOne('td.left', split)!)).toBe(whole);
    expect(selectAll('td.right p.part', split).map((e) => textContent(e))).toEqual([
      'The bridge was closed at noon after a crack was found.',
      'Engineers expect it to reopen within a week.',
    ]);
    expect(textContent(selectOne('td.right .part-note', split)!)).toBe('split into ¶6–7');
    const merged = selectOne('tr.row-merged', doc)!;
    expect(selectAll('td.left p.part', merged).map((e) => textContent(e))).toEqual([
      'Polls open at seven in the morning.',
      'They close at ten.',
    ]);
    expect(textContent(selectAll('td.left del', merged))).toBe('ten');
    expect(textContent(selectAll('td.right ins', merged))).toBe('eleven');
  });

  it('inline: the move + edit at its new place, the split as its parts, the merge as one line', () => {
    const doc = parse(renderInline(m, opts).toString());
    const to = selectOne('tr.row-moved-to', doc)!;
    expect(textContent(selectAll('del', to))).toBe('slightly');
    expect(selectAll('ins', to).map((e) => textContent(e))).toEqual(['sharply', ' and the euro']);
    expect(selectAll('tr.row-split p.part', doc)).toHaveLength(2);
    const merged = selectOne('tr.row-merged', doc)!;
    expect(textContent(merged)).toContain('merged from ¶7–8');
    expect([textContent(selectAll('del', merged)), textContent(selectAll('ins', merged))]).toEqual(['ten', 'eleven']);
  });
});
