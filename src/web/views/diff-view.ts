/**
 * HTML for a DiffModel: a side-by-side table (old left, new right) and an inline single column.
 * Pure functions returning SafeHtml; every piece of article text goes through the escaping
 * `html` template, never `raw`.
 *
 * Deep links: each paragraph row has `id="p<N>"`, N being the row's 1-based position in
 * `model.rows` (reading order, removed rows included). N does not depend on "changes only", so a
 * link made in one view works in the other.
 *
 * CSS classes: table `diff` + `diff-side` | `diff-inline` (+ `changes-only`); cells `left`,
 * `right` (+ `empty` when a side has nothing); field rows `field` + `field-title` |
 * `field-byline` | `field-published` | `field-time`; paragraph rows `row` + `row-same` |
 * `row-removed` | `row-added` | `row-changed` | `row-moved` (+ `row-moved-from` |
 * `row-moved-to`, + `row-moved-changed` when the moved paragraph was also edited) | `row-split` |
 * `row-merged`; folded runs `row-fold`; moved notes `moved-note`; a split or merged row holds
 * one `<p class="part">` per paragraph on its many side, with a `part-note`. Changed words are
 * `<del>` / `<ins>`.
 */
import { foldUnchanged, inlineParts, inlineSegments, numberRows, type FoldedRow } from '../../diff/index.ts';
import type { DiffModel, DiffRow, FieldDiff, Segment } from '../../diff/index.ts';
import { html, type SafeHtml } from '../html.ts';

export interface DiffViewOptions {
  leftLabel: string;
  rightLabel: string;
  /** Shown in the time row, e.g. "(31 minutes later)"; no time row when null. */
  timeNote: string | null;
  /** Fold long runs of unchanged paragraphs, keeping one row of context around each change. */
  changesOnly?: boolean;
}

type Layout = 'side' | 'inline';

export function renderSideBySide(model: DiffModel, opts: DiffViewOptions): SafeHtml {
  return renderTable(model, opts, 'side');
}

export function renderInline(model: DiffModel, opts: DiffViewOptions): SafeHtml {
  return renderTable(model, opts, 'inline');
}

function renderTable(model: DiffModel, opts: DiffViewOptions, layout: Layout): SafeHtml {
  const rows = opts.changesOnly ? foldUnchanged(model.rows) : numberRows(model.rows);
  const anchors = movedAnchors(model.rows);
  const classes = ['diff', layout === 'side' ? 'diff-side' : 'diff-inline', opts.changesOnly ? 'changes-only' : '']
    .filter(Boolean)
    .join(' ');
  const head =
    layout === 'side'
      ? html`<tr><th scope="col" class="left">${opts.leftLabel}</th><th scope="col" class="right">${opts.rightLabel}</th></tr>`
      : html`<tr><th scope="col">${opts.leftLabel} → ${opts.rightLabel}</th></tr>`;
  return html`<table class="${classes}"><thead>${head}</thead><tbody>${fieldRows(model, opts, layout)}${rows.map((r) => paragraphRow(r, anchors, layout, model.rows))}</tbody></table>`;
}

function fieldRows(model: DiffModel, opts: DiffViewOptions, layout: Layout): SafeHtml[] {
  const out = [fieldRow('title', model.title, layout)];
  if (model.byline.old !== null || model.byline.new !== null) out.push(fieldRow('byline', model.byline, layout));
  if (model.published.old !== null || model.published.new !== null) out.push(fieldRow('published', model.published, layout));
  if (opts.timeNote !== null) {
    out.push(
      layout === 'side'
        ? html`<tr class="field field-time"><td class="left empty"></td><td class="right">${opts.timeNote}</td></tr>`
        : html`<tr class="field field-time"><td>${opts.timeNote}</td></tr>`,
    );
  }
  return out;
}

function fieldRow(name: string, field: FieldDiff, layout: Layout): SafeHtml {
  const cls = `field field-${name} ${field.changed ? 'row-changed' : 'row-same'}`;
  if (layout === 'inline')
    return html`<tr class="${cls}"><td>${segments(field.changed ? inlineSegments(field.left, field.right) : field.right)}</td></tr>`;
  return html`<tr class="${cls}">${cell('left', field.left)}${cell('right', field.right)}</tr>`;
}

function cell(side: 'left' | 'right', content: Segment[] | SafeHtml | null): SafeHtml {
  if (content === null || (Array.isArray(content) && content.length === 0)) return html`<td class="${side} empty"></td>`;
  return html`<td class="${side}">${Array.isArray(content) ? segments(content) : content}</td>`;
}

function segments(list: Segment[]): SafeHtml[] {
  return list.map((s) => (s.op === 'del' ? html`<del>${s.text}</del>` : s.op === 'ins' ? html`<ins>${s.text}</ins>` : html`${s.text}`));
}

const ROW_CLASS: Record<DiffRow['kind'], string> = {
  same: 'row row-same',
  removed: 'row row-removed',
  added: 'row row-added',
  changed: 'row row-changed',
  'moved-from': 'row row-moved row-moved-from',
  'moved-to': 'row row-moved row-moved-to',
  split: 'row row-split',
  merged: 'row row-merged',
};

function rowClass(row: DiffRow): string {
  const moved = row.kind === 'moved-from' || row.kind === 'moved-to';
  return moved && row.edit ? `${ROW_CLASS[row.kind]} row-moved-changed` : ROW_CLASS[row.kind];
}

function paragraphRow(item: FoldedRow, anchors: Map<string, number>, layout: Layout, all: DiffRow[]): SafeHtml {
  if (item.kind === 'fold') {
    // A <details> opens without JavaScript (the CSP allows no inline script); unchanged text reads the same on both sides.
    const label = `… ${item.hidden} unchanged paragraph${item.hidden === 1 ? '' : 's'} (show) …`;
    const hidden = all
      .slice(item.firstNumber - 1, item.firstNumber - 1 + item.hidden)
      .map((r) => html`<p>${r.kind === 'same' ? r.text : ''}</p>`);
    return html`<tr class="row-fold"><td${layout === 'side' ? html` colspan="2"` : ''}><details><summary>${label}</summary><div class="folded">${hidden}</div></details></td></tr>`;
  }
  const { row, number } = item;
  const open = html`<tr id="p${number}" class="${rowClass(row)}">`;
  if (layout === 'inline') return html`${open}<td>${inlineContent(row, anchors)}</td></tr>`;
  const [left, right] = sideContent(row, anchors);
  return html`${open}${cell('left', left)}${cell('right', right)}</tr>`;
}

function sideContent(row: DiffRow, anchors: Map<string, number>): [SafeHtml | Segment[] | null, SafeHtml | Segment[] | null] {
  switch (row.kind) {
    case 'same':
      return [html`${row.text}`, html`${row.text}`];
    case 'removed':
      return [html`<del>${row.text}</del>`, null];
    case 'added':
      return [null, html`<ins>${row.text}</ins>`];
    case 'changed':
      return [row.left, row.right];
    case 'moved-from':
    case 'moved-to':
      return row.kind === 'moved-from' ? [movedContent(row, anchors, 'side'), null] : [null, movedContent(row, anchors, 'side')];
    case 'split':
      return [row.left, html`${partNote(row)}${row.right.map((p) => html`<p class="part">${segments(p)}</p>`)}`];
    case 'merged':
      return [html`${partNote(row)}${row.left.map((p) => html`<p class="part">${segments(p)}</p>`)}`, row.right];
  }
}

/** "split into ¶3–4" / "merged from ¶3–4": old paragraph numbers on the left, new ones on the right. */
function partNote(row: Extract<DiffRow, { kind: 'split' | 'merged' }>): SafeHtml {
  const list = row.kind === 'split' ? row.rightIndices : row.leftIndices;
  const span = `¶${list[0] + 1}–${list[list.length - 1] + 1}`;
  return html`<span class="part-note">${row.kind === 'split' ? `split into ${span}` : `merged from ${span}`}</span>`;
}

function inlineContent(row: DiffRow, anchors: Map<string, number>): SafeHtml | SafeHtml[] {
  switch (row.kind) {
    case 'same':
      return html`${row.text}`;
    case 'removed':
      return html`<del>${row.text}</del>`;
    case 'added':
      return html`<ins>${row.text}</ins>`;
    case 'changed':
      return segments(inlineSegments(row.left, row.right));
    case 'moved-from':
    case 'moved-to':
      return movedContent(row, anchors, 'inline');
    case 'split':
      return html`${partNote(row)}${inlineParts(row).map((p) => html`<p class="part">${segments(p)}</p>`)}`;
    case 'merged':
      return html`${partNote(row)} ${segments(inlineParts(row)[0])}`;
  }
}

/**
 * "moved from ¶3" counts paragraphs of the old version, "moved to ¶7" of the new one; both link
 * to the other end. A moved paragraph that was also edited carries its word marks: deletions at
 * its old place, insertions at its new one (inline: both, at the new place).
 */
function movedContent(row: Extract<DiffRow, { kind: 'moved-from' | 'moved-to' }>, anchors: Map<string, number>, layout: Layout): SafeHtml {
  const from = row.kind === 'moved-to';
  const target = anchors.get(`${from ? 'moved-from' : 'moved-to'}:${row.leftIndex}:${row.rightIndex}`);
  const note = `${from ? `moved from ¶${row.leftIndex + 1}` : `moved to ¶${row.rightIndex + 1}`}${row.edit ? ' and changed' : ''}`;
  const link = target === undefined ? html`${note}` : html`<a href="#p${target}">${note}</a>`;
  if (!row.edit) return html`<span class="moved-note">${link}</span> ${row.text}`;
  const text = !from ? row.edit.left : layout === 'inline' ? inlineSegments(row.edit.left, row.edit.right) : row.edit.right;
  return html`<span class="moved-note">${link}</span> ${segments(text)}`;
}

/** Row numbers of moved rows, keyed by kind and both indices, so each end can link to the other. */
function movedAnchors(rows: DiffRow[]): Map<string, number> {
  const map = new Map<string, number>();
  rows.forEach((row, k) => {
    if (row.kind === 'moved-from' || row.kind === 'moved-to') map.set(`${row.kind}:${row.leftIndex}:${row.rightIndex}`, k + 1);
  });
  return map;
}
