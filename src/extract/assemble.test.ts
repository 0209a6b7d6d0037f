import { describe, expect, it } from 'vitest';
import { analyseHtml } from './index.ts';
import { assembleFeatures, FEATURE_NAMES } from './features.ts';

const P = [
  'The regional parliament approved the water bill late on Thursday after a debate that lasted more than nine hours.',
  'Farmers had asked for an exemption during the summer months, but the amendment was rejected by a narrow margin.',
  'The bill now goes to the upper house, where ministers expect it to pass before the end of the session in July.',
  'Environmental groups welcomed the vote but said the limits on river extraction did not go far enough this year.',
];
const f = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);

/** Each block's text with the named features, on a page built from `article`. */
function features(article: string) {
  const html = `<!doctype html><html><head><title>Water bill approved</title></head><body><article><h1>Water bill approved</h1>${article}</article></body></html>`;
  const { analysis } = analyseHtml(html, 'https://news.example/water');
  const x = assembleFeatures(analysis, {});
  const byText = (start: string) => x[analysis.blocks.findIndex((b) => b.text.startsWith(start))];
  return { x, byText };
}

describe('position features (where a block stands in the article)', () => {
  it('counts the container text before and after each block, and the headline before it', () => {
    const { byText } = features(`<p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p><p>${P[3]}</p>`);
    const first = byText('The regional');
    const last = byText('Environmental');
    expect(first[f('proseBefore')]).toBe(0);
    expect(last[f('proseBefore')]).toBeGreaterThan(0.7);
    expect(first[f('proseAfter')]).toBeGreaterThan(last[f('proseAfter')]);
    expect(last[f('proseAfter')]).toBe(0);
    expect(first[f('afterTitle')]).toBe(1);
    expect(byText('Water bill')[f('afterTitle')]).toBe(0);
    expect(first[f('windowContainerShare')]).toBeGreaterThan(0.5);
  });

  it('gives a heading over prose its section text and a heading over a cut link list none', () => {
    const links = [1, 2, 3, 4].map((i) => `<li><a href="/news/${i}">Story ${i}: markets fall after the report</a></li>`).join('');
    const { byText } = features(
      `<p>${P[0]}</p><h2>Farmers lose their appeal</h2><p>${P[1]}</p><p>${P[2]}</p><h2>More on this story</h2><ul>${links}</ul>`,
    );
    expect(byText('Farmers lose')[f('sectionText')]).toBeCloseTo(Math.log1p(P[1].length + P[2].length), 4);
    expect(byText('More on this story')[f('sectionText')]).toBe(0);
    expect(byText('Farmers had')[f('sectionText')]).toBeCloseTo(Math.log1p(P[1].length + P[2].length), 4);
  });

  it('an inserted heading or link list moves no paragraph in the container', () => {
    const links = [1, 2, 3, 4].map((i) => `<li><a href="/news/${i}">Story ${i}: markets fall after the report</a></li>`).join('');
    const plain = features(`<p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p><p>${P[3]}</p>`);
    const inserted = features(
      `<p>${P[0]}</p><p>${P[1]}</p><section><h2>More on this story</h2><ul>${links}</ul></section><p>${P[2]}</p><p>${P[3]}</p>`,
    );
    for (const p of P)
      for (const name of ['proseBefore', 'proseAfter', 'afterTitle'] as const)
        expect(inserted.byText(p.slice(0, 12))[f(name)]).toBe(plain.byText(p.slice(0, 12))[f(name)]);
  });
});
