import * as v from 'valibot';
import { CHANGE_LEVELS, DIGESTS } from '../model/index.ts';
import { positive } from './rules.ts';

/**
 * The `notify` section of the config file, as part of the one schema (schema.ts): delivery settings,
 * the accounts subscriptions post to, and subscriptions declared in the file. A key it does not know
 * is an error naming the key. Secrets are named, never written inline: `{ "env": "NAME" }` or
 * `{ "file": "path" }` (relative to the config file); notify.ts resolves them once, at load.
 */

const nonEmpty = v.pipe(v.string('must be a non-empty string'), v.trim(), v.nonEmpty('must be a non-empty string'));

/** A base URL (an instance, a PDS): no trailing slash. */
const baseUrl = v.pipe(
  nonEmpty,
  v.regex(/^https?:\/\/[^/]+/, 'must be an http(s) URL'),
  v.transform((s) => s.replace(/\/+$/, '')),
);
const url = v.pipe(nonEmpty, v.regex(/^https?:\/\/[^/]+/, 'must be an http(s) URL'));

/** Stands for a secret written inline, so that the error message never repeats it. */
const INLINE = { inline: true } as const;

/** `{ "env": "NAME" }` or `{ "file": "path" }`; a string (the secret itself) is refused without being echoed. */
const secretRef = v.pipe(
  v.unknown(),
  v.transform((value) => (typeof value === 'string' ? INLINE : value)),
  v.union(
    [v.strictObject({ env: nonEmpty }), v.strictObject({ file: nonEmpty }), v.strictObject({ inline: v.literal(true) })],
    'must be { "env": "VARIABLE" } or { "file": "path" }',
  ),
  v.check(
    (ref) => !('inline' in ref),
    'must not hold the secret itself: write { "env": "VARIABLE" } or { "file": "path" } instead of the secret itself',
  ),
  v.transform((ref) => ref as SecretRef),
);
export type SecretRef = { env: string } | { file: string };

const accountName = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]*$/i, 'account names must be letters, digits, - or _'));
const accounts = <T extends v.GenericSchema>(account: T) =>
  v.optional(v.record(accountName, account, 'must be an object of named accounts'), {});

const smtp = v.strictObject({
  host: nonEmpty,
  /** 587 unless given. */
  port: v.optional(positive, 587),
  /** TLS from the first byte; default: true on port 465, else STARTTLS when the server offers it. */
  secure: v.optional(v.boolean('must be true or false')),
  user: v.optional(v.nullable(nonEmpty), null),
  password: v.optional(v.nullable(secretRef), null),
  /** The From: address of every mail. */
  from: nonEmpty,
});

const webhook = v.strictObject({
  url,
  /** HMAC-SHA256 key for the X-Redline-Signature header. */
  secret: secretRef,
});

const mastodon = v.strictObject({
  /** Base URL of the instance, e.g. https://mastodon.social */
  instance: baseUrl,
  token: secretRef,
  visibility: v.optional(v.picklist(['public', 'unlisted', 'private'], 'must be one of public, unlisted, private'), 'public'),
  /** At most one post per this many seconds (default notify.postEverySec). */
  postEverySec: v.optional(v.nullable(positive), null),
});

const bluesky = v.strictObject({
  /** The PDS. */
  service: v.optional(baseUrl, 'https://bsky.social'),
  /** Handle or DID. */
  identifier: nonEmpty,
  appPassword: secretRef,
  postEverySec: v.optional(v.nullable(positive), null),
});

/** A subscription declared in the file, synced into the database at start (by key). One of article, source or query picks what is watched (a query may be limited to a source); none means every change. */
const subscription = v.pipe(
  v.strictObject({
    key: nonEmpty,
    /** `webhook:NAME`, `mastodon:NAME`, `bluesky:NAME` or `email:ADDRESS`. */
    to: v.pipe(
      nonEmpty,
      v.regex(/^(webhook|mastodon|bluesky|email):.+/, 'must be webhook:NAME, mastodon:NAME, bluesky:NAME or email:ADDRESS'),
    ),
    article: v.optional(v.pipe(v.union([v.string(), v.number()], 'must be an article id or URL'), v.transform(String))),
    source: v.optional(nonEmpty),
    query: v.optional(nonEmpty),
    min: v.optional(v.picklist(CHANGE_LEVELS, `must be one of ${CHANGE_LEVELS.join(', ')}`), 'minor'),
    kinds: v.optional(
      v.pipe(
        v.union([nonEmpty, v.array(nonEmpty)], 'must be a change label or a list of them'),
        v.transform((k) => (Array.isArray(k) ? k : [k])),
      ),
      () => [],
    ),
    digest: v.optional(v.picklist(DIGESTS, `must be one of ${DIGESTS.join(', ')}`), 'none'),
  }),
  v.check(
    (s) =>
      (s.article === undefined ? 0 : 1) + (s.source === undefined || s.query !== undefined ? 0 : 1) + (s.query === undefined ? 0 : 1) <= 1,
    'must watch one article, one source or one query (a query may be limited to a source)',
  ),
);

export const notifySection = v.strictObject({
  /** Deliveries in flight per worker. */
  concurrency: v.optional(positive, 4),
  /** A claimed delivery returns to the queue when its lease expires (a crashed worker). */
  leaseSec: v.optional(positive, 120),
  idleMs: v.optional(positive, 1_000),
  /** One attempt (connect + answer) may take this long. */
  timeoutMs: v.optional(positive, 10_000),
  /** First retry after this, doubling per failure up to retryMaxSec. */
  retryFirstSec: v.optional(positive, 30),
  retryMaxSec: v.optional(positive, 3600),
  /** Give up (mark failed) once a delivery has been failing for this long (24 h). */
  retryForSec: v.optional(positive, 24 * 3600),
  /** Default per-account rate limit of social posts: at most one per this many seconds. */
  postEverySec: v.optional(positive, 300),
  smtp: v.optional(v.nullable(smtp), null),
  webhooks: accounts(webhook),
  mastodon: accounts(mastodon),
  bluesky: accounts(bluesky),
  subscriptions: v.optional(v.array(subscription, 'must be a list'), () => []),
  /** The public follow-by-email form. */
  email: v.optional(
    v.strictObject({
      confirmationsPerAddressPerDay: v.optional(positive, 3),
      requestsPerIpPerHour: v.optional(positive, 20),
    }),
    {},
  ),
  /** Signs the form's anti-forgery tokens; random per process when unset (set it when several web processes serve one site). */
  formSecret: v.optional(v.nullable(secretRef), null),
});
export type NotifySection = v.InferOutput<typeof notifySection>;
