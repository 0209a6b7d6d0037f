import type { ARTICLE_STATUSES, EVENT_KINDS, RENDER_MODES, ROLES, SOURCE_TYPES } from './enums.ts';
import type { CaptureInput } from './evidence.ts';

/** Epoch milliseconds (UTC). Every timestamp in Redline's data model is one of these. */
export type Millis = number;

export type SourceType = (typeof SOURCE_TYPES)[number];
export type RenderMode = (typeof RENDER_MODES)[number];
export type Role = (typeof ROLES)[number];

/** A news feed to watch, as configured by a user. */
export interface SourceInput {
  /** Short stable key shown to readers, e.g. `bbc`. Unique. */
  key: string;
  name: string;
  /** RSS/Atom/JSON Feed/sitemap URL. Empty for the built-in `manual` source (articles added by `redline check`). */
  feedUrl: string;
  pollPeriodSec: number;
  /** Regular expressions (source text) on article URLs; an article is tracked when it matches any include (or there are none) and no exclude. */
  include: string[];
  exclude: string[];
  /** Default `feed`; a `page` source polls `feedUrl` as an HTML front page. */
  type?: SourceType;
  /** For `page` sources: a regular expression (source text) an article URL must match to be tracked. */
  linkPattern?: string | null;
  /** Default `http`. */
  render?: RenderMode;
}

export type PollStatus = 'ok' | 'not_modified' | 'error';

export interface Source extends SourceInput {
  id: number;
  enabled: boolean;
  createdAt: Millis;
  nextPollAt: Millis;
  lastPollAt: Millis | null;
  lastStatus: PollStatus | null;
  lastError: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Set by an admin: a paused source is not polled and its articles are not checked. */
  pausedAt: Millis | null;
  /** Last poll that did not fail (ok or not modified). */
  lastOkAt: Millis | null;
  /** What the last successful poll wants a reader to know, e.g. "recovered 12 items after an XML error at line 40". */
  lastNote?: string | null;
  /** Items (new articles, versions, text) this source had over its limits (config `limits`), all told. */
  limitedCount: number;
  lastLimitedAt: Millis | null;
  /** What the last limit held back, e.g. `120 new articles over the limit of 100 per poll`. */
  lastLimitNote: string | null;
}

export interface SourceWithStats extends Source {
  articleCount: number;
  versionCount: number;
}

export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface Article {
  id: number;
  sourceId: number;
  /** Canonical URL (tracking parameters and fragment stripped, rel=canonical respected). Unique. */
  url: string;
  host: string;
  feedTitle: string | null;
  feedPublishedAt: Millis | null;
  firstSeenAt: Millis;
  status: ArticleStatus;
  checkPeriodSec: number;
  /** null when retired: "It will not be checked again for changes". */
  nextCheckAt: Millis | null;
  lastCheckedAt: Millis | null;
  lastError: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Number of stored versions (1 = never changed). */
  versionCount: number;
  lastVersionAt: Millis | null;
  /** Headline of the latest visible version, else the feed title. */
  title: string | null;
  /** Hidden by an admin (legal removal): the site answers 410 and lists leave it out. */
  hiddenAt: Millis | null;
  /**
   * The version the page showed at the last check: the latest version, or the earlier one a revert
   * went back to. Kept by the store with each version and revert; null while there is no version.
   */
  lastSeenVersion: number | null;
  /**
   * sha256 of what the last successful check extracted from (the body, its charset and final URL,
   * the extractor version and text limit) and of the state it left: a check that reads the same
   * digest again skips extraction. null when unknown (never checked, or the last check stored nothing).
   */
  bodyDigest: string | null;
}

export interface ArticleWithSource extends Article {
  sourceKey: string;
  sourceName: string;
}

/** What the extractor produced from one page; the fingerprint is computed from title + paragraphs. */
export interface Extraction {
  title: string;
  byline: string | null;
  /** ISO 8601 string as found on the page, or null. */
  published: string | null;
  paragraphs: string[];
  fingerprint: string;
  extractorVersion: string;
}

/**
 * What kind of change a version is against the previous one, as a whole (the rules are the RULES
 * table in diff/labels.ts). Stable ids: stored with each version and used in URLs, filters and
 * subscriptions.
 */
export type ChangeLabel =
  | 'headline-changed'
  | 'lede-changed'
  | 'typo-only'
  | 'number-changed'
  | 'name-changed'
  | 'quote-changed'
  | 'reworded'
  | 'paragraphs-added'
  | 'paragraphs-removed'
  | 'paragraphs-moved'
  | 'byline-changed'
  | 'notice-added'
  | 'rewrite';

/** minor: cosmetic; substantive: sentences added, removed, reworded or moved; major: the story changed. */
export type ChangeLevel = 'minor' | 'substantive' | 'major';

/** A short before/after excerpt of the most telling change, for previews in lists and feeds. */
export interface ChangePreview {
  /** Where the excerpt comes from: the headline or a paragraph (index in the new version, or the old one when removed). */
  where: 'headline' | 'paragraph';
  paragraph: number | null;
  /** Plain text, at most 200 characters each; '' when that side has nothing. */
  before: string;
  after: string;
}

/** A version's change against the previous version, computed by the diff engine when the version is stored. */
export interface VersionChange {
  /** In the order of the ChangeLabel type; empty when nothing visible changed. */
  labels: ChangeLabel[];
  level: ChangeLevel;
  /** The headline's text changed at all (even a typo). */
  titleChanged: boolean;
  preview: ChangePreview | null;
}

export interface VersionInput extends Extraction {
  capturedAt: Millis;
  /** Raw HTML bytes as fetched (uncompressed); the store compresses them. null when not kept. */
  rawHtml: Uint8Array | null;
  /** The exact HTTP capture (takes the place of rawHtml): stored content-addressed, compressed, once per distinct body. */
  capture?: CaptureInput | null;
  /** Queue the version's URL for the Wayback Machine (Save Page Now) in the same transaction. */
  archive?: boolean;
  /** Word counts against the previous version (0 for version 1). */
  wordsAdded: number;
  wordsRemoved: number;
  /**
   * The article's next check, written in the version's transaction: a crash between storing the
   * version and rescheduling must not leave the article due again (it would be checked twice).
   */
  reschedule?: { checkPeriodSec: number; nextCheckAt: Millis | null };
  /** The change against the previous version; null (or absent) for version 1. */
  change?: VersionChange | null;
}

export interface Version extends Extraction {
  id: number;
  articleId: number;
  /** 1-based, consecutive per article. */
  number: number;
  capturedAt: Millis;
  wordsAdded: number;
  wordsRemoved: number;
  hasRaw: boolean;
  /**
   * When extraction rules change, the tracker re-extracts this version's raw HTML and records the
   * result here, so later checks compare like with like without inventing a version.
   */
  baselineFingerprint: string | null;
  baselineExtractorVersion: string | null;
  /** Hidden by an admin (legal removal): the site answers 410 for it and lists leave it out. */
  hiddenAt: Millis | null;
  /**
   * The change against the previous version (labels, level, headline flag, preview); null for
   * version 1, and for older versions until the relabelling after migration 3 has reached them.
   */
  change: VersionChange | null;
}

/** What comparing fingerprints needs of a version, without its text (Store.listFingerprints). */
export type VersionFingerprint = Pick<
  Version,
  'id' | 'articleId' | 'number' | 'fingerprint' | 'extractorVersion' | 'baselineFingerprint' | 'baselineExtractorVersion' | 'hasRaw'
>;

export type EventKind = (typeof EVENT_KINDS)[number];

export interface ArticleEvent {
  id: number;
  articleId: number;
  at: Millis;
  kind: EventKind;
  /** For `revert`: the earlier version the page returned to. */
  versionNumber: number | null;
  detail: string | null;
}

export type NewEvent = Omit<ArticleEvent, 'id'>;

/** A version without its text: what change lists carry (pages that show the text read the version itself). */
export type VersionHead = Omit<Version, 'paragraphs'>;

/** One row of the recent-changes list: a new version (number >= 2) or a notable event. */
export type Change =
  | { type: 'version'; at: Millis; article: ArticleWithSource; version: VersionHead }
  | { type: 'event'; at: Millis; article: ArticleWithSource; event: ArticleEvent };

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. null on the last page. */
  nextCursor: string | null;
}

export interface SearchHit {
  article: ArticleWithSource;
  /** Versions of this article whose headline or text matched, newest first. */
  versions: { number: number; capturedAt: Millis; title: string; snippet: string }[];
}
