import { RedlineError } from '../model/index.ts';

/**
 * One delivery attempt failed. `permanent`: trying again cannot help (HTTP 410, a mailbox that does
 * not exist, an account missing from the config), so the delivery is marked failed at once.
 * Messages never contain secrets: they name the account and what the far end answered.
 */
export class DeliveryError extends RedlineError {
  readonly stage = 'notify';
  readonly permanent: boolean;
  readonly retryAfterMs: number | null;

  constructor(message: string, options: { permanent?: boolean; retryAfterMs?: number | null; cause?: unknown } = {}) {
    super(options.permanent ? 'delivery-refused' : 'delivery-failed', message, { cause: options.cause });
    this.permanent = options.permanent ?? false;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** A short, secret-free description of any failure, for the delivery log. */
export function failureMessage(err: unknown): string {
  if (err instanceof DeliveryError) return err.message;
  const e = err as { name?: string; message?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timed out';
  const code = causeCode(err);
  if (code) return `network error ${code}`;
  const cause = (err as { cause?: { message?: string } })?.cause?.message;
  return `error: ${String(e?.message ?? err)}${cause ? `: ${cause}` : ''}`.slice(0, 200);
}

/** HTTP statuses worth retrying; every other 4xx is the far end saying no for good. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429;
}

/** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The first error code (ECONNREFUSED, ENOTFOUND...) along the cause chain: fetch and XRPC wrap the socket error. */
function causeCode(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[A-Z][A-Z_]+$/.test(e.code)) return e.code;
  }
  return null;
}
