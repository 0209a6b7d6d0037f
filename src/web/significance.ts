/**
 * How much a change matters, for readers: the filters offered on the website, the feeds, the API
 * and `redline changes` (`min=LEVEL`, `kind=K`), and the words shown for each stored label. The
 * labels and levels themselves are the diff engine's (diff/labels.ts RULES), stored with each
 * version; this module only names and combines them.
 */
import { CHANGE_LABELS, CHANGE_LEVELS, RULES, isChangeLabel, isChangeLevel } from '../diff/index.ts';
import { UsageError, type ChangeLabel, type ChangeLevel, type EventKind } from '../model/index.ts';
import type { ChangeFilter } from '../store/store.ts';

/** A named kind of change: any of its labels, plus the article events of the same story. */
export interface ChangeKind {
  key: string;
  /** As the website's filter links say it. */
  name: string;
  labels: ChangeLabel[];
  events: EventKind[];
}

export const CHANGE_KINDS: readonly ChangeKind[] = [
  { key: 'headline', name: 'headline changes', labels: ['headline-changed'], events: [] },
  // Paragraphs taken out of an article, and whole articles taken off the site.
  { key: 'removals', name: 'removals', labels: ['paragraphs-removed'], events: ['removed'] },
  { key: 'corrections', name: 'corrections', labels: ['notice-added'], events: [] },
];

/** Events that are news in themselves; a level filter keeps them (they have no level), a kind filter keeps its own. */
const NEWS_EVENTS: EventKind[] = ['removed', 'restored', 'revert'];

/** Readable words for each label (the RULES table's `means` is the long form, shown as a tooltip). */
export const LABEL_WORDS: Record<ChangeLabel, string> = {
  'headline-changed': 'headline changed',
  'lede-changed': 'lede changed',
  'typo-only': 'typo or style fix',
  'number-changed': 'number changed',
  'name-changed': 'name changed',
  'quote-changed': 'quote changed',
  reworded: 'reworded',
  'paragraphs-added': 'paragraphs added',
  'paragraphs-removed': 'paragraphs removed',
  'paragraphs-moved': 'paragraphs moved',
  'byline-changed': 'byline changed',
  'notice-added': 'correction or update notice',
  rewrite: 'rewrite',
};

export function labelMeaning(label: ChangeLabel): string {
  return RULES.find((r) => r.label === label)?.means ?? label;
}

/** A parsed `min` / `kind` pair: what the store is asked, and how to say and link it again. */
export interface Significance {
  min: ChangeLevel | null;
  /** The kinds as asked (preset keys and label ids), normalised: lower case, no duplicates. */
  kinds: string[];
  filter: ChangeFilter & { eventKinds?: EventKind[] };
}

export const ALL_CHANGES: Significance = { min: null, kinds: [], filter: {} };

const KIND_KEYS = () => [...CHANGE_KINDS.map((k) => k.key), ...CHANGE_LABELS];

/**
 * `min` (minor | substantive | major) and `kind` (comma-separated: headline, removals, corrections,
 * or any label id of diff/labels.ts) as typed by a reader or a script. Unknown values are a
 * UsageError that lists the valid ones; empty values mean no filter.
 */
export function parseSignificance(
  input: { min?: string | null; kind?: string | null },
  names = { min: 'min', kind: 'kind' },
): Significance {
  const minText = (input.min ?? '').trim().toLowerCase();
  if (minText && !isChangeLevel(minText)) {
    throw new UsageError(`${names.min} must be one of ${CHANGE_LEVELS.join(', ')} (got ${JSON.stringify(input.min)})`);
  }
  // 'minor' is every change: the same as no level at all.
  const min = minText && minText !== 'minor' ? (minText as ChangeLevel) : null;
  const kinds = [
    ...new Set(
      (input.kind ?? '')
        .split(',')
        .map((k) => k.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const labels = new Set<ChangeLabel>();
  const events = new Set<EventKind>();
  for (const key of kinds) {
    const preset = CHANGE_KINDS.find((k) => k.key === key);
    if (preset) {
      preset.labels.forEach((l) => labels.add(l));
      preset.events.forEach((e) => events.add(e));
    } else if (isChangeLabel(key)) labels.add(key);
    else
      throw new UsageError(`${names.kind} must be one or more (comma-separated) of ${KIND_KEYS().join(', ')} (got ${JSON.stringify(key)})`);
  }
  const filter: Significance['filter'] = {};
  if (min) filter.minLevel = min;
  if (labels.size) {
    filter.labels = [...labels];
    filter.eventKinds = [...events];
  } else if (filter.minLevel) filter.eventKinds = [...NEWS_EVENTS];
  return { min, kinds, filter };
}

/** The query parameters that ask for this filter again (for links and feed URLs). */
export function significanceParams(s: Significance): { min?: string; kind?: string } {
  return { ...(s.min ? { min: s.min } : {}), ...(s.kinds.length ? { kind: s.kinds.join(',') } : {}) };
}

/** In words, for page and feed titles: "substantive and major changes", "headline changes", "major corrections". */
export function describeSignificance(s: Significance): string | null {
  const kinds = s.kinds.map((k) => CHANGE_KINDS.find((c) => c.key === k)?.name ?? LABEL_WORDS[k as ChangeLabel] ?? k);
  const level = s.min === 'substantive' ? 'substantive and major' : s.min === 'major' ? 'major' : null;
  if (!kinds.length) return level ? `${level} changes` : null;
  return `${level ? `${level} ` : ''}${kinds.join(' or ')}`;
}

/** The website's choices: all / substantive / headline changes / removals / corrections. */
export interface SignificanceChoice {
  name: string;
  params: { min?: string; kind?: string };
}

export const SIGNIFICANCE_CHOICES: readonly SignificanceChoice[] = [
  { name: 'all', params: {} },
  { name: 'substantive', params: { min: 'substantive' } },
  ...CHANGE_KINDS.map((k) => ({ name: k.name, params: { kind: k.key } })),
];

/** The choice this filter is, if it is one of them (else none is marked current). */
export function currentChoice(s: Significance): SignificanceChoice | null {
  const p = significanceParams(s);
  return SIGNIFICANCE_CHOICES.find((c) => c.params.min === p.min && c.params.kind === p.kind) ?? null;
}
