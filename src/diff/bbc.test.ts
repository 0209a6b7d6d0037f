import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { selectAll } from 'css-select';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { diffVersions } from './engine.ts';

const PAGES = fileURLToPath(new URL('../../../shared/corpus/newssniffer/pages/', import.meta.url));

/** The story paragraphs of a 2009 BBC page; a tiny stand-in for the extractor, which diff/ must not import. */
function storyParagraphs(file: string): { title: string; paragraphs: string[] } {
  const doc = parseDocument(new TextDecoder('windows-1252').decode(readFileSync(PAGES + file)));
  const title = textContent(selectAll('meta[name=Headline]', doc)).trim();
  const paragraphs = selectAll('td.storybody p', doc)
    .map((p) => textContent(p))
    .filter((t) => t.trim() !== '');
  return { title, paragraphs };
}

describe.skipIf(!existsSync(PAGES))('the real BBC pair (B is A minus two paragraphs)', () => {
  it('shows exactly the two removals and everything else unchanged', () => {
    const a = storyParagraphs('7984711-A.stm.html');
    const b = storyParagraphs('7984711-B.stm.html');
    expect(a.paragraphs.length).toBe(b.paragraphs.length + 2);
    const m = diffVersions({ ...a, byline: null, published: null }, { ...b, byline: null, published: null });
    const removed = m.rows.filter((r) => r.kind === 'removed').map((r) => (r.kind === 'removed' ? r.text : ''));
    expect(removed).toEqual([
      'He lived in the flat in Admiralty House while he was defence secretary and also rented out his own London home while there.',
      'The shadow business secretary implied that as many as a third of MPs could have made questionable expenses claims.',
    ]);
    expect(m.rows.filter((r) => r.kind !== 'removed').every((r) => r.kind === 'same')).toBe(true);
    expect(m.rows.length).toBe(a.paragraphs.length);
    expect(m.summary).toMatchObject({
      paragraphsRemoved: 2,
      paragraphsAdded: 0,
      paragraphsChanged: 0,
      paragraphsMoved: 0,
      wordsAdded: 0,
      titleChanged: false,
    });
  });
});
