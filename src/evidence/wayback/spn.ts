import type { WaybackConfig } from '../../config/index.ts';
import type { Millis } from '../../model/index.ts';

/** What one request to Save Page Now (SPN2 API) came to. */
export type SpnAnswer =
  | { kind: 'submitted'; jobId: string }
  | { kind: 'pending' }
  | { kind: 'done'; archivedUrl: string }
  | { kind: 'rate-limited'; retryAfterMs: number }
  | { kind: 'error'; message: string };

export interface SpnClient {
  submit(url: string): Promise<SpnAnswer>;
  status(jobId: string): Promise<SpnAnswer>;
}

const TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 64 * 1024;
/** When a 429 gives no Retry-After. */
const DEFAULT_RETRY_MS = 60_000;

/**
 * Save Page Now 2: POST /save (form `url`) answers a job id, GET /save/status/ID its outcome. Keys,
 * when configured, go in the `Authorization: LOW key:secret` header and nowhere else.
 */
export function createSpnClient(config: WaybackConfig, userAgent: string, now: () => Millis = Date.now): SpnClient {
  const base = config.endpoint.replace(/\/+$/, '');
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent };
  if (config.accessKey && config.secretKey) headers.authorization = `LOW ${config.accessKey}:${config.secretKey}`;

  async function call(
    path: string,
    init: RequestInit,
  ): Promise<{ status: number; retryAfter: string | null; json: Record<string, unknown> | null }> {
    const res = await fetch(base + path, {
      ...init,
      headers: { ...headers, ...(init.headers as Record<string, string>) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'manual',
    });
    const text = await boundedText(res);
    let json: Record<string, unknown> | null = null;
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
    } catch {
      // not JSON: judged by the status
    }
    return { status: res.status, retryAfter: res.headers.get('retry-after'), json };
  }

  async function answer(path: string, init: RequestInit, onOk: (json: Record<string, unknown>) => SpnAnswer): Promise<SpnAnswer> {
    let res;
    try {
      res = await call(path, init);
    } catch (err) {
      return { kind: 'error', message: `Save Page Now unreachable: ${(err as Error).message}` };
    }
    if (res.status === 429) return { kind: 'rate-limited', retryAfterMs: retryAfterMs(res.retryAfter, now()) };
    if (res.status !== 200 || !res.json) return { kind: 'error', message: `Save Page Now answered HTTP ${res.status}` };
    if (res.json.status === 'error')
      return { kind: 'error', message: `Save Page Now: ${String(res.json.status_ext ?? res.json.message ?? 'error')}` };
    return onOk(res.json);
  }

  return {
    submit: (url) =>
      answer(
        '/save',
        {
          method: 'POST',
          body: new URLSearchParams({ url, skip_first_archive: '1' }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        (json) =>
          typeof json.job_id === 'string' && json.job_id
            ? { kind: 'submitted', jobId: json.job_id }
            : { kind: 'error', message: 'Save Page Now gave no job id' },
      ),
    status: (jobId) =>
      answer(`/save/status/${encodeURIComponent(jobId)}`, { method: 'GET' }, (json) => {
        if (json.status === 'pending') return { kind: 'pending' };
        if (
          json.status === 'success' &&
          typeof json.timestamp === 'string' &&
          typeof json.original_url === 'string' &&
          /^\d{14}$/.test(json.timestamp)
        ) {
          return { kind: 'done', archivedUrl: `${base}/web/${json.timestamp}/${json.original_url}` };
        }
        return { kind: 'error', message: `Save Page Now status ${JSON.stringify(json.status)}` };
      }),
  };
}

/** Retry-After in seconds or as an HTTP date; a missing or unreadable one waits a minute. */
export function retryAfterMs(value: string | null, now: Millis): number {
  if (value === null) return DEFAULT_RETRY_MS;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? DEFAULT_RETRY_MS : Math.max(0, at - now);
}

async function boundedText(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      break;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
