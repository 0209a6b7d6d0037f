import type {
  Article,
  ArticleEvent,
  ArticleStatus,
  ArticleWithSource,
  EventKind,
  PollStatus,
  RenderMode,
  Source,
  SourceType,
  Version,
  VersionHead,
  VersionChange,
  ChangeLabel,
  ChangeLevel,
  ChangePreview,
} from '../../model/index.ts';
import type { Row } from './db.ts';

// Row -> model mappers. Columns come back as numbers on both databases (PostgreSQL bigints are
// parsed to numbers by the adapter), flags as 0/1.

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export const SOURCE_COLUMNS = `s.id, s.key, s.name, s.feed_url, s.poll_period_sec, s.include_json, s.exclude_json,
  s.enabled, s.created_at, s.next_poll_at, s.last_poll_at, s.last_status, s.last_error, s.etag, s.last_modified,
  s.paused_at, s.last_ok_at, s.limited_count, s.limited_at, s.limited_note,
  s.source_type, s.link_pattern, s.render, s.last_note`;

export function toSource(r: Row): Source {
  return {
    id: num(r.id),
    key: String(r.key),
    name: String(r.name),
    feedUrl: String(r.feed_url),
    pollPeriodSec: num(r.poll_period_sec),
    include: JSON.parse(String(r.include_json)) as string[],
    exclude: JSON.parse(String(r.exclude_json)) as string[],
    enabled: num(r.enabled) === 1,
    createdAt: num(r.created_at),
    nextPollAt: num(r.next_poll_at),
    lastPollAt: numOrNull(r.last_poll_at),
    lastStatus: strOrNull(r.last_status) as PollStatus | null,
    lastError: strOrNull(r.last_error),
    etag: strOrNull(r.etag),
    lastModified: strOrNull(r.last_modified),
    pausedAt: numOrNull(r.paused_at),
    lastOkAt: numOrNull(r.last_ok_at),
    type: String(r.source_type ?? 'feed') as SourceType,
    linkPattern: strOrNull(r.link_pattern),
    render: String(r.render ?? 'http') as RenderMode,
    lastNote: strOrNull(r.last_note),
    limitedCount: num(r.limited_count ?? 0),
    lastLimitedAt: numOrNull(r.limited_at),
    lastLimitNote: strOrNull(r.limited_note),
  };
}

export const ARTICLE_COLUMNS = `a.id, a.source_id, a.url, a.host, a.feed_title, a.feed_published_at, a.first_seen_at,
  a.status, a.check_period_sec, a.next_check_at, a.last_checked_at, a.last_error, a.etag, a.last_modified,
  a.version_count, a.last_version_at, a.title, a.hidden_at, a.last_seen_version, a.body_digest`;

/** Article columns plus the source's key and name (needs `JOIN sources s ON s.id = a.source_id`). */
export const ARTICLE_WITH_SOURCE_COLUMNS = `${ARTICLE_COLUMNS}, s.key AS source_key, s.name AS source_name`;

export function toArticle(r: Row): Article {
  return {
    id: num(r.id),
    sourceId: num(r.source_id),
    url: String(r.url),
    host: String(r.host),
    feedTitle: strOrNull(r.feed_title),
    feedPublishedAt: numOrNull(r.feed_published_at),
    firstSeenAt: num(r.first_seen_at),
    status: String(r.status) as ArticleStatus,
    checkPeriodSec: num(r.check_period_sec),
    nextCheckAt: numOrNull(r.next_check_at),
    lastCheckedAt: numOrNull(r.last_checked_at),
    lastError: strOrNull(r.last_error),
    etag: strOrNull(r.etag),
    lastModified: strOrNull(r.last_modified),
    versionCount: num(r.version_count),
    lastVersionAt: numOrNull(r.last_version_at),
    title: strOrNull(r.title),
    hiddenAt: numOrNull(r.hidden_at),
    lastSeenVersion: numOrNull(r.last_seen_version),
    bodyDigest: strOrNull(r.body_digest),
  };
}

export function toArticleWithSource(r: Row): ArticleWithSource {
  return { ...toArticle(r), sourceKey: String(r.source_key), sourceName: String(r.source_name) };
}

export const VERSION_COLUMNS = `v.id, v.article_id, v.number, v.captured_at, v.title, v.byline, v.published,
  v.paragraphs_json, v.fingerprint, v.extractor_version, v.words_added, v.words_removed, v.has_raw,
  v.baseline_fingerprint, v.baseline_extractor_version, v.hidden_at, v.paragraph_ids, v.change_labels, v.change_level,
  v.change_title_changed, v.change_preview`;

/** What a change list carries of a version: everything but the text. */
export const VERSION_HEAD_COLUMNS = `v.id, v.article_id, v.number, v.captured_at, v.title, v.byline, v.published,
  v.fingerprint, v.extractor_version, v.words_added, v.words_removed, v.has_raw,
  v.baseline_fingerprint, v.baseline_extractor_version, v.hidden_at, v.change_labels, v.change_level,
  v.change_title_changed, v.change_preview`;

export function toVersionHead(r: Row): VersionHead {
  return {
    id: num(r.id),
    articleId: num(r.article_id),
    number: num(r.number),
    capturedAt: num(r.captured_at),
    title: String(r.title),
    byline: strOrNull(r.byline),
    published: strOrNull(r.published),
    fingerprint: String(r.fingerprint),
    extractorVersion: String(r.extractor_version),
    wordsAdded: num(r.words_added),
    wordsRemoved: num(r.words_removed),
    hasRaw: num(r.has_raw) === 1,
    baselineFingerprint: strOrNull(r.baseline_fingerprint),
    baselineExtractorVersion: strOrNull(r.baseline_extractor_version),
    hiddenAt: numOrNull(r.hidden_at),
    change: toChange(r),
  };
}

export function toVersion(r: Row): Version {
  const head = toVersionHead(r);
  return {
    ...head,
    // Versions stored since migration 6 keep paragraph ids; sql/paragraphs.ts readVersions fills in the texts.
    paragraphs: r.paragraph_ids ? [] : (JSON.parse(String(r.paragraphs_json)) as string[]),
  };
}

/** The change columns as a VersionChange; null while they are (labels NULL: version 1, or not relabelled yet). */
function toChange(r: Row): VersionChange | null {
  if (r.change_labels === null || r.change_labels === undefined || r.change_level === null) return null;
  const labels = String(r.change_labels);
  return {
    labels: (labels ? labels.split(',') : []) as ChangeLabel[],
    level: String(r.change_level) as ChangeLevel,
    titleChanged: num(r.change_title_changed) === 1,
    preview: r.change_preview === null || r.change_preview === undefined ? null : (JSON.parse(String(r.change_preview)) as ChangePreview),
  };
}

/** VersionChange → the four change columns (labels, level, title_changed, preview). */
export function changeColumns(c: VersionChange | null | undefined): [string | null, string | null, number | null, string | null] {
  if (!c) return [null, null, null, null];
  return [c.labels.join(','), c.level, c.titleChanged ? 1 : 0, c.preview ? JSON.stringify(c.preview) : null];
}

export const EVENT_COLUMNS = `e.id, e.article_id, e.at, e.kind, e.version_number, e.detail`;

export function toEvent(r: Row): ArticleEvent {
  return {
    id: num(r.id),
    articleId: num(r.article_id),
    at: num(r.at),
    kind: String(r.kind) as EventKind,
    versionNumber: numOrNull(r.version_number),
    detail: strOrNull(r.detail),
  };
}

/** A column list without its table alias, for RETURNING clauses. */
export function bare(columns: string): string {
  return columns.replace(/\b[a-z]\.(?=[a-z_]+)/g, '');
}
