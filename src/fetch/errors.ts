import { RedlineError } from '../model/index.ts';

export type FetchErrorKind =
  | 'invalid-url'
  | 'timeout'
  | 'dns'
  | 'connect'
  | 'http'
  | 'gone'
  | 'too-large'
  | 'redirects'
  | 'robots'
  | 'not-html'
  /** A feed was asked for (`accept: 'feed'`) and the answer is not one. */
  | 'not-feed'
  /** An unknown or corrupt Content-Encoding. */
  | 'bad-encoding'
  /** Headless Chromium could not start or could not render the page. */
  | 'render'
  | 'tls'
  | 'aborted'
  /** The SSRF guard refused a private, loopback, link-local… address (fetch.allowPrivateNetworks). */
  | 'blocked';

export interface FetchErrorDetails {
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

/** A page or feed that could not be fetched. The message names the URL; `status`/`retryAfterMs` are set when the server said so. */
export class FetchError extends RedlineError {
  readonly stage = 'fetch';
  declare readonly kind: FetchErrorKind;
  readonly status: number | null;
  readonly retryAfterMs: number | null;

  constructor(kind: FetchErrorKind, message: string, details: FetchErrorDetails = {}) {
    super(kind, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const TLS_CODE = /^(ERR_TLS|ERR_SSL|ERR_OSSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/;

/** Names a low-level socket/DNS/TLS error from node:http in Redline's terms. */
export function fromNetworkError(err: unknown, url: string): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  if (DNS_CODES.has(code)) return new FetchError('dns', `cannot resolve host ${hostOf(url)} (${code})`, { cause: err });
  if (TLS_CODE.test(code) || /\b(SSL|TLS)\b/.test(e?.message ?? '')) {
    return new FetchError('tls', `TLS failure for ${url}: ${e.message}`, { cause: err });
  }
  if (code.startsWith('HPE_')) return new FetchError('http', `invalid HTTP response from ${url}: ${e.message}`, { cause: err });
  if (code === 'ETIMEDOUT') return new FetchError('timeout', `connection to ${url} timed out`, { cause: err });
  return new FetchError('connect', `connection to ${url} failed: ${code || e?.message || String(err)}`, { cause: err });
}

/** The host alone: the failing request may be robots.txt, but the reader cares which site is unreachable. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
