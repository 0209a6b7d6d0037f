/**
 * Bar charts as inline SVG, drawn on the server: they work without JavaScript, and their colours
 * come from CSS classes (no style attributes, which the CSP forbids), so dark mode recolours them.
 */
import { html, type SafeHtml } from '../html.ts';

export interface Bar {
  label: string;
  value: number;
  /** Text shown at the bar's end, e.g. "42%"; the value by default. */
  text?: string;
}

/**
 * Horizontal bars, each under its label (long source names get the full width, and the text
 * stays readable when a phone shrinks the chart: the CSS enlarges chart text on small screens).
 */
export function barChart(title: string, bars: Bar[], max = Math.max(1, ...bars.map((b) => b.value))): SafeHtml {
  const ROW = 60;
  const WIDTH = 720;
  const room = WIDTH - 110;
  const height = bars.length * ROW + 4;
  return html`<figure class="chart"><figcaption>${title}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${title}: ${bars.map((b) => `${b.label} ${b.text ?? b.value}`).join(', ')}">
${bars.map((b, i) => {
  const y = i * ROW;
  const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * room);
  return html`<text x="0" y="${y + 24}" class="chart-label">${clip(b.label, 48)}</text>
<rect x="0" y="${y + 32}" width="${w.toFixed(1)}" height="20" class="chart-bar"></rect>
<text x="${(w + 8).toFixed(1)}" y="${y + 50}" class="chart-value">${b.text ?? String(b.value)}</text>`;
})}
</svg></figure>`;
}

/** Vertical bars over a numbered axis: edits by hour since publication. */
export function histogram(title: string, counts: number[], axisLabel: (i: number) => string, xTitle: string): SafeHtml {
  const WIDTH = 720;
  const HEIGHT = 240;
  const BOTTOM = 64;
  const LEFT = 44;
  const max = Math.max(1, ...counts);
  const step = (WIDTH - LEFT - 4) / Math.max(1, counts.length);
  const tickEvery = Math.max(1, Math.ceil(counts.length / 10));
  const total = counts.reduce((a, b) => a + b, 0);
  return html`<figure class="chart"><figcaption>${title}</figcaption>
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title}: ${counts.map((c, i) => `${axisLabel(i)}: ${c}`).join(', ')}">
<line x1="${LEFT}" y1="${HEIGHT - BOTTOM}" x2="${WIDTH}" y2="${HEIGHT - BOTTOM}" class="chart-axis"></line>
<text x="${LEFT - 6}" y="24" class="chart-label" text-anchor="end">${max}</text>
<text x="${LEFT - 6}" y="${HEIGHT - BOTTOM}" class="chart-label" text-anchor="end">0</text>
${counts.map((c, i) => {
  const h = (c / max) * (HEIGHT - BOTTOM - 10);
  const x = LEFT + i * step;
  return html`<rect x="${(x + 1).toFixed(1)}" y="${(HEIGHT - BOTTOM - h).toFixed(1)}" width="${Math.max(1, step - 2).toFixed(1)}" height="${h.toFixed(1)}" class="chart-bar"><title>${axisLabel(i)}: ${c}</title></rect>
${i % tickEvery === 0 ? html`<text x="${(x + step / 2).toFixed(1)}" y="${HEIGHT - BOTTOM + 28}" class="chart-label" text-anchor="middle">${axisLabel(i)}</text>` : ''}`;
})}
<text x="${(LEFT + WIDTH) / 2}" y="${HEIGHT - 2}" class="chart-label" text-anchor="middle">${xTitle}${total ? '' : ' (no edits yet)'}</text>
</svg></figure>`;
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}\u2026`;
}
