import type { MastodonAccount } from '../../config/index.ts';
import { DeliveryError } from '../errors.ts';
import { MASTODON_LIMIT, composePost } from '../post-text.ts';
import { jsonOrFail } from './http.ts';
import type { ChannelSender, SendRequest, SendResult } from './types.ts';

/** Mastodon's alt text limit. */
const MAX_ALT = 1500;
const MEDIA_POLLS = 10;

/**
 * A status per change: the share card uploaded with its alt text (/api/v2/media), then the status
 * (/api/v1/statuses) replying to the article's previous post, so each article is one thread. The
 * idempotency key goes in Mastodon's Idempotency-Key header: a retry after a crash returns the
 * status already made instead of posting twice.
 */
export function mastodonSender(accounts: Record<string, MastodonAccount>): ChannelSender {
  return {
    async send(req: SendRequest): Promise<SendResult> {
      const name = req.subscription.address;
      const account = accounts[name];
      if (!account) throw new DeliveryError(`no mastodon account named ${name} in the config`, { permanent: true });
      const [change] = req.changes;
      if (!change) throw new DeliveryError('nothing to post', { permanent: true });
      const auth = { authorization: `Bearer ${account.token.reveal()}` };
      const mediaIds: string[] = [];
      if (req.card) mediaIds.push(await uploadMedia(account, auth, req.card.png, req.card.alt, req.signal, name));
      const post = composePost(change, MASTODON_LIMIT);
      const res = await fetch(`${account.instance}/api/v1/statuses`, {
        method: 'POST',
        signal: req.signal,
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': change.delivery.key },
        body: JSON.stringify({
          status: post.text,
          media_ids: mediaIds,
          visibility: account.visibility,
          ...(req.thread ? { in_reply_to_id: req.thread.lastId } : {}),
        }),
      });
      const status = await jsonOrFail<{ id: string; url?: string | null; uri?: string }>(res, `mastodon ${name} statuses`);
      const lane = `mastodon:${name}`;
      return {
        response: status.url ?? status.uri ?? status.id,
        thread: {
          lane,
          articleId: change.article.id,
          rootId: req.thread?.rootId ?? status.id,
          rootCid: null,
          lastId: status.id,
          lastCid: null,
        },
      };
    },
  };
}

async function uploadMedia(
  account: MastodonAccount,
  auth: Record<string, string>,
  png: Uint8Array,
  alt: string,
  signal: AbortSignal,
  name: string,
): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'change.png');
  form.append('description', alt.length > MAX_ALT ? `${alt.slice(0, MAX_ALT - 1)}…` : alt);
  const res = await fetch(`${account.instance}/api/v2/media`, { method: 'POST', signal, headers: auth, body: form });
  const media = await jsonOrFail<{ id: string; url: string | null }>(res, `mastodon ${name} media`);
  // 202: the server is still processing the image; a status may only attach it once it has a URL.
  for (let i = 0; res.status === 202 && i < MEDIA_POLLS; i++) {
    const check = await fetch(`${account.instance}/api/v1/media/${encodeURIComponent(media.id)}`, { signal, headers: auth });
    if (check.status === 200) return (await jsonOrFail<{ id: string }>(check, `mastodon ${name} media`)).id;
    await check.body?.cancel().catch(() => {});
    await new Promise((r) => setTimeout(r, 200 * (i + 1)));
  }
  if (res.status === 202) throw new DeliveryError(`mastodon ${name}: the image was still processing`);
  return media.id;
}
