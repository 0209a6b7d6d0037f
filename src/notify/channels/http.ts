import { DeliveryError, isRetryableStatus, retryAfterMs } from '../errors.ts';

/** A JSON answer from an API, or a DeliveryError naming the status (and never the request's credentials). */
export async function jsonOrFail<T>(res: Response, what: string): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  const detail = await res.text().catch(() => '');
  const error = /"error"\s*:\s*"([^"]{1,120})"/.exec(detail)?.[1];
  throw new DeliveryError(`HTTP ${res.status} from ${what}${error ? `: ${error}` : ''}`, {
    // 401/403: a revoked token or a suspended account; 422: a post the server will never take.
    permanent: !isRetryableStatus(res.status),
    retryAfterMs: retryAfterMs(res.headers.get('retry-after'), Date.now()),
  });
}
