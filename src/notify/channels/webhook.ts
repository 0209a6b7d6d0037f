import type { WebhookAccount } from '../../config/index.ts';
import { DeliveryError, isRetryableStatus, retryAfterMs } from '../errors.ts';
import { changePayload } from '../payload.ts';
import { SIGNATURE_HEADER, signatureHeader } from '../sign.ts';
import type { ChannelSender, SendRequest, SendResult } from './types.ts';

/**
 * JSON POST of each change, signed (X-Redline-Signature), with its idempotency key in the
 * Idempotency-Key header and the body. Redirects are not followed: a webhook URL is exact.
 */
export function webhookSender(accounts: Record<string, WebhookAccount>, now: () => number): ChannelSender {
  return {
    async send(req: SendRequest): Promise<SendResult> {
      const account = accounts[req.subscription.address];
      if (!account) throw new DeliveryError(`no webhook named ${req.subscription.address} in the config`, { permanent: true });
      let last = '';
      for (const change of req.changes)
        last = await post(account, change.delivery.key, JSON.stringify(changePayload(req.subscription, change, req.attempt)), req, now);
      return { response: last };
    },
  };
}

async function post(account: WebhookAccount, key: string, body: string, req: SendRequest, now: () => number): Promise<string> {
  const res = await fetch(account.url, {
    method: 'POST',
    redirect: 'manual',
    signal: req.signal,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Redline-Webhook/1',
      'idempotency-key': key,
      'x-redline-attempt': String(req.attempt.attempt),
      'x-redline-redelivery': String(req.attempt.redelivery),
      [SIGNATURE_HEADER]: signatureHeader(account.secret.reveal(), body, Math.floor(Date.now() / 1000)),
    },
    body,
  });
  // The answer's body is never needed; dropping it frees the connection.
  await res.body?.cancel().catch(() => {});
  if (res.status >= 200 && res.status < 300) return `HTTP ${res.status}`;
  throw new DeliveryError(`HTTP ${res.status} from webhook ${req.subscription.address}`, {
    permanent: !isRetryableStatus(res.status),
    retryAfterMs: retryAfterMs(res.headers.get('retry-after'), now()),
  });
}
