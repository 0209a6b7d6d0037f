import type { NotifyConfig } from '../config/index.ts';
import type { Millis } from '../model/index.ts';

/**
 * When to try a failed delivery again: exponential backoff from retryFirstSec, doubling per
 * attempt up to retryMaxSec (and never before a Retry-After the far end asked for). Once the retry
 * window (retryForSec since `retryFrom`) is over, null: give up. The last retry falls at the end
 * of the window, so a receiver that comes back within it always gets its deliveries.
 */
export function nextRetryAt(
  config: Pick<NotifyConfig, 'retryFirstSec' | 'retryMaxSec' | 'retryForSec'>,
  attempts: number,
  retryFrom: Millis,
  now: Millis,
  retryAfterMs: number | null = null,
): Millis | null {
  const deadline = retryFrom + config.retryForSec * 1000;
  if (now >= deadline) return null;
  const backoff = Math.min(config.retryFirstSec * 2 ** Math.max(0, attempts - 1), config.retryMaxSec) * 1000;
  return Math.min(now + Math.max(backoff, retryAfterMs ?? 0), deadline);
}
