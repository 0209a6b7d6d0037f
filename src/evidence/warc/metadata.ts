import type { ArticleEvent, ArticleWithSource, CaptureInfo, ChainRecord, Source, Version } from '../../model/index.ts';

/** The JSON of a Redline metadata record: what import needs to rebuild a version (or event) exactly. */
export interface VersionMetadata {
  redline: 'version-v1';
  source: { key: string; name: string; feedUrl: string };
  article: { url: string; host: string; feedTitle: string | null; feedPublishedAt: number | null; firstSeenAt: number; status: string };
  version: {
    number: number;
    capturedAt: number;
    title: string;
    byline: string | null;
    published: string | null;
    paragraphs: string[];
    fingerprint: string;
    extractorVersion: string;
    wordsAdded: number;
    wordsRemoved: number;
  };
  /** The exact capture's envelope (the bytes are the payload of the response or resource record this refers to). */
  capture: Omit<CaptureInfo, 'versionId' | 'hasBytes' | 'pinned'> | null;
  record: { hash: string; prevHash: string; textDigest: string | null; captureDigest: string | null } | null;
}

export interface EventMetadata {
  redline: 'event-v1';
  source: VersionMetadata['source'];
  article: VersionMetadata['article'];
  event: { at: number; kind: string; versionNumber: number | null; detail: string | null };
  record: { hash: string; prevHash: string } | null;
}

export function sourceMeta(s: Source): VersionMetadata['source'] {
  return { key: s.key, name: s.name, feedUrl: s.feedUrl };
}

export function articleMeta(a: ArticleWithSource): VersionMetadata['article'] {
  return {
    url: a.url,
    host: a.host,
    feedTitle: a.feedTitle,
    feedPublishedAt: a.feedPublishedAt,
    firstSeenAt: a.firstSeenAt,
    status: a.status,
  };
}

export function versionMeta(
  source: Source,
  article: ArticleWithSource,
  v: Version,
  capture: CaptureInfo | null,
  record: ChainRecord | null,
): VersionMetadata {
  return {
    redline: 'version-v1',
    source: sourceMeta(source),
    article: articleMeta(article),
    version: {
      number: v.number,
      capturedAt: v.capturedAt,
      title: v.title,
      byline: v.byline,
      published: v.published,
      paragraphs: v.paragraphs,
      fingerprint: v.fingerprint,
      extractorVersion: v.extractorVersion,
      wordsAdded: v.wordsAdded,
      wordsRemoved: v.wordsRemoved,
    },
    capture: capture
      ? {
          digest: capture.digest,
          size: capture.size,
          exact: capture.exact,
          requestUrl: capture.requestUrl,
          finalUrl: capture.finalUrl,
          status: capture.status,
          statusLine: capture.statusLine,
          headers: capture.headers,
          requestHeaders: capture.requestHeaders,
          charset: capture.charset,
        }
      : null,
    record: record
      ? { hash: record.recordHash, prevHash: record.prevHash, textDigest: record.textDigest, captureDigest: record.captureDigest }
      : null,
  };
}

export function eventMeta(source: Source, article: ArticleWithSource, e: ArticleEvent, record: ChainRecord | null): EventMetadata {
  return {
    redline: 'event-v1',
    source: sourceMeta(source),
    article: articleMeta(article),
    event: { at: e.at, kind: e.kind, versionNumber: e.versionNumber, detail: e.detail },
    record: record ? { hash: record.recordHash, prevHash: record.prevHash } : null,
  };
}
