import { describe, expect, it } from 'vitest';
import { pageText, snippetsOnPage } from '../../bench/lib/page-text.ts';

describe('bench page text: what the page shows, as written', () => {
  it('joins inline elements without a space, splits blocks with one, and decodes entities', () => {
    expect(pageText('<p>A <b>wo</b>rd &amp; more</p><p>Next</p>')).toBe('a word & more next');
  });

  it('leaves out scripts and styles', () => {
    expect(pageText('<p>Seen</p><script>var hidden = "unseen"</script><style>p{}</style>')).toBe('seen');
  });

  it('finds a snippet only as the page writes it: curly quotes on the page are not straight ones', () => {
    const html = '<p>She said \u201cno deal\u201d on Monday.</p>';
    const on = snippetsOnPage(html, ['said \u201cno deal\u201d on', 'said "no deal" on', 'absent words here']);
    expect([...on]).toEqual(['said \u201cno deal\u201d on']);
  });
});
