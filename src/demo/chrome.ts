import { seededRandom, type Random } from './random.ts';
/**
 * Page chrome that changes on every request (clock, "updated" string, ads, shuffled links,
 * cache-busting image URLs, script nonce): the boilerplate a tracker must not mistake for an edit.
 */

export type Rng = Random;

/** Seeded at random per request, or by content for cached pages. */
export const makeRng = seededRandom;

export function token(rng: Rng): string {
  return Math.floor(rng() * 2 ** 32).toString(36) + Math.floor(rng() * 2 ** 32).toString(36);
}

export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ADS = [
  'Save 20% on winter tyres at Halden Motors this week only',
  'Switch to Brightwave broadband: first three months free',
  'Tickets on sale now for the Calder Christmas Market',
  'Fly to Lonsdale from 49 crowns with Kestrel Air',
  'Your home could be worth more than you think: free valuation',
  'Learn a language in 10 minutes a day with Parla',
];

export const SECTIONS = ['national', 'politics', 'world', 'business', 'technology', 'science', 'health', 'sport'];

export function ad(rng: Rng, slot: string): string {
  const text = ADS[Math.floor(rng() * ADS.length)];
  return (
    `<aside class="ad ad-${slot}" aria-label="Advertisement"><span class="ad-label">Advertisement</span>` +
    `<a href="https://ads.example.invalid/click?slot=${slot}&amp;r=${token(rng)}" rel="sponsored nofollow">` +
    `<img src="/img/ad-${slot}.png?cb=${token(rng)}" alt=""><span class="ad-copy">${esc(text)}</span></a></aside>`
  );
}

export function topBar(now: number, rng: Rng): string {
  const clock = new Date(now).toUTCString();
  const minutes = 1 + Math.floor(rng() * 58);
  return `<div class="topbar"><span class="clock">${clock}</span>` + ` <span class="updated">Updated ${minutes} minutes ago</span></div>`;
}

export function siteNav(): string {
  const links = SECTIONS.map((s) => `<li><a href="/news/${s}/">${s[0].toUpperCase()}${s.slice(1)}</a></li>`).join('');
  return (
    `<nav class="site-nav" aria-label="Sections"><a class="logo" href="/">The Demo Gazette</a><ul>${links}</ul>` +
    '<form action="/search" role="search"><input name="q" placeholder="Search"></form></nav>'
  );
}

export function cookieBanner(): string {
  return (
    '<div id="cookie-banner" role="dialog" aria-label="Cookies"><p class="cookie-text">We use cookies to' +
    ' personalise content and ads and to analyse our traffic. You can change your choices at any time.</p>' +
    '<button type="button">Accept all</button> <button type="button">Manage settings</button></div>'
  );
}

export function shareBar(url: string): string {
  const u = encodeURIComponent(url);
  return (
    `<div class="share-bar"><span>Share</span> <a href="https://social.example.invalid/share?u=${u}">Post</a>` +
    ` <a href="mailto:?body=${u}">Email</a> <button type="button" class="copy-link">Copy link</button></div>`
  );
}

export interface LinkItem {
  path: string;
  headline: string;
}

export function related(items: LinkItem[], rng: Rng): string {
  const links = shuffled(items, rng)
    .slice(0, 4)
    .map(
      (i) =>
        `<li><a href="${esc(i.path)}?ref=related"><img src="/img/thumb${esc(i.path.replace(/\W+/g, '-'))}.jpg?cb=${token(rng)}" alt="">${esc(i.headline)}</a></li>`,
    );
  return `<section class="related" aria-label="Related stories"><h2>Related stories</h2><ul>${links.join('')}</ul></section>`;
}

export function mostRead(items: LinkItem[], rng: Rng): string {
  const links = shuffled(items, rng)
    .slice(0, 5)
    .map((i) => `<li><a href="${esc(i.path)}?ref=mostread">${esc(i.headline)}</a></li>`);
  return `<aside class="most-read"><h2>Most read</h2><ol>${links.join('')}</ol></aside>`;
}

export function pageScript(nonce: string, pageId: string, rng: Rng): string {
  return `<script nonce="${nonce}">window.__gazette={page:${JSON.stringify(pageId)},rid:"${token(rng)}",t:${Math.floor(rng() * 1e9)}};</script>`;
}

export function footer(): string {
  return (
    '<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>' +
    '<li><a href="/privacy">Privacy policy</a></li><li><a href="/feed.xml">RSS</a></li></ul>' +
    '<p class="copyright">© 2026 The Demo Gazette. All rights reserved. Fictional news for testing Redline.</p></footer>'
  );
}
