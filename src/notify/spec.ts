import type { Config, SubscriptionSpec } from '../config/index.ts';
import {
  CHANGE_LEVELS,
  UsageError,
  type Channel,
  type ChangeLabel,
  type ChangeLevel,
  type Digest,
  type SubscriptionInput,
  type SubscriptionOrigin,
  type Watch,
} from '../model/index.ts';
import { CHANGE_LABELS, isChangeLabel } from '../diff/index.ts';
import type { Store } from '../store/store.ts';

// Turning what a user wrote (CLI flags, admin API JSON, a config entry) into a SubscriptionInput,
// with one set of rules and messages for all three.

export interface FollowRequest {
  /** `webhook:NAME`, `mastodon:NAME`, `bluesky:NAME` or `email:ADDRESS`. */
  to: string;
  /** Article id or URL. */
  article?: string | number | null;
  /** Source key. */
  source?: string | null;
  query?: string | null;
  min?: string | null;
  kinds?: string[] | null;
  digest?: string | null;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

/** `mastodon:main` -> { channel: 'mastodon', address: 'main' }, checking the account exists in the config. */
export function parseTarget(config: Config, to: string): { channel: Channel; address: string } {
  const m = /^(webhook|email|mastodon|bluesky):(.+)$/.exec(to.trim());
  if (!m) throw new UsageError(`--to must be webhook:NAME, mastodon:NAME, bluesky:NAME or email:ADDRESS (got ${JSON.stringify(to)})`);
  const channel = m[1] as Channel;
  const address = m[2].trim();
  if (channel === 'email') {
    if (!isEmailAddress(address)) throw new UsageError(`not an email address: ${JSON.stringify(address)}`);
    return { channel, address: address.toLowerCase() };
  }
  const accounts = channel === 'webhook' ? config.notify.webhooks : channel === 'mastodon' ? config.notify.mastodon : config.notify.bluesky;
  if (!accounts[address]) {
    const known = Object.keys(accounts);
    throw new UsageError(
      `no ${channel} account named ${JSON.stringify(address)} in the config's notify.${channel === 'webhook' ? 'webhooks' : channel} (${known.length ? `known: ${known.join(', ')}` : 'none declared'})`,
    );
  }
  return { channel, address };
}

export function parseLevel(value: string | null | undefined): ChangeLevel {
  if (value === null || value === undefined || value === '') return 'minor';
  if (!CHANGE_LEVELS.includes(value as ChangeLevel))
    throw new UsageError(`--min must be one of ${CHANGE_LEVELS.join(', ')} (got ${JSON.stringify(value)})`);
  return value as ChangeLevel;
}

/** `--kind` values (repeated, or comma-separated): change labels of the diff engine (diff/label-ids.ts), each once. */
export function parseKinds(values: readonly string[] | null | undefined): ChangeLabel[] {
  const kinds: ChangeLabel[] = [];
  for (const k of (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)) {
    if (!isChangeLabel(k))
      throw new UsageError(`kind ${JSON.stringify(k)} is not a change label; the labels are ${CHANGE_LABELS.join(', ')}`);
    if (!kinds.includes(k)) kinds.push(k);
  }
  return kinds;
}

function parseDigest(value: string | null | undefined, channel: Channel): Digest {
  if (value === null || value === undefined || value === '' || value === 'none') return 'none';
  if (value !== 'hourly' && value !== 'daily') throw new UsageError(`--digest must be hourly or daily (got ${JSON.stringify(value)})`);
  if (channel !== 'email') throw new UsageError('a digest is for email subscriptions only');
  return value;
}

/** Resolves the watched article/source and checks the combination; the result is ready for the store. */
export async function subscriptionFrom(
  store: Store,
  config: Config,
  req: FollowRequest,
  origin: SubscriptionOrigin,
  configKey: string | null = null,
): Promise<SubscriptionInput> {
  const { channel, address } = parseTarget(config, req.to);
  const hasArticle = req.article !== undefined && req.article !== null && req.article !== '';
  const hasSource = !!req.source;
  const query = req.query?.trim() || null;
  if (hasArticle && (hasSource || query))
    throw new UsageError('follow one article, one source or one query (a query may be limited to a source)');
  const watch: Watch = hasArticle ? 'article' : query ? 'query' : hasSource ? 'source' : 'all';
  let articleId: number | null = null;
  let sourceId: number | null = null;
  if (hasArticle) {
    const ref = String(req.article);
    const article = /^\d+$/.test(ref) ? await store.getArticle(Number(ref)) : await store.getArticleByUrl(ref);
    if (!article) throw new UsageError(`no tracked article ${ref} (see \`redline articles\`)`);
    articleId = article.id;
  }
  if (hasSource) {
    const source = await store.getSource(String(req.source));
    if (!source) throw new UsageError(`no source with key ${req.source} (see \`redline sources list\`)`);
    sourceId = source.id;
  }
  if (query !== null && !/[\p{L}\p{N}]/u.test(query)) throw new UsageError('a query needs at least one word');
  const kinds = parseKinds(req.kinds);
  return {
    channel,
    address,
    watch,
    articleId,
    sourceId,
    query,
    minLevel: parseLevel(req.min),
    kinds,
    digest: parseDigest(req.digest, channel),
    origin,
    configKey,
  };
}

/**
 * Brings the config file's subscriptions into the database: each is added or updated by its key,
 * and one removed from the file ends. Returns how many are declared.
 */
export async function syncSubscriptions(store: Store, config: Config, specs: SubscriptionSpec[], now: number): Promise<number> {
  const keys = new Set<string>();
  for (const spec of specs) {
    const input = await subscriptionFrom(store, config, spec, 'config', spec.key).catch((err: unknown) => {
      if (err instanceof UsageError) throw new UsageError(`notify.subscriptions "${spec.key}": ${err.message}`, { cause: err });
      throw err;
    });
    await store.addSubscription(input, 'active', now);
    keys.add(spec.key);
  }
  for (const sub of await store.listSubscriptions({ origin: 'config', status: 'active' })) {
    if (sub.configKey && !keys.has(sub.configKey)) await store.unsubscribe(sub.id, now);
  }
  return specs.length;
}
