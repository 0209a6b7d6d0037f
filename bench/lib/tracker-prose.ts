/**
 * Deterministic generated news pages for the tracker benchmark and the scale test: an article
 * (headline, byline, 8-30 paragraphs of prose) wrapped in what real news pages carry around it
 * (navigation, inline scripts, ad slots, related-story cards, footer), 50-150 KB in total.
 * Revisions apply realistic edits (reworded sentence, added update, removed paragraph, new headline).
 */

import { seededRandom as rng } from '../../src/demo/random.ts';

/** Seeded, so the same seed always gives the same page. */
export { rng };

const WORDS = (
  'the minister said on council report government budget city police officials vote election ' +
  'health hospital school teachers company shares market prices energy climate water river storm ' +
  'court judge ruling appeal families residents workers union strike talks agreement plan million ' +
  'percent year week month today yesterday statement spokesperson according investigation inquiry ' +
  'evidence public local national international border trade deal tariffs growth inflation bank ' +
  'rates housing rent transport rail airport flights delays road safety fire emergency services ' +
  'research university scientists study data results patients treatment care funding cuts support ' +
  'opposition party leader campaign poll voters parliament committee bill law reform rules change ' +
  'after before during while because although however meanwhile also still already nearly about'
).split(' ');

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

export function sentence(r: () => number): string {
  const n = int(r, 8, 22);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pick(r, WORDS));
  if (r() < 0.3) words.splice(int(r, 1, n - 1), 0, String(int(r, 2, 980)));
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function paragraph(r: () => number): string {
  const out: string[] = [];
  for (let i = int(r, 2, 5); i > 0; i--) out.push(sentence(r));
  return out.join(' ');
}

export interface Story {
  title: string;
  byline: string;
  published: string;
  paragraphs: string[];
}

/** Version 0 of article `id`, then one edit per revision. */
export function story(id: number, revision: number): Story {
  const r = rng(id * 7919 + 1);
  const s: Story = {
    title: sentence(r).slice(0, -1),
    byline: `By ${pick(r, ['Ana', 'Ben', 'Chloe', 'Dev', 'Eva', 'Femi'])} ${pick(r, ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Silva'])}`,
    published: new Date(Date.UTC(2026, 0, 1) + id * 60_000).toISOString(),
    paragraphs: Array.from({ length: int(r, 8, 30) }, () => paragraph(r)),
  };
  for (let rev = 1; rev <= revision; rev++) edit(s, rng(id * 104729 + rev * 31 + 7));
  return s;
}

function edit(s: Story, r: () => number): void {
  const k = Math.floor(r() * s.paragraphs.length);
  const what = r();
  if (what < 0.45) s.paragraphs[k] = s.paragraphs[k].replace(/^[^.]*\./, sentence(r));
  else if (what < 0.7) s.paragraphs.push(`Update: ${paragraph(r)}`);
  else if (what < 0.85 && s.paragraphs.length > 8) s.paragraphs.splice(k, 1);
  else s.title = sentence(r).slice(0, -1);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function nav(r: () => number): string {
  const items: string[] = [];
  for (let i = 0; i < 60; i++) {
    const w = pick(r, WORDS);
    items.push(`<li class="nav__item"><a class="nav__link" href="/section/${w}-${i}">${esc(w)}</a></li>`);
  }
  return `<header class="site-header"><div class="logo"><a href="/"><svg viewBox="0 0 100 20" width="100" height="20"><path d="M0 0h100v20H0z"/></svg>The Bench Times</a></div><nav aria-label="Sections"><ul class="nav">${items.join('')}</ul></nav><div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div></header>`;
}

function card(r: () => number, n: number): string {
  return `<div class="card card--related"><a href="/news/related-${n}.html"><img src="/img/${n}.jpg" alt="" width="320" height="180" loading="lazy"/><span class="card__kicker">${esc(pick(r, WORDS))}</span><h3 class="card__title">${esc(sentence(r))}</h3></a><p class="card__teaser">${esc(sentence(r))}</p><time class="card__time">${int(r, 1, 59)} minutes ago</time></div>`;
}

function script(r: () => number, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const chunk = `{"id":${int(r, 1, 1e6)},"slot":"ad-${pick(r, WORDS)}","targeting":{"kw":"${pick(r, WORDS)}","pos":${int(r, 1, 9)}},"sizes":[[300,250],[728,90]]},`;
    parts.push(chunk);
    size += chunk.length;
  }
  return `<script>window.__STATE__=[${parts.join('')}{}];</script>`;
}

const ad = (n: number) =>
  `<div class="ad ad--mpu" id="ad-slot-${n}" data-ad-unit="/1234/news/article"><span class="ad__label">Advertisement</span></div>`;

/** The full HTML of `s`; `seed` fixes the boilerplate, `targetBytes` the page size (50-150 KB). */
export function renderPage(s: Story, seed: number, targetBytes: number): string {
  const r = rng(seed);
  const body = s.paragraphs.map((p, i) => `<p>${esc(p)}</p>${i % 6 === 5 ? ad(i) : ''}`).join('\n');
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(s.title)} | The Bench Times</title><meta name="viewport" content="width=device-width"><meta property="og:title" content="${esc(s.title)}"><link rel="stylesheet" href="/static/main.css">${script(r, 3000)}</head>`;
  const article = `<main><article class="story"><h1 class="story__headline">${esc(s.title)}</h1><div class="story__meta"><span class="byline">${esc(s.byline)}</span> <time datetime="${s.published}">${s.published.slice(0, 10)}</time></div><div class="story__share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div><div class="story__body">\n${body}\n</div></article>`;
  const filler: string[] = [];
  let size = head.length + article.length + 6000;
  for (let n = 0; size < targetBytes; n++) {
    const block =
      n % 2 === 0
        ? `<section class="related"><h2>More stories</h2>${Array.from({ length: 6 }, (_, i) => card(r, n * 6 + i)).join('')}</section>`
        : script(r, 4000);
    filler.push(block);
    size += block.length;
  }
  const footer = `<footer class="site-footer"><ul>${Array.from({ length: 40 }, (_, i) => `<li><a href="/about/${i}">${esc(pick(r, WORDS))}</a></li>`).join('')}</ul><p>&copy; 2026 The Bench Times</p></footer>`;
  return `${head}<body>${nav(r)}${article}<aside class="rail">${ad(99)}</aside>${filler.join('\n')}</main>${footer}</body></html>`;
}

/** Page size for article `id`: spread evenly over 50-150 KB. */
export function pageBytes(id: number, minKb = 50, maxKb = 150): number {
  return Math.round((minKb + rng(id * 131 + 3)() * (maxKb - minKb)) * 1024);
}
