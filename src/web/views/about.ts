import { RULES } from '../../diff/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { LABEL_WORDS } from '../significance.ts';

/** The labels and their levels, from the rules themselves (diff/labels.ts), so the page says what the code does. */
function labelTable(): SafeHtml {
  return html`<table class="labels"><thead><tr><th>Label</th><th>Level</th><th>When</th></tr></thead><tbody>
${RULES.map((r) => html`<tr><td data-label="Label">${LABEL_WORDS[r.label]} <code>${r.label}</code></td><td data-label="Level">${r.level}</td><td data-label="When">${r.means}</td></tr>`)}
</tbody></table>`;
}

/** What counts as a version, what is ignored, and how to read the marks: the method, in plain words. */
export function aboutPage(): SafeHtml {
  return html`<article class="about">
<h1>About Redline</h1>
<p>Redline watches news sites and keeps every version of every article it finds in their feeds, so that anyone can see what was changed after publication, when, and how much.</p>
<h2>What counts as a version</h2>
<p>Each article is read again on a schedule: often while it is new or changing, less often as it stays the same. Every time, Redline takes the article's own text (headline, byline, publication time and body paragraphs) and compares it with the last version it kept. <strong>A new version is stored only when that text changed</strong>: one word, one figure or one comma is enough.</p>
<h2>What is ignored</h2>
<ul>
<li><strong>Page furniture.</strong> Navigation, advertisements, "related stories", share buttons, comment counts and "updated 3 minutes ago" lines are not part of the article's text, so they never make a version.</li>
<li><strong>Flip-flops.</strong> Some pages alternate between two texts (two servers, an A/B test of a headline). When a page returns to the text of an earlier version, Redline records "returned to the text of version N" instead of storing a copy, and checks that page less often.</li>
<li><strong>Extractor upgrades.</strong> When Redline's way of finding the text on a page improves, it re-reads the page it stored last with the new rules before comparing, so an upgrade never looks like an edit to every article.</li>
<li><strong>Spacing and invisible characters.</strong> Text is normalised (spaces, Unicode forms) before it is compared.</li>
</ul>
<p>A page that disappears (HTTP 404 or 410) is recorded as "removed from the site", and again when it comes back; neither is a version.</p>
<h2>How to read a change</h2>
<p>The diff shows the two versions side by side (or in one column): <del>struck-through text</del> was removed, <ins>marked text</ins> was added, paragraphs that moved are shown at both places. Each change also has a short description, a feed entry and a share card.</p>
<h2 id="significance">How much a change matters</h2>
<p>Every change gets labels for what happened, and one level: the highest level among its labels (minor when it has none). Lists and feeds can show only substantive changes, headline changes, removals or corrections; feeds and the API take <code>?min=substantive</code> or <code>?min=major</code> and <code>?kind=headline</code>, <code>removals</code>, <code>corrections</code> or any label below.</p>
${labelTable()}
<p>Every page of Redline works without JavaScript. The data is open: see the <a href="/api/v1/openapi.json">JSON API</a> and the <a href="/feeds/changes.rss">feeds of changes</a>.</p>
</article>`;
}
