import type { ChangeLevel, VersionChange } from '../../model/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { LABEL_WORDS, SIGNIFICANCE_CHOICES, currentChoice, labelMeaning, type Significance } from '../significance.ts';

const LEVEL_WORDS: Record<ChangeLevel, string> = { minor: 'minor', substantive: 'substantive', major: 'major' };

/**
 * "Show: all · substantive · headline changes · removals · corrections": plain links (no
 * JavaScript), keeping the page's other parameters (source, search words, dates); the current one
 * is marked.
 */
export function significanceNav(path: string, keep: Record<string, string | undefined>, s: Significance): SafeHtml {
  const current = currentChoice(s);
  const links = SIGNIFICANCE_CHOICES.map((choice) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...keep, ...choice.params })) if (v) query.set(k, v);
    const qs = query.toString();
    const href = qs ? `${path}?${qs}` : path;
    return choice === current ? html`<a href="${href}" aria-current="page">${choice.name}</a>` : html`<a href="${href}">${choice.name}</a>`;
  });
  return html`<nav class="significance-nav" aria-label="Which changes">Show: ${links.map((l, i) => (i ? html` · ${l}` : l))}</nav>`;
}

/** The level and labels of a stored change, as on each change row; nothing while a version is not labelled. */
export function changeLabels(change: Pick<VersionChange, 'labels' | 'level'> | null): SafeHtml {
  if (!change) return html``;
  const labels = change.labels.map((l) => html`<span class="label" title="${labelMeaning(l)}">${LABEL_WORDS[l]}</span>`);
  return html`<span class="significance"><span class="level level-${change.level}">${LEVEL_WORDS[change.level]}</span>${labels.length ? html` ${labels.map((l, i) => (i ? html`, ${l}` : l))}` : ''}</span>`;
}
