import { AtpAgent } from '@atproto/api';
import type { BlueskyAccount } from '../../config/index.ts';
import type { ChangeContext } from '../change.ts';
import { DeliveryError, isRetryableStatus } from '../errors.ts';
import { BLUESKY_LIMIT, composePost } from '../post-text.ts';
import { tidFor } from './tid.ts';
import type { ChannelSender, SendRequest, SendResult } from './types.ts';

const POST = 'app.bsky.feed.post';

/**
 * A post per change through the AT Protocol (@atproto/api): createSession once per account, the
 * share card as a blob with its alt text, a link facet on the diff URL, and reply refs (root and
 * parent) to the article's previous post, so each article is one thread.
 */
export function blueskySender(accounts: Record<string, BlueskyAccount>): ChannelSender {
  const agents = new Map<string, Promise<AtpAgent>>();
  const agentFor = (name: string, account: BlueskyAccount): Promise<AtpAgent> => {
    let agent = agents.get(name);
    if (!agent) {
      agent = login(account);
      agents.set(name, agent);
      agent.catch(() => agents.delete(name));
    }
    return agent;
  };
  return {
    async send(req: SendRequest): Promise<SendResult> {
      const name = req.subscription.address;
      const account = accounts[name];
      if (!account) throw new DeliveryError(`no bluesky account named ${name} in the config`, { permanent: true });
      const [change] = req.changes;
      if (!change) throw new DeliveryError('nothing to post', { permanent: true });
      try {
        const agent = await agentFor(name, account);
        return await post(agent, name, change, req);
      } catch (err) {
        // An expired or revoked session: log in again next time.
        if (status(err) === 401) agents.delete(name);
        throw asDeliveryError(err, name);
      }
    },
  };
}

async function login(account: BlueskyAccount): Promise<AtpAgent> {
  const agent = new AtpAgent({ service: account.service });
  await agent.login({ identifier: account.identifier, password: account.appPassword.reveal() });
  return agent;
}

async function post(agent: AtpAgent, name: string, change: ChangeContext, req: SendRequest): Promise<SendResult> {
  const repo = agent.session?.did;
  if (!repo) throw new DeliveryError(`bluesky ${name}: no session`);
  const text = composePost(change, BLUESKY_LIMIT);
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  const record: Record<string, unknown> = {
    $type: POST,
    text: text.text,
    createdAt: new Date(change.to.capturedAt).toISOString(),
    facets: [
      {
        index: { byteStart: bytes(text.text.slice(0, text.link.start)), byteEnd: bytes(text.text.slice(0, text.link.end)) },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: text.link.uri }],
      },
    ],
  };
  const { card } = req;
  if (card) {
    const { data } = await agent.uploadBlob(card.png, { encoding: 'image/png' });
    record.embed = {
      $type: 'app.bsky.embed.images',
      images: [{ alt: card.alt, image: data.blob, aspectRatio: { width: card.width, height: card.height } }],
    };
  }
  if (req.thread) {
    record.reply = {
      root: { uri: req.thread.rootId, cid: req.thread.rootCid },
      parent: { uri: req.thread.lastId, cid: req.thread.lastCid },
    };
  }
  const rkey = tidFor(change.delivery.key, change.delivery.createdAt);
  const made = await createOrFind(agent, repo, rkey, record);
  return {
    response: made.uri,
    thread: {
      lane: `bluesky:${name}`,
      articleId: change.article.id,
      rootId: req.thread?.rootId ?? made.uri,
      rootCid: req.thread?.rootCid ?? made.cid,
      lastId: made.uri,
      lastCid: made.cid,
    },
  };
}

/** A record with this key exists when an earlier attempt got through before its worker died: that one stands. */
async function createOrFind(
  agent: AtpAgent,
  repo: string,
  rkey: string,
  record: Record<string, unknown>,
): Promise<{ uri: string; cid: string }> {
  try {
    const { data } = await agent.com.atproto.repo.createRecord({ repo, collection: POST, rkey, record });
    return { uri: data.uri, cid: data.cid };
  } catch (err) {
    if (status(err) !== 400 && status(err) !== 409) throw err;
    const existing = await agent.com.atproto.repo.getRecord({ repo, collection: POST, rkey }).catch(() => null);
    if (!existing?.data.cid) throw err;
    return { uri: existing.data.uri, cid: existing.data.cid };
  }
}

function status(err: unknown): number | null {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : null;
}

function asDeliveryError(err: unknown, name: string): unknown {
  if (err instanceof DeliveryError) return err;
  const s = status(err);
  if (s === null || s < 100) return err; // network trouble: retried, described by failureMessage
  const code = (err as { error?: string }).error;
  return new DeliveryError(`HTTP ${s} from bluesky ${name}${code ? `: ${code}` : ''}`, { permanent: !isRetryableStatus(s), cause: err });
}
