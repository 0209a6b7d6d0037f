import { describe, expect, it } from 'vitest';
import type { Block } from './blocks.ts';
import { Element } from './dom.ts';
import { filterBlocks } from './filter.ts';

const block = (kind: Block['kind'], text: string, level = 0): Block => ({
  kind,
  text,
  linkDensity: 0,
  el: new Element(level ? `h${level}` : 'p', {}),
  level,
});
const para = 'The hammers were tested on oak, pine and birch boards over three weeks by two carpenters.';

describe('filterBlocks headings', () => {
  it('keeps a heading over a deeper heading (a section with subsections)', () => {
    const out = filterBlocks([block('heading', 'Tools we tested', 2), block('heading', 'Hammers', 3), block('p', para)], '');
    expect(out).toEqual(['Tools we tested', 'Hammers', para]);
  });

  it('drops a heading followed by one of its own rank or higher, or by nothing', () => {
    const out = filterBlocks(
      [block('heading', 'Related stories', 3), block('heading', 'Tools we tested', 2), block('p', para), block('heading', 'Read next', 2)],
      '',
    );
    expect(out).toEqual(['Tools we tested', para]);
  });
});
