import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.ts';

// Short articles: a headline and two or three paragraphs in the main container, next to an
// aside of related links. With so little text the model's context says little; every paragraph
// of the container must still be kept (a dropped one is an edit the tracker would miss), and
// the aside must not leak in.

function page(title: string, paragraphs: string[], aside: string): string {
  return `<!doctype html><html><head><title>${title} - Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
${aside}
<footer>Copyright Example News</footer></body></html>`;
}

const RELATED_LINKS = `<aside><h2>Related</h2><ul>
<li><a href="/a">Rents rise again in the city centre</a></li>
<li><a href="/b">Schools warn of a shortage of places</a></li>
<li><a href="/c">Bus fares frozen for another year</a></li></ul></aside>`;
const RELATED_TEASER = `<aside class="related"><h2>Related stories</h2><p><a href="/d">Ministers meet unions over pay</a></p></aside>`;

const CASES: { name: string; title: string; paragraphs: string[]; aside: string; leaks: string[] }[] = [
  {
    name: 'two English paragraphs, a list of related links',
    title: 'Council approves housing plan',
    paragraphs: [
      'The city council voted on Monday to approve a plan for two thousand new homes.',
      'Critics said the roads in the area were already full.',
    ],
    aside: RELATED_LINKS,
    leaks: ['Rents rise again', 'Schools warn'],
  },
  {
    name: 'two Greek paragraphs, a related teaser',
    title: 'Νέα μέτρα',
    paragraphs: [
      'Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία της χώρας.',
      'Οι βουλευτές της αντιπολίτευσης ζήτησαν περισσότερο χρόνο για συζήτηση.',
    ],
    aside: RELATED_TEASER,
    leaks: ['Ministers meet unions'],
  },
  {
    name: 'three paragraphs, the last one short',
    title: 'Storm closes the coast road',
    paragraphs: [
      'Police closed the coast road on Tuesday night after waves brought rocks onto the carriageway.',
      'Drivers were sent inland through the villages, adding about twenty minutes to the journey.',
      'The road is expected to reopen on Thursday.',
    ],
    aside: RELATED_LINKS,
    leaks: ['Bus fares frozen'],
  },
];

describe('short articles next to an aside', () => {
  for (const c of CASES) {
    it(`keeps every paragraph: ${c.name}`, () => {
      const result = extractArticle(page(c.title, c.paragraphs, c.aside), 'https://news.example/story');
      expect(result.title).toBe(c.title);
      expect(result.paragraphs).toEqual(c.paragraphs);
      const text = result.paragraphs.join('\n');
      for (const leak of c.leaks) expect(text).not.toContain(leak);
      expect(text).not.toContain('Copyright');
    });
  }
});
