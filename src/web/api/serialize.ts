import type { ArticleWithSource, Change, SearchHit, SourceWithStats, Version } from '../../model/index.ts';
import { articlePath, diffPath } from '../views/paths.ts';

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
    lastPollAt: s.lastPollAt,
    lastStatus: s.lastStatus,
    lastError: s.lastError,
    nextPollAt: s.nextPollAt,
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
    firstSeenAt: a.firstSeenAt,
    feedPublishedAt: a.feedPublishedAt,
    lastCheckedAt: a.lastCheckedAt,
    nextCheckAt: a.nextCheckAt,
    versionCount: a.versionCount,
    lastVersionAt: a.lastVersionAt,
    htmlUrl: articlePath(a.id),
  };
}

export function versionSummaryJson(v: Version) {
  return {
    number: v.number,
    capturedAt: v.capturedAt,
    title: v.title,
    wordsAdded: v.wordsAdded,
    wordsRemoved: v.wordsRemoved,
    fingerprint: v.fingerprint,
    hasRaw: v.hasRaw,
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

export function changeJson(c: Change) {
  if (c.type === 'version') {
    return {
      type: 'version' as const,
      at: c.at,
      article: articleJson(c.article),
      version: versionSummaryJson(c.version),
      diffUrl: diffPath(c.article.id, c.version.number - 1, c.version.number),
    };
  }
  return {
    type: 'event' as const,
    at: c.at,
    article: articleJson(c.article),
    event: { kind: c.event.kind, versionNumber: c.event.versionNumber, detail: c.event.detail },
  };
}

export function searchHitJson(h: SearchHit) {
  return {
    article: articleJson(h.article),
    versions: h.versions.map((v) => ({ number: v.number, capturedAt: v.capturedAt, title: v.title, snippet: v.snippet })),
  };
}
