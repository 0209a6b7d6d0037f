import { describe, expect, it } from 'vitest';
import { withoutParagraphsOf } from '../../bench/lib/change-detection.ts';

describe('bench change detection: the with[] paragraph removed', () => {
  it('deletes the paragraph around every occurrence, a teaser copy above the body included', () => {
    const html =
      '<ul class="toc"><li>The council voted to close the library</li></ul>' +
      '<article><p>Intro text.</p><p>The council voted to close the library on Monday.</p><p>Outro.</p></article>';
    const out = withoutParagraphsOf(html, 'The council voted to close the library');
    expect(out).toBe('<ul class="toc"></ul><article><p>Intro text.</p><p>Outro.</p></article>');
  });

  it('deletes only the innermost paragraph-like holder of a snippet in nested ones', () => {
    const html = '<div><blockquote><p>Quoted words stay quoted here</p></blockquote><p>Other words.</p></div>';
    expect(withoutParagraphsOf(html, 'Quoted words stay quoted here')).toBe('<div><blockquote></blockquote><p>Other words.</p></div>');
  });

  it('gives null when the snippet is not on the page, or too short to place', () => {
    expect(withoutParagraphsOf('<p>Nothing to see here at all.</p>', 'a sentence that is absent')).toBeNull();
    expect(withoutParagraphsOf('<p>tiny</p>', 'tiny')).toBeNull();
  });
});
