import { describe, expect, it } from 'vitest';
import { assembleFeatures } from './features.ts';
import { analyseHtml } from './index.ts';
import { findLedes } from './lede.ts';
import MODEL from './model/block-model.json' with { type: 'json' };

const P = [
  'The regional parliament approved the water bill late on Thursday after a debate that lasted more than nine hours.',
  'Farmers had asked for an exemption during the summer months, but the amendment was rejected by a narrow margin.',
  'The bill now goes to the upper house, where ministers expect it to pass before the end of the session in July.',
  'Environmental groups welcomed the vote but said the limits on river extraction did not go far enough this year.',
];
const DEK = 'Ministers win a narrow vote on river extraction limits after months of protests by farmers and anglers.';

const page = (body: string) =>
  `<!doctype html><html><head><title>Water bill approved - Example News</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>${body}<footer><p>© 2026 Example News. All rights reserved.</p></footer></body></html>`;
const body = P.map((t) => `<p>${t}</p>`).join('');

function ledesOf(html: string): string[] {
  const analysed = analyseHtml(html, 'https://news.example/water');
  const features = assembleFeatures(analysed.analysis, MODEL.tokens);
  return [...findLedes(analysed.analysis, features)].map((i) => analysed.analysis.blocks[i].text);
}

describe('the dek under the headline (findLedes)', () => {
  it('takes the first sentence block under the headline whatever its class, passing over the byline', () => {
    const html = page(`<main><div class="x9"><h1>Water bill approved</h1><div class="a7"><span>Jane Doe</span></div>
<div class="gf"><div>${DEK}</div></div><div class="b2">${body}</div></div></main>`);
    expect(ledesOf(html)).toEqual([DEK]);
  });

  it('takes no caption, byline or list of links as a dek (past a short or linked line, the body begins)', () => {
    const cases = [
      `<figure><img src="/a.jpg"><figcaption>${DEK}</figcaption></figure>`,
      `<div class="a7">By Jane Doe and John Smith, environment correspondents of the Example News desk</div>`,
      `<div class="s"><a href="/a">Ministers win a narrow vote on river limits</a> and <a href="/b">farmers protest in the capital again</a></div>`,
      `<div class="c">Ministers win a narrow vote</div>`,
      `<div class="form-done"><div>Thank you! Please check your inbox now for your welcome email and confirm it.</div></div>`,
      `<p>By Jane Doe</p><p>Jane Doe is a writer who has covered water, farming and climate policy for more than a decade.</p>`,
    ];
    for (const under of cases) {
      const html = page(`<main><div class="x9"><h1>Water bill approved</h1>${under}<div class="b2">${body}</div></div></main>`);
      // The body's first paragraph, kept anyway, may be taken; never the block under test.
      for (const t of ledesOf(html)) expect(t).toBe(P[0]);
    }
  });

  it('finds the headline inside the container after a breadcrumb that ends with it', () => {
    const crumbs = ['Home', 'News', 'Politics', 'Regions', 'Water bill approved']
      .map((t, k) => `<li><a href="/c${k}">${t}</a></li>`)
      .join('');
    const html = page(`<main><div class="content"><nav class="breadcrumb"><ul>${crumbs}</ul></nav><h1>Water bill approved</h1>
<p class="meta-line">14 March 2026</p><p class="meta-line">Updated 15 March 2026</p><div class="intro"><p>${DEK}</p></div>${body}</div></main>`);
    expect(ledesOf(html)).toContain(DEK);
  });
});
