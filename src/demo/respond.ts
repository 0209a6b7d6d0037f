/** Writing responses: charset encoding, gzip when asked, validators and conditional GET. */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { encodeWindows1252 } from './cp1252.ts';

export interface Reply {
  status: number;
  type: string;
  /** Text (encoded in `charset`) or raw bytes (sent as they are, no charset). */
  body: string | Buffer;
  charset?: 'utf-8' | 'windows-1252';
  /**
   * 'stable': the body is the same for the same content, so its ETag is a real validator and
   * If-None-Match / If-Modified-Since are honoured. 'per-response': body changes every request;
   * the ETag still identifies the exact bytes (so it is honoured, but never matches in practice)
   * and Last-Modified is the render time. 'none': no validators.
   */
  validators: 'stable' | 'per-response' | 'none';
  lastModified?: number;
  headers?: Record<string, string>;
}

export function etagOf(bytes: Buffer): string {
  return `"${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}"`;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

function notModifiedSince(req: IncomingMessage, lastModified: number): boolean {
  const ims = req.headers['if-modified-since'];
  if (!ims || req.headers['if-none-match']) return false; // If-None-Match wins (RFC 9110 13.2.2)
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(lastModified / 1000) * 1000 <= since;
}

export function send(req: IncomingMessage, res: ServerResponse, reply: Reply, now: number): void {
  const charset = reply.charset ?? 'utf-8';
  let bytes = encode(reply.body, charset);
  const headers: Record<string, string> = {
    'Content-Type': typeof reply.body === 'string' ? `${reply.type}; charset=${charset}` : reply.type,
    'Cache-Control': reply.validators === 'stable' ? 'public, max-age=0, must-revalidate' : 'private, no-cache',
    Vary: 'Accept-Encoding',
    ...reply.headers,
  };
  if (reply.validators !== 'none') {
    const etag = etagOf(bytes);
    const lastModified = reply.validators === 'stable' ? (reply.lastModified ?? now) : now;
    headers.ETag = etag;
    headers['Last-Modified'] = new Date(lastModified).toUTCString();
    const matches =
      etagMatches(req.headers['if-none-match'], etag) || (reply.validators === 'stable' && notModifiedSince(req, lastModified));
    if (reply.status === 200 && matches) {
      res.writeHead(304, { ETag: etag, 'Last-Modified': headers['Last-Modified'], 'Cache-Control': headers['Cache-Control'] });
      res.end();
      return;
    }
  }
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && bytes.length > 1024) {
    bytes = gzipSync(bytes);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = String(bytes.length);
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function encode(body: string | Buffer, charset: 'utf-8' | 'windows-1252'): Buffer {
  if (typeof body !== 'string') return body;
  return charset === 'windows-1252' ? encodeWindows1252(body) : Buffer.from(body, 'utf8');
}
