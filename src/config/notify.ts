import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CHANGE_LEVELS, UsageError, type ChangeLevel, type Digest } from '../model/index.ts';
import { Secret } from './secret.ts';

// The `notify` section of the config file: delivery settings, the accounts subscriptions post to
// (each secret named by an environment variable or a file, never written inline), and
// subscriptions declared in the file.

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: Secret | null;
  /** The From: address of every mail. */
  from: string;
}

export interface WebhookAccount {
  url: string;
  /** HMAC-SHA256 key for the X-Redline-Signature header. */
  secret: Secret;
}

export interface MastodonAccount {
  /** Base URL of the instance, e.g. https://mastodon.social */
  instance: string;
  token: Secret;
  visibility: 'public' | 'unlisted' | 'private';
  /** At most one post per this many seconds (default notify.postEverySec). */
  postEverySec: number | null;
}

export interface BlueskyAccount {
  /** The PDS, e.g. https://bsky.social */
  service: string;
  /** Handle or DID. */
  identifier: string;
  appPassword: Secret;
  postEverySec: number | null;
}

/** A subscription declared in the config file, synced into the database at start (by key). */
export interface SubscriptionSpec {
  key: string;
  /** `webhook:NAME`, `mastodon:NAME`, `bluesky:NAME` or `email:ADDRESS`. */
  to: string;
  /** One of these picks what is watched; none means every change. */
  article: string | null;
  source: string | null;
  query: string | null;
  min: ChangeLevel;
  kinds: string[];
  digest: Digest;
}

export interface NotifyConfig {
  /** Deliveries in flight per worker. */
  concurrency: number;
  /** A claimed delivery returns to the queue when its lease expires (a crashed worker). */
  leaseSec: number;
  idleMs: number;
  /** One attempt (connect + answer) may take this long. */
  timeoutMs: number;
  /** First retry after this, doubling per failure up to retryMaxSec. */
  retryFirstSec: number;
  retryMaxSec: number;
  /** Give up (mark failed) once a delivery has been failing for this long (24 h). */
  retryForSec: number;
  /** Default per-account rate limit of social posts: at most one per this many seconds. */
  postEverySec: number;
  smtp: SmtpConfig | null;
  webhooks: Record<string, WebhookAccount>;
  mastodon: Record<string, MastodonAccount>;
  bluesky: Record<string, BlueskyAccount>;
  subscriptions: SubscriptionSpec[];
  /** The public follow-by-email form. */
  email: { confirmationsPerAddressPerDay: number; requestsPerIpPerHour: number };
  /** Signs the form's anti-forgery tokens; random per process when unset (set it when several web processes serve one site). */
  formSecret: Secret | null;
}

export function defaultNotifyConfig(): NotifyConfig {
  return {
    concurrency: 4,
    leaseSec: 120,
    idleMs: 1_000,
    timeoutMs: 10_000,
    retryFirstSec: 30,
    retryMaxSec: 3600,
    retryForSec: 24 * 3600,
    postEverySec: 300,
    smtp: null,
    webhooks: {},
    mastodon: {},
    bluesky: {},
    subscriptions: [],
    email: { confirmationsPerAddressPerDay: 3, requestsPerIpPerHour: 20 },
    formSecret: null,
  };
}

type Env = Record<string, string | undefined>;
type Obj = Record<string, unknown>;

const NUMBERS = ['concurrency', 'leaseSec', 'idleMs', 'timeoutMs', 'retryFirstSec', 'retryMaxSec', 'retryForSec', 'postEverySec'] as const;

/** Reads the `notify` section of `file` into `config`, resolving secrets from `env` and files once. */
export function mergeNotify(config: NotifyConfig, value: unknown, file: string, env: Env): void {
  const where = `${file}: notify`;
  const obj = object(value, where);
  const read = secretReader(file, env);
  for (const name of NUMBERS) if (obj[name] !== undefined) config[name] = positive(obj[name], `${where}.${name}`);
  if (obj.email !== undefined) {
    const e = object(obj.email, `${where}.email`);
    if (e.confirmationsPerAddressPerDay !== undefined)
      config.email.confirmationsPerAddressPerDay = positive(
        e.confirmationsPerAddressPerDay,
        `${where}.email.confirmationsPerAddressPerDay`,
      );
    if (e.requestsPerIpPerHour !== undefined)
      config.email.requestsPerIpPerHour = positive(e.requestsPerIpPerHour, `${where}.email.requestsPerIpPerHour`);
  }
  if (obj.smtp !== undefined) config.smtp = smtp(object(obj.smtp, `${where}.smtp`), `${where}.smtp`, read);
  if (obj.formSecret !== undefined) config.formSecret = read(obj.formSecret, `${where}.formSecret`);
  config.webhooks = accounts(obj.webhooks, `${where}.webhooks`, (a, w) => ({
    url: httpUrl(a.url, `${w}.url`, false),
    secret: read(a.secret, `${w}.secret`),
  }));
  config.mastodon = accounts(obj.mastodon, `${where}.mastodon`, (a, w) => ({
    instance: httpUrl(a.instance, `${w}.instance`),
    token: read(a.token, `${w}.token`),
    visibility: oneOf(a.visibility ?? 'public', ['public', 'unlisted', 'private'] as const, `${w}.visibility`),
    postEverySec: a.postEverySec === undefined ? null : positive(a.postEverySec, `${w}.postEverySec`),
  }));
  config.bluesky = accounts(obj.bluesky, `${where}.bluesky`, (a, w) => ({
    service: httpUrl(a.service ?? 'https://bsky.social', `${w}.service`),
    identifier: text(a.identifier, `${w}.identifier`),
    appPassword: read(a.appPassword, `${w}.appPassword`),
    postEverySec: a.postEverySec === undefined ? null : positive(a.postEverySec, `${w}.postEverySec`),
  }));
  if (obj.subscriptions !== undefined) {
    if (!Array.isArray(obj.subscriptions)) throw new UsageError(`${where}.subscriptions must be a list`);
    config.subscriptions = obj.subscriptions.map((s, i) => subscriptionSpec(s, `${where}.subscriptions[${i}]`));
  }
}

/** Secrets are named, never written inline: `{ "env": "NAME" }` or `{ "file": "path" }` (relative to the config file). */
function secretReader(file: string, env: Env) {
  return (value: unknown, where: string): Secret => {
    if (typeof value === 'string') {
      throw new UsageError(`${where}: write { "env": "VARIABLE" } or { "file": "path" } instead of the secret itself`);
    }
    const ref = object(value, where);
    if (typeof ref.env === 'string') {
      const v = env[ref.env];
      if (!v) throw new UsageError(`${where}: environment variable ${ref.env} is not set`);
      return new Secret(v);
    }
    if (typeof ref.file === 'string') {
      const path = resolve(dirname(file), ref.file);
      try {
        return new Secret(readFileSync(path, 'utf8').trim());
      } catch (err) {
        throw new UsageError(`${where}: cannot read secret file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
      }
    }
    throw new UsageError(`${where} must be { "env": "VARIABLE" } or { "file": "path" }`);
  };
}

function smtp(s: Obj, where: string, read: (v: unknown, w: string) => Secret): SmtpConfig {
  const port = s.port === undefined ? 587 : positive(s.port, `${where}.port`);
  return {
    host: text(s.host, `${where}.host`),
    port,
    secure: s.secure === undefined ? port === 465 : s.secure === true,
    user: s.user === undefined ? null : text(s.user, `${where}.user`),
    password: s.password === undefined ? null : read(s.password, `${where}.password`),
    from: text(s.from, `${where}.from`),
  };
}

function accounts<T>(value: unknown, where: string, parse: (a: Obj, where: string) => T): Record<string, T> {
  if (value === undefined) return {};
  const out: Record<string, T> = {};
  for (const [name, a] of Object.entries(object(value, where))) {
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name))
      throw new UsageError(`${where}: account name ${JSON.stringify(name)} must be letters, digits, - or _`);
    out[name] = parse(object(a, `${where}.${name}`), `${where}.${name}`);
  }
  return out;
}

function subscriptionSpec(value: unknown, where: string): SubscriptionSpec {
  const s = object(value, where);
  const key = text(s.key, `${where}.key`);
  const to = text(s.to, `${where}.to`);
  if (!/^(webhook|mastodon|bluesky|email):.+/.test(to))
    throw new UsageError(`${where}.to must be webhook:NAME, mastodon:NAME, bluesky:NAME or email:ADDRESS`);
  const picked = ['article', 'source', 'query'].filter((k) => s[k] !== undefined);
  if (picked.length > 1 && !(picked.length === 2 && picked.includes('query') && picked.includes('source'))) {
    throw new UsageError(`${where}: watch one article, one source or one query (a query may be limited to a source)`);
  }
  return {
    key,
    to,
    article: s.article === undefined ? null : String(s.article),
    source: s.source === undefined ? null : text(s.source, `${where}.source`),
    query: s.query === undefined ? null : text(s.query, `${where}.query`),
    min: oneOf(s.min ?? 'minor', CHANGE_LEVELS, `${where}.min`),
    kinds: s.kinds === undefined ? [] : (Array.isArray(s.kinds) ? s.kinds : [s.kinds]).map((k, i) => text(k, `${where}.kinds[${i}]`)),
    digest: oneOf(s.digest ?? 'none', ['none', 'hourly', 'daily'] as const, `${where}.digest`),
  };
}

function object(value: unknown, where: string): Obj {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${where} must be an object`);
  return value as Obj;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`${where} must be a non-empty string`);
  return value.trim();
}

function positive(value: unknown, where: string): number {
  if (typeof value !== 'number' || !(value > 0)) throw new UsageError(`${where} must be a positive number`);
  return value;
}

function httpUrl(value: unknown, where: string, isBase = true): string {
  const s = text(value, where);
  if (!/^https?:\/\/[^/]+/.test(s)) throw new UsageError(`${where} must be an http(s) URL`);
  return isBase ? s.replace(/\/+$/, '') : s;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (!allowed.includes(value as T)) throw new UsageError(`${where} must be one of ${allowed.join(', ')}`);
  return value as T;
}
