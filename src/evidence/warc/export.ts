import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { WARCRecord } from 'warcio';
import { WARCSerializer } from 'warcio/node';
import type { ArticleWithSource, CaptureInfo, Millis } from '../../model/index.ts';
import { CHAINED_EVENT_KINDS } from '../../store/chain.ts';
import type { Store } from '../../store/index.ts';
import { EvidenceError } from '../errors.ts';
import { eventMeta, versionMeta } from './metadata.ts';

export interface WarcExportOptions {
  sourceKey?: string;
  /** Only versions captured (and events) at or after this time. */
  since?: Millis;
}

export interface WarcExportReport {
  articles: number;
  versions: number;
  responses: number;
  events: number;
}

const SERIALIZE = { gzip: true, digest: { algo: 'sha-256' as const, prefix: 'sha256:', base32: false } };
/** Hop-by-hop and encoding headers that no longer describe the body we kept (decoded, whole). */
const DROPPED = new Set(['content-encoding', 'transfer-encoding', 'content-length']);

/** A stable record id: the same version always gets the same WARC-Record-ID. */
function recordId(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(parts.join('\n')).digest('hex');
  return `<urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}>`;
}

const warcDate = (ms: Millis) => new Date(ms).toISOString();

/**
 * Writes WARC/1.1 (one gzip member per record, as .warc.gz readers expect): a warcinfo record, then
 * per version a request, a response with the exact captured bytes (a resource record for captures
 * kept before exact captures existed) and a metadata record (application/json) with the extracted
 * text, the fingerprint and the chain record; per removed/restored/revert event a metadata record.
 */
export async function exportWarc(store: Store, path: string, opts: WarcExportOptions = {}): Promise<WarcExportReport> {
  const out = createWriteStream(path, { flags: 'wx' });
  const failed = once(out, 'error').then(([err]) => {
    throw new EvidenceError('warc', `cannot write ${path}: ${(err as Error).message}`, { cause: err });
  });
  const write = async (record: WARCRecord) => {
    const bytes = await WARCSerializer.serialize(record, SERIALIZE);
    if (!out.write(bytes)) await Promise.race([once(out, 'drain'), failed]);
  };
  const report: WarcExportReport = { articles: 0, versions: 0, responses: 0, events: 0 };
  try {
    await write(
      WARCRecord.createWARCInfo(
        { filename: path.split('/').pop(), warcVersion: 'WARC/1.1' },
        {
          software: 'Redline',
          format: 'WARC File Format 1.1',
          description: 'Every stored version of tracked news articles: exact captures, extracted text, hash-chain records',
        },
      ),
    );
    const source = opts.sourceKey ? await store.getSource(opts.sourceKey) : null;
    if (opts.sourceKey && !source) throw new EvidenceError('warc', `no source ${JSON.stringify(opts.sourceKey)}`);
    for (const id of await articleIds(store, source?.id)) {
      const article = await store.getArticle(id);
      if (article && (await exportArticle(store, article, opts, write, report))) report.articles++;
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    return report;
  } catch (err) {
    out.destroy();
    throw err;
  }
}

/** Oldest first, so an import rebuilds ids in the same order. */
async function articleIds(store: Store, sourceId: number | undefined): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listArticles({ sourceId, limit: 500, cursor });
    ids.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids.sort((a, b) => a - b);
}

async function exportArticle(
  store: Store,
  article: ArticleWithSource,
  opts: WarcExportOptions,
  write: (r: WARCRecord) => Promise<void>,
  report: WarcExportReport,
): Promise<boolean> {
  const source = (await store.getSource(article.sourceId))!;
  const versions = (await store.listVersions(article.id)).filter((v) => opts.since === undefined || v.capturedAt >= opts.since);
  const records = await store.evidence.listRecords(article.id);
  for (const v of versions) {
    const info = await store.evidence.getCaptureInfo(v.id);
    const capture = info?.hasBytes ? await store.evidence.getCapture(article.id, v.number) : null;
    const id = {
      response: recordId('response', article.url, v.number, v.capturedAt),
      metadata: recordId('metadata', article.url, v.number, v.capturedAt),
    };
    const url = info?.finalUrl ?? article.url;
    if (capture && info) {
      await writeCapture(write, url, v.capturedAt, info, capture.body, id.response);
      report.responses++;
    }
    const meta = versionMeta(source, article, v, info, records.find((r) => r.kind === 'version' && r.seq === v.number) ?? null);
    await write(
      WARCRecord.create(
        {
          url: article.url,
          date: warcDate(v.capturedAt),
          type: 'metadata',
          warcVersion: 'WARC/1.1',
          warcHeaders: {
            'WARC-Record-ID': id.metadata,
            'Content-Type': 'application/json',
            ...(capture ? { 'WARC-Refers-To': id.response } : {}),
          },
        },
        [new TextEncoder().encode(JSON.stringify(meta))],
      ),
    );
    report.versions++;
  }
  const events = (await store.listEvents(article.id)).filter(
    (e) => CHAINED_EVENT_KINDS.includes(e.kind) && (opts.since === undefined || e.at >= opts.since),
  );
  for (const e of events) {
    const record = records.find((r) => r.kind === 'event' && r.eventId === e.id) ?? null;
    await write(
      WARCRecord.create(
        {
          url: article.url,
          date: warcDate(e.at),
          type: 'metadata',
          warcVersion: 'WARC/1.1',
          warcHeaders: { 'WARC-Record-ID': recordId('event', article.url, e.id), 'Content-Type': 'application/json' },
        },
        [new TextEncoder().encode(JSON.stringify(eventMeta(source, article, e, record)))],
      ),
    );
    report.events++;
  }
  return versions.length + events.length > 0;
}

async function writeCapture(
  write: (r: WARCRecord) => Promise<void>,
  url: string,
  at: Millis,
  info: CaptureInfo,
  body: Uint8Array,
  responseId: string,
) {
  const date = warcDate(at);
  if (!info.exact || !info.statusLine) {
    // Kept before exact captures: the decoded page re-encoded as UTF-8, no HTTP envelope.
    await write(
      WARCRecord.create(
        {
          url,
          date,
          type: 'resource',
          warcVersion: 'WARC/1.1',
          warcHeaders: { 'WARC-Record-ID': responseId, 'Content-Type': 'text/html; charset=utf-8' },
        },
        [body],
      ),
    );
    return;
  }
  const target = new URL(url);
  const requestHeaders = info.requestHeaders ?? [['Host', target.host]];
  await write(
    WARCRecord.create(
      {
        url,
        date,
        type: 'request',
        warcVersion: 'WARC/1.1',
        keepHeadersCase: true,
        statusline: `GET ${target.pathname}${target.search} HTTP/1.1`,
        httpHeaders: requestHeaders,
        warcHeaders: { 'WARC-Record-ID': recordId('request', url, at), 'WARC-Concurrent-To': responseId },
      },
      [],
    ),
  );
  const headers = (info.headers ?? []).filter(([name]) => !DROPPED.has(name.toLowerCase()));
  headers.push(['Content-Length', String(body.byteLength)]);
  await write(
    WARCRecord.create(
      {
        url,
        date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        keepHeadersCase: true,
        statusline: info.statusLine,
        httpHeaders: headers,
        warcHeaders: { 'WARC-Record-ID': responseId },
      },
      [body],
    ),
  );
}
