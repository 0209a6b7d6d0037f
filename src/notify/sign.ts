import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook signatures: `X-Redline-Signature: t=UNIX_SECONDS,v1=HEX` where HEX is
// HMAC-SHA256(secret, `${t}.${body}`). The timestamp is signed with the body, so a receiver that
// rejects old timestamps cannot be fed a recorded request again later.

export const SIGNATURE_HEADER = 'x-redline-signature';

export function signatureHeader(secret: string, body: string, timestampSec: number): string {
  return `t=${timestampSec},v1=${hmac(secret, timestampSec, body)}`;
}

function hmac(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}

/**
 * For receivers (and tests): true when `header` signs `body` with `secret` and its timestamp is
 * within `toleranceSec` of `nowSec`.
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  nowSec: number,
  toleranceSec = 300,
): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSec - t) > toleranceSec) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}
