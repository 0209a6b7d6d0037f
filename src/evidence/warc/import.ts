import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import type { Article, ArticleEvent, CaptureInput, Source } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { EvidenceError } from '../errors.ts';
import type { EventMetadata, VersionMetadata } from './metadata.ts';

export interface WarcImportReport {
  versions: number;
  /** Versions (same fingerprint) and events already in the database (a re-run). */
  skipped: number;
  events: number;
  /** Versions whose chain record in this database equals the one in the archive. */
  recordsMatching: number;
  problems: string[];
}

interface Payload {
  body: Uint8Array;
}

/**
 * Reads WARC files written by `redline export warc` into a database: sources (parked, without a feed,
 * so nothing starts polling), articles (retired: imported history, not scheduled), versions with
 * their exact captures, and events. Responses are matched to metadata records by WARC-Refers-To.
 */
export async function importWarc(store: Store, path: string, now: number): Promise<WarcImportReport> {
  const report: WarcImportReport = { versions: 0, skipped: 0, events: 0, recordsMatching: 0, problems: [] };
  const payloads = new Map<string, Payload>();
  const sources = new Map<string, Source>();
  const articles = new Map<string, Article>();
  let parser;
  try {
    parser = WARCParser.iterRecords(createReadStream(path), { keepHeadersCase: true });
    for await (const record of parser) {
      const type = record.warcType;
      const id = record.warcHeader('WARC-Record-ID') ?? '';
      if (type === 'response' || type === 'resource') {
        payloads.set(id, { body: await record.readFully(false) });
        continue;
      }
      if (type !== 'metadata' || record.warcContentType !== 'application/json') {
        await record.skipFully();
        continue;
      }
      const meta = JSON.parse(await record.contentText()) as VersionMetadata | EventMetadata;
      if (meta.redline !== 'version-v1' && meta.redline !== 'event-v1') continue;
      const article = await ensureArticle(store, meta, sources, articles, now);
      if (meta.redline === 'event-v1') {
        if (await importEvent(store, article, meta)) report.events++;
        else report.skipped++;
        continue;
      }
      const refers = record.warcHeader('WARC-Refers-To');
      const payload = refers ? payloads.get(refers) : undefined;
      if (refers) payloads.delete(refers);
      await importVersion(store, article, meta, payload, report);
    }
  } catch (err) {
    if (err instanceof EvidenceError) throw err;
    throw new EvidenceError('warc', `${path}: not a readable WARC file: ${(err as Error).message}`, { cause: err });
  }
  return report;
}

async function ensureArticle(
  store: Store,
  meta: VersionMetadata | EventMetadata,
  sources: Map<string, Source>,
  articles: Map<string, Article>,
  now: number,
): Promise<Article> {
  const known = articles.get(meta.article.url);
  if (known) return known;
  let source = sources.get(meta.source.key) ?? (await store.getSource(meta.source.key));
  if (!source)
    source = await store.upsertSource(
      { key: meta.source.key, name: meta.source.name, feedUrl: '', pollPeriodSec: 300, include: [], exclude: [] },
      now,
    );
  sources.set(source.key, source);
  const a = meta.article;
  const { article, created } = await store.upsertArticle({
    sourceId: source.id,
    url: a.url,
    host: a.host,
    feedTitle: a.feedTitle,
    feedPublishedAt: a.feedPublishedAt,
    now: a.firstSeenAt,
    checkPeriodSec: 1800,
  });
  if (created) await store.updateArticle(article.id, { status: 'retired', nextCheckAt: null });
  articles.set(a.url, article);
  return article;
}

/** Events have no natural key: one equal in time, kind, version and detail is the same event (a re-run). */
async function importEvent(store: Store, article: Article, meta: EventMetadata): Promise<boolean> {
  const e = meta.event;
  const known = await store.listEvents(article.id);
  if (known.some((k) => k.at === e.at && k.kind === e.kind && k.versionNumber === e.versionNumber && k.detail === e.detail)) return false;
  await store.addEvent({
    articleId: article.id,
    at: e.at,
    kind: e.kind as ArticleEvent['kind'],
    versionNumber: e.versionNumber,
    detail: e.detail,
  });
  return true;
}

async function importVersion(
  store: Store,
  article: Article,
  meta: VersionMetadata,
  payload: Payload | undefined,
  report: WarcImportReport,
) {
  const v = meta.version;
  const existing = await store.getVersion(article.id, v.number);
  if (existing) {
    if (existing.fingerprint === v.fingerprint) report.skipped++;
    else report.problems.push(`${article.url} version ${v.number}: already in the database with other text`);
    return;
  }
  const capture: CaptureInput | null = payload && meta.capture ? { ...meta.capture, body: payload.body } : null;
  if (meta.capture && !payload)
    report.problems.push(`${article.url} version ${v.number}: the archive has no capture bytes for it (pruned before export?)`);
  try {
    const stored = await store.addVersion(article.id, v.number, { ...v, rawHtml: null, capture });
    report.versions++;
    const record = await store.evidence.getVersionRecord(stored.id);
    if (meta.record && record?.recordHash === meta.record.hash) report.recordsMatching++;
  } catch (err) {
    report.problems.push(`${article.url} version ${v.number}: ${(err as Error).message}`);
  }
}
