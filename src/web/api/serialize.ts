import type { ArticleWithSource, Change, SearchHit, SourceWithStats, Version, VersionHead } from '../../model/index.ts';
import type { ChangeDigest } from '../digest.ts';
import { articlePath, diffPath } from '../views/paths.ts';

/** ISO 8601 (UTC), the one time format of the API; null stays null. */
export const iso = <T extends number | null>(at: T): T extends number ? string : string | null =>
  (at === null ? null : new Date(at).toISOString()) as T extends number ? string : string | null;

/**
 * The API's JSON shapes, written out field by field so they match the OpenAPI document exactly
 * and internal fields (leases, ETags of sources) never leak by accident.
 */
export function sourceJson(s: SourceWithStats) {
  return {
    key: s.key,
    name: s.name,
    feedUrl: s.feedUrl,
    enabled: s.enabled,
    pollPeriodSec: s.pollPeriodSec,
    include: s.include,
    exclude: s.exclude,
    lastPollAt: iso(s.lastPollAt),
    lastStatus: s.lastStatus,
    lastError: s.lastError,
    nextPollAt: iso(s.nextPollAt),
    articleCount: s.articleCount,
    versionCount: s.versionCount,
  };
}

export function articleJson(a: ArticleWithSource) {
  return {
    id: a.id,
    url: a.url,
    source: a.sourceKey,
    sourceName: a.sourceName,
    title: a.title,
    status: a.status,
    firstSeenAt: iso(a.firstSeenAt),
    feedPublishedAt: iso(a.feedPublishedAt),
    lastCheckedAt: iso(a.lastCheckedAt),
    nextCheckAt: iso(a.nextCheckAt),
    versionCount: a.versionCount,
    lastVersionAt: iso(a.lastVersionAt),
    htmlUrl: articlePath(a.id),
  };
}

export function versionSummaryJson(v: VersionHead) {
  return {
    number: v.number,
    capturedAt: iso(v.capturedAt),
    title: v.title,
    wordsAdded: v.wordsAdded,
    wordsRemoved: v.wordsRemoved,
    fingerprint: v.fingerprint,
    hasRaw: v.hasRaw,
    // The stored change against the version before (diff/labels.ts); null for version 1 or not labelled yet.
    change: v.change ? { labels: v.change.labels, level: v.change.level } : null,
  };
}

export function versionJson(v: Version) {
  return {
    id: v.id,
    ...versionSummaryJson(v),
    byline: v.byline,
    published: v.published,
    extractorVersion: v.extractorVersion,
    paragraphs: v.paragraphs,
  };
}

export function changeJson(c: Change, digest: ChangeDigest | null = null) {
  if (c.type === 'version') {
    return {
      type: 'version' as const,
      at: iso(c.at),
      article: articleJson(c.article),
      version: versionSummaryJson(c.version),
      diffUrl: diffPath(c.article.id, c.version.number - 1, c.version.number),
      title: digest?.title ?? null,
      summary: digest?.summary ?? null,
    };
  }
  return {
    type: 'event' as const,
    at: iso(c.at),
    article: articleJson(c.article),
    event: { kind: c.event.kind, versionNumber: c.event.versionNumber, detail: c.event.detail },
  };
}

export function searchHitJson(h: SearchHit) {
  return {
    article: articleJson(h.article),
    versions: h.versions.map((v) => ({ number: v.number, capturedAt: iso(v.capturedAt), title: v.title, snippet: v.snippet })),
  };
}
