import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { readBody } from './body.ts';
import { FetchError, fromNetworkError } from './errors.ts';
import { abortError } from './limiter.ts';

export interface RequestSpec {
  url: URL;
  headers: Record<string, string>;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBodyBytes: number;
  /** Keep the first maxBodyBytes of a longer body instead of failing with too-large. */
  truncateBody?: boolean;
  signal?: AbortSignal;
  lookup?: LookupFunction;
  /** GET unless said otherwise; a POST sends `body` (WebSub subscription requests). */
  method?: 'GET' | 'POST';
  body?: Uint8Array;
  /** Called when the status line and headers arrive; return false to skip the body, throw to refuse it. */
  wantBody: (status: number, headers: Record<string, string>) => boolean;
  /** See ReadOptions.known (body.ts): the body's digest is computed, and the body left undecoded when this says it is known. */
  knownBody?: (digest: string) => boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** sha256 of the body as received (body.ts), when the spec asked with knownBody. */
  bodyDigest?: string | null;
  /** knownBody recognised the body: `body` is empty. */
  bodyKnown?: boolean;
  /** The gzip bytes as received, when asked with knownBody and decoded whole (ReadOptions.known, BodyRead.gzip). */
  bodyGzip?: Uint8Array | null;
  /** As received, for exact captures: `HTTP/1.1 200 OK`, and the headers in order with their names as sent. */
  statusLine: string;
  rawHeaders: [string, string][];
  /** The request headers as sent (including Host). */
  requestHeaders: [string, string][];
}

/**
 * One HTTP exchange, no redirects. Everything that can hang is bounded: connecting (DNS + TCP +
 * TLS) by connectTimeoutMs, the whole exchange by totalTimeoutMs, the body by maxBodyBytes.
 * A kept-alive connection the server closed while it sat idle fails with ECONNRESET on reuse;
 * that request is sent once more on a fresh connection instead of failing the check.
 */
export function request(spec: RequestSpec): Promise<RawResponse> {
  return exchange(spec, true);
}

/** The server closed an idle kept-alive connection: our request never reached it, so sending it again is safe (GET). */
function staleSocket(req: http.ClientRequest, err: unknown, responded: boolean): boolean {
  const code = (err as NodeJS.ErrnoException)?.code;
  return req.reusedSocket && !responded && (code === 'ECONNRESET' || code === 'EPIPE');
}

function exchange(spec: RequestSpec, mayRetry: boolean): Promise<RawResponse> {
  const href = spec.url.href;
  return new Promise((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const settle = (err: Error | null, value?: RawResponse) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      spec.signal?.removeEventListener('abort', onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const onAbort = () => settle(abortError(spec.signal, href));
    if (spec.signal?.aborted) return reject(abortError(spec.signal, href));

    const transport = spec.url.protocol === 'https:' ? https : http;
    const req = transport.request(spec.url, { method: spec.method ?? 'GET', headers: spec.headers, lookup: spec.lookup });
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    timers.push(
      setTimeout(
        () => settle(new FetchError('timeout', `${href}: no complete response within ${spec.totalTimeoutMs} ms`)),
        spec.totalTimeoutMs,
      ),
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) return; // a kept-alive socket is already connected
      const timer = setTimeout(
        () => settle(new FetchError('timeout', `${href}: could not connect within ${spec.connectTimeoutMs} ms`)),
        spec.connectTimeoutMs,
      );
      timers.push(timer);
      socket.once(spec.url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(timer));
    });
    let responded = false;
    req.on('error', (err) => {
      // Only a GET is sent again: it is safe to repeat (a WebSub POST is not retried).
      if (mayRetry && (spec.method ?? 'GET') === 'GET' && !settled && staleSocket(req, err, responded)) {
        settled = true;
        timers.forEach(clearTimeout);
        spec.signal?.removeEventListener('abort', onAbort);
        return resolve(exchange(spec, false));
      }
      settle(fromNetworkError(err, href));
    });
    req.on('response', (res) => {
      responded = true;
      const status = res.statusCode ?? 0;
      const headers = flattenHeaders(res.headers);
      const exact = {
        statusLine: `HTTP/${res.httpVersion} ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`,
        rawHeaders: pairs(res.rawHeaders),
        requestHeaders: sentHeaders(req),
      };
      let want: boolean;
      try {
        want = spec.wantBody(status, headers);
      } catch (err) {
        return settle(err as Error);
      }
      if (!want) {
        res.destroy();
        return settle(null, { status, headers, body: new Uint8Array(0), ...exact });
      }
      const declared = Number(headers['content-length']);
      if (declared > spec.maxBodyBytes && !spec.truncateBody) {
        return settle(new FetchError('too-large', `${href}: Content-Length ${declared} exceeds ${spec.maxBodyBytes} bytes`));
      }
      readBody(res, spec.maxBodyBytes, href, { truncate: spec.truncateBody, known: spec.knownBody }).then(
        (read) =>
          settle(null, { status, headers, body: read.body, bodyDigest: read.digest, bodyKnown: read.known, bodyGzip: read.gzip, ...exact }),
        (err: Error) => settle(err),
      );
    });
    req.end(spec.body);
  });
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

function sentHeaders(req: http.ClientRequest): [string, string][] {
  const names = req.getRawHeaderNames();
  return names.map((name) => {
    const value = req.getHeader(name);
    return [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')];
  });
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
