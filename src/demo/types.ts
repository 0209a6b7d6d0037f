/**
 * Shapes of the simulated newsroom: stories as written (blocks + their scripted edits) and the
 * edit script exported to tests, so expected diffs are stated once, next to the text they edit.
 */

/** One block of an article body. Only `p` blocks are ever edited, so headings, quotes and lists stay put. */
export type Block =
  { kind: 'p'; text: string } | { kind: 'h2'; text: string } | { kind: 'quote'; text: string } | { kind: 'list'; items: string[] };

export type EditKind = 'headline' | 'removed' | 'added' | 'reworded' | 'typo' | 'number' | 'moved' | 'takedown' | 'restore' | 'flip';

/**
 * One scripted change, applied when the newsroom reaches `step` (cumulative: step n = step 0 plus
 * every edit with step <= n).
 * - headline: `before` -> `after` headline.
 * - reworded | typo | number | flip: paragraph text `before` becomes `after` (typo: a spelling fix).
 * - removed: paragraph `before` disappears.
 * - added: paragraph `after` is inserted after the paragraph `anchor` (null: at the top).
 * - moved: paragraph `before` now follows paragraph `anchor` (null: at the top) as `after`: the
 *   same text for a plain move, another for a move + edit.
 * - takedown / restore: the page answers 404 / comes back with the text it had before.
 */
export interface DemoEdit {
  articleId: string;
  step: number;
  kind: EditKind;
  before?: string;
  after?: string;
  anchor?: string | null;
}

export type StoryEdit = Omit<DemoEdit, 'articleId'>;

/**
 * How a story answers conditional GETs.
 * - per-response: chrome differs on every request, so the ETag (a hash of the body) changes on
 *   every request too; a 304 only happens if a client sends back the ETag of that exact response.
 * - stable: a cached page (chrome seeded by the content), one ETag per content version; the server
 *   honours If-None-Match and If-Modified-Since, so a re-check of unchanged content gets a 304.
 */
export type Caching = 'per-response' | 'stable';

export interface Story {
  id: string;
  section: string;
  path: string;
  headline: string;
  /** Summary for meta description / feed description; not part of the body. */
  summary: string;
  byline: string;
  /** Minutes before the newsroom started. */
  publishedMinutesAgo: number;
  blocks: Block[];
  charset?: 'utf-8' | 'windows-1252';
  caching?: Caching;
  edits?: StoryEdit[];
  /** Flip-flop: the paragraph `a` (in `blocks`) reads `b` at every odd step, forever. */
  flip?: { a: string; b: string };
}

/** Content of a story at a step; null blocks = taken down. */
export interface StoryState {
  headline: string;
  blocks: Block[] | null;
}

export interface DemoArticleInfo {
  id: string;
  path: string;
  url: string;
  section: string;
  byline: string;
  publishedAt: number;
  charset: 'utf-8' | 'windows-1252';
  caching: Caching;
  headline: string;
  /** Body text blocks in page order (sub-headings, paragraphs, quotes, each list item); null when taken down. */
  paragraphs: string[] | null;
  /** Only the `<p>` paragraphs of the body (what the edit script edits); null when taken down. */
  plainParagraphs: string[] | null;
}
