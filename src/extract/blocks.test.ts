import { describe, expect, it } from 'vitest';
import { collectBlocks, hasNonSpace } from './blocks.ts';
import { firstElement, parseHtml } from './dom.ts';

describe('collectBlocks', () => {
  it('reads paragraphs, headings, list items, quotes and div+br paragraphs with their kinds', () => {
    const doc = parseHtml(
      '<div><h2>Title here</h2><p>One <a href="/x">link</a> two.</p><ul><li>Item</li></ul>' +
        '<blockquote><p>Quoted</p></blockquote>Loose<br><br>after<td>cell</td></div>',
    );
    const div = firstElement(doc, (el) => el.name === 'div')!;
    const blocks = collectBlocks(div).map((b) => [b.kind, b.text, Number(b.linkDensity.toFixed(2)), b.level, b.el.name]);
    expect(blocks).toEqual([
      ['heading', 'Title here', 0, 2, 'h2'],
      ['p', 'One link two.', 0.31, 0, 'p'],
      ['li', 'Item', 0, 0, 'li'],
      ['quote', 'Quoted', 0, 0, 'p'],
      ['other', 'Loose', 0, 0, 'div'],
      ['other', 'after cell', 0, 0, 'div'],
    ]);
  });

  it('leaves out inline elements `skip` names, never blocks', () => {
    const doc = parseHtml('<div><p>Keep <span class="s">share</span> this<span class="s"><p>inner</p></span></p></div>');
    const div = firstElement(doc, (el) => el.name === 'div')!;
    const texts = collectBlocks(div, (el) => el.attribs.class === 's').map((b) => b.text);
    expect(texts).toEqual(['Keep this']);
  });
});

describe('hasNonSpace', () => {
  it('agrees with trim() on every UTF-16 code unit, alone and between spaces', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (hasNonSpace(ch) !== (ch.trim() !== '')) throw new Error(`disagrees on U+${c.toString(16)} alone`);
      const padded = ` \n${ch}\u00a0`;
      if (hasNonSpace(padded) !== (padded.trim() !== '')) throw new Error(`disagrees on U+${c.toString(16)}`);
    }
    expect([hasNonSpace(''), hasNonSpace(' \u3000\ufeff'), hasNonSpace(' \u200bx')]).toEqual([false, false, true]);
  });
});
