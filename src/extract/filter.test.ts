import { describe, expect, it } from 'vitest';
import type { Block } from './blocks.ts';
import { Element } from './dom.ts';
import { embeddedLinks, filterBlocks, isFurnitureText } from './filter.ts';

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

  it('keeps a paragraph set in heading type (several sentences) as a paragraph, wherever it stands', () => {
    const dek = 'We tested twelve hammers on three kinds of wood. These four are the ones we would buy again.';
    const out = filterBlocks(
      [
        block('heading', 'The best hammers', 1),
        block('heading', dek, 2),
        block('heading', 'Hammers', 2),
        block('p', para),
        block('heading', dek, 3),
      ],
      '',
    );
    expect(out).toEqual(['The best hammers', dek, 'Hammers', para, dek]);
    // One sentence, or no sentence end: a heading.
    const long = 'Why the heaviest hammer is not always the best choice for the job at hand.';
    expect(filterBlocks([block('heading', long, 2), block('heading', 'Hammers', 2), block('p', para)], '')).toEqual(['Hammers', para]);
  });
});

describe('filterBlocks: the headline repeated in the body', () => {
  const title = 'Which hammer should you buy?';
  it('drops the headline, with or without the site name', () => {
    const out = filterBlocks([block('heading', title, 1), block('p', para), block('p', `${title} | The Tool Review`)], title);
    expect(out).toEqual([para]);
  });

  it('keeps a section heading that goes on after the headline with a sentence of its own', () => {
    const section = `${title} Answering your questions.`;
    expect(filterBlocks([block('heading', title, 1), block('p', para), block('heading', section, 2), block('p', para)], title)).toEqual([
      para,
      section,
      para,
    ]);
  });
});

describe('embeddedLinks: mostly-linked lines of running text', () => {
  const article = new Element('div', {});
  const aside = new Element('aside', {});
  /** A block whose element is a child of `parent`. */
  const inside = (parent: Element, kind: Block['kind'], text: string, linkDensity = 0): Block => {
    const el = new Element(kind === 'li' ? 'li' : 'p', {});
    el.parent = parent;
    return { kind, text, linkDensity, el, level: 0 };
  };
  let n = 0;
  const prose = () => inside(article, 'p', `${para} Test ${++n}.`);
  const linked = (text: string, parent = article) => inside(parent, 'p', text, 0.9);
  const sentence = linked('Have trouble deciding? Read our comparison of the two hammers.');
  const labelled = linked('Tested: The Estwing E3-16C Is Comfortably Heavy');
  const related = ['Story 1: Minister resigns over report', 'Story 2: Markets fall after report'].map((t) => inside(aside, 'li', t, 1));

  it('finds a linked sentence or a labelled link after a prose paragraph, and filterBlocks then keeps it', () => {
    const blocks = [prose(), sentence, prose(), labelled, prose()];
    const [a, , b, , c] = blocks.map((x) => x.text);
    const embedded = embeddedLinks(blocks);
    expect([...embedded]).toEqual([sentence, labelled]);
    expect(filterBlocks(blocks, '', embedded)).toEqual([a, sentence.text, b, labelled.text, c]);
    expect(filterBlocks(blocks, '')).toEqual([a, b, c]);
  });

  it('passes over furniture texts between the paragraph and the line', () => {
    expect([...embeddedLinks([prose(), inside(article, 'p', 'Advertisement'), sentence])]).toEqual([sentence]);
  });

  it('leaves out headline-like links, rows of links, lines at the top and lines after a non-prose block', () => {
    expect(embeddedLinks([prose(), linked('The Estwing E3-16C Is Comfortably Heavy'), prose()]).size).toBe(0);
    expect(embeddedLinks([prose(), linked('Shop: Hammers / Saws / Drills / Sanders / Chisels')]).size).toBe(0);
    expect(embeddedLinks([prose(), linked('Buy Poster'), linked('Compare deals'), linked('Read the review'), prose()]).size).toBe(0);
    expect(embeddedLinks([prose(), linked('You might also like: Ten saws we loved this year'), prose()]).size).toBe(0);
    expect(embeddedLinks([sentence, prose()]).size).toBe(0);
    expect(embeddedLinks([inside(article, 'heading', 'Hammers we tested'), sentence]).size).toBe(0);
    expect(embeddedLinks([inside(article, 'p', 'Photo: J. Doe'), sentence]).size).toBe(0);
    expect(embeddedLinks([inside(article, 'p', para, 0.6), sentence]).size).toBe(0);
    // After prose of another element: the top of a list or a sidebar, not a line of the text.
    expect(embeddedLinks([prose(), linked('Have trouble deciding? Read our comparison of the two saws.', aside)]).size).toBe(0);
  });

  it('keeps a list of linked lines a line of the text announces with a colon, while the text goes on after it', () => {
    const intro = inside(article, 'p', 'My favourite projects this year are:');
    const list = ['Industrial Pipe Bookshelf', 'Reclaimed Wood Arrows', 'DIY Lanterns'].map((t) => linked(t));
    const after = prose();
    expect([...embeddedLinks([prose(), intro, ...list, after])]).toEqual(list);
    // At the edge of the text (nothing of the article after it), or in another element: not its text.
    expect(embeddedLinks([prose(), intro, ...list]).size).toBe(0);
    expect(embeddedLinks([prose(), intro, ...list.map((b) => linked(b.text, aside)), after]).size).toBe(0);
  });

  it('keeps a linked sentence standing between paragraphs of its element after a block of another', () => {
    const jump = linked('Jump to the full list of the best hammers for small workshops.');
    const cell = inside(aside, 'p', para);
    expect([...embeddedLinks([prose(), cell, jump, prose()])]).toEqual([jump]);
  });

  it('is not moved by a related list inserted after the text or before it', () => {
    const text = [prose(), sentence, prose(), labelled];
    const heading = inside(aside, 'heading', 'Related stories');
    expect([...embeddedLinks([...text, heading, ...related])]).toEqual([sentence, labelled]);
    expect([...embeddedLinks([heading, ...related, ...text])]).toEqual([sentence, labelled]);
  });
});

describe('isFurnitureText: lines about the page, not its subject', () => {
  it('takes the marker over an inline ad and the feedback question as furniture, not sentences that use their words', () => {
    for (const t of ['Article Continues Below', 'Story continues after advertisement', 'How Was This Issue?', 'Was this article helpful?'])
      expect(isFurnitureText(t)).toBe(true);
    for (const t of ['The article continues a series on river extraction limits.', 'How was this issue resolved by the council?'])
      expect(isFurnitureText(t)).toBe(false);
  });

  it('drops them from the paragraphs', () => {
    expect(filterBlocks([block('p', para), block('p', 'Article continues below'), block('p', para + ' Again.')], '')).toEqual([
      para,
      para + ' Again.',
    ]);
  });
});
