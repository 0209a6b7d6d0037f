import { describe, expect, it } from 'vitest';
import { changeDetection, withoutParagraphsOf } from '../../bench/lib/change-detection.ts';

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

describe('bench change detection: a without[] word changed', () => {
  const page = (without: string) => ({
    id: 't1',
    url: 'https://news.example.com/a',
    host: 'news.example.com',
    title: 'Council closes the library',
    expected:
      'The council voted on Monday to close the old library on the square, which opened in 1901.\n\nReaders who subscribe to the library newsletter were told by email on Tuesday morning.',
    with: [],
    without: [without],
    path: '',
    html:
      '<html><body><nav><a href="/s">Subscribe today</a></nav><article><h1>Council closes the library</h1>' +
      '<p>The council voted on Monday to close the old library on the square, which opened in 1901.</p>' +
      '<p>Readers who subscribe to the library newsletter were told by email on Tuesday morning.</p></article></body></html>',
  });
  const tally = (without: string) => changeDetection([page(without)]).find((t) => t.kind === 'without-word-changed')!;

  it('tests a snippet that is furniture only', () => {
    expect(tally('Subscribe today')).toMatchObject({ tested: 1, notApplicable: 0 });
  });

  it('leaves out a snippet the reference body also holds: editing it edits the article', () => {
    expect(tally('subscribe to the library')).toMatchObject({ tested: 0, notApplicable: 1 });
  });
});
