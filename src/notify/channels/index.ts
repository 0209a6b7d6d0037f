import { publicBaseUrl } from '../../config/index.ts';
import type { NotifyDeps } from '../deps.ts';
import type { Senders } from '../deliver.ts';
import { blueskySender } from './bluesky.ts';
import { emailSender } from './email.ts';
import { mastodonSender } from './mastodon.ts';
import { webhookSender } from './webhook.ts';

/** One sender per configured channel; a channel without accounts gets none (its deliveries wait and retry). */
export function createSenders(deps: NotifyDeps): Senders {
  const n = deps.config.notify;
  const senders: Senders = { webhook: webhookSender(n.webhooks, deps.now) };
  if (Object.keys(n.mastodon).length) senders.mastodon = mastodonSender(n.mastodon);
  if (Object.keys(n.bluesky).length) senders.bluesky = blueskySender(n.bluesky);
  if (n.smtp) senders.email = emailSender(n.smtp, publicBaseUrl(deps.config.web), n.timeoutMs);
  return senders;
}
