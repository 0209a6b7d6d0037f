import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.ts';

describe('html template', () => {
  it('escapes interpolated text', () => {
    const evil = '"><img src=x onerror=alert(1)><script>alert(1)</script>';
    expect(html`<p title="${evil}">${evil}</p>`.toString()).toBe(`<p title="${escapeHtml(evil)}">${escapeHtml(evil)}</p>`);
    expect(html`${evil}`.toString()).not.toContain('<script>');
  });

  it('keeps nested templates and raw markup, joins arrays, drops null', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}${null}${raw('<hr>')}</ul>`.toString()).toBe('<ul><li>a&lt;b</li><li>c</li><hr></ul>');
  });
});
