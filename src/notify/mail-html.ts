import type { DiffRow, Segment } from '../diff/index.ts';
import type { ChangeContext } from './change.ts';

// The diff inside a mail: inline styles only (mail clients drop style sheets), every text escaped.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const DEL = 'background:#fde2e1;color:#8a1c14;text-decoration:line-through';
const INS = 'background:#dcf5e0;color:#10561f;text-decoration:none';
const ROW = 'margin:0 0 10px;padding:6px 8px;border-left:4px solid';

function segments(segs: Segment[]): string {
  return segs
    .map((s) =>
      s.op === 'del'
        ? `<del style="${DEL}">${esc(s.text)}</del>`
        : s.op === 'ins'
          ? `<ins style="${INS}">${esc(s.text)}</ins>`
          : esc(s.text),
    )
    .join('');
}

const oldSide = (segs: Segment[]) => segments(segs.filter((s) => s.op !== 'ins'));
const newSide = (segs: Segment[]) => segments(segs.filter((s) => s.op !== 'del'));
const paras = (list: Segment[][], side: (segs: Segment[]) => string) => list.map(side).join(' ¶ ');

/** One diff row; unchanged paragraphs, and a moved paragraph's old place, are left out. */
function row(r: DiffRow): string {
  switch (r.kind) {
    case 'removed':
      return `<p style="${ROW} #d93025"><strong>Removed:</strong> <del style="${DEL}">${esc(r.text)}</del></p>`;
    case 'added':
      return `<p style="${ROW} #188038"><strong>Added:</strong> <ins style="${INS}">${esc(r.text)}</ins></p>`;
    case 'changed':
      return `<p style="${ROW} #e8a200"><strong>Changed:</strong> ${oldSide(r.left)}<br>→ ${newSide(r.right)}</p>`;
    case 'moved-to':
      return r.edit
        ? `<p style="${ROW} #5f6368"><strong>Moved and changed:</strong> ${oldSide(r.edit.left)}<br>→ ${newSide(r.edit.right)}</p>`
        : `<p style="${ROW} #5f6368"><strong>Moved:</strong> ${esc(r.text)}</p>`;
    case 'split':
      return `<p style="${ROW} #5f6368"><strong>Split into ${r.right.length} paragraphs:</strong> ${oldSide(r.left)}<br>→ ${paras(r.right, newSide)}</p>`;
    case 'merged':
      return `<p style="${ROW} #5f6368"><strong>${r.left.length} paragraphs merged:</strong> ${paras(r.left, oldSide)}<br>→ ${newSide(r.right)}</p>`;
    case 'same':
    case 'moved-from':
      return '';
  }
}

/** One change as HTML: headline, what kind of change, the changed paragraphs, a link to the full diff. */
export function changeHtml(c: ChangeContext): string {
  const { diff, to, article, links } = c;
  const headline = diff.title.changed
    ? `<p style="${ROW} #e8a200"><strong>Headline:</strong> ${segments(diff.title.left)}<br>→ ${segments(diff.title.right)}</p>`
    : '';
  const label = `<p style="color:#5f6368;margin:0 0 8px">${esc(labelLine(c))}</p>`;
  return `<div style="margin:0 0 24px">
<h2 style="font-size:18px;margin:0 0 4px"><a href="${esc(links.article)}">${esc(to.title)}</a></h2>
<p style="color:#5f6368;margin:0 0 8px">${esc(article.sourceName)} · version ${c.from.number} → ${c.to.number} · ${esc(new Date(to.capturedAt).toUTCString())}</p>
${label}${headline}${diff.rows.map(row).join('\n')}
<p style="margin:0"><a href="${esc(links.diff)}">See the whole diff side by side</a> · <a href="${esc(article.url)}">the article on ${esc(article.sourceName)}</a></p>
</div>`;
}

/** The same change as plain text. */
export function changeText(c: ChangeContext): string {
  const { diff, to, article, links } = c;
  const lines = [
    `${to.title}`,
    `${article.sourceName}, version ${c.from.number} -> ${c.to.number}, ${new Date(to.capturedAt).toUTCString()}`,
  ];
  lines.push(labelLine(c), '');
  if (diff.title.changed) lines.push(`Headline was: ${diff.title.old}`, `Headline now: ${diff.title.new}`, '');
  for (const r of diff.rows) lines.push(...textRow(r));
  lines.push(`The whole diff: ${links.diff}`, `The article: ${article.url}`);
  return lines.join('\n');
}

/** "substantive change: reworded, paragraphs-added": the stored level and labels. */
export function labelLine(c: Pick<ChangeContext, 'change'>): string {
  const { level, labels } = c.change;
  return `${level} change${labels.length ? `: ${labels.join(', ')}` : ''}`;
}

const plain = (segs: Segment[]) => segs.map((s) => s.text).join('');

function textRow(r: DiffRow): string[] {
  switch (r.kind) {
    case 'removed':
      return [`- ${r.text}`, ''];
    case 'added':
      return [`+ ${r.text}`, ''];
    case 'changed':
      return [`- ${plain(r.left)}`, `+ ${plain(r.right)}`, ''];
    case 'moved-to':
      return r.edit ? [`(moved) - ${plain(r.edit.left)}`, `(moved) + ${plain(r.edit.right)}`, ''] : [`(moved) ${r.text}`, ''];
    case 'split':
      return [`- ${plain(r.left)}`, ...r.right.map((p) => `+ ${plain(p)}`), ''];
    case 'merged':
      return [...r.left.map((p) => `- ${plain(p)}`), `+ ${plain(r.right)}`, ''];
    case 'same':
    case 'moved-from':
      return [];
  }
}
