import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as v from 'valibot';
import { UsageError, type ChangeLevel, type Digest } from '../model/index.ts';
import { notifySection, type NotifySection, type SecretRef } from './notify-schema.ts';
import { Secret } from './secret.ts';

// The `notify` section of the config file, resolved: the schema (notify-schema.ts, part of the one
// config schema) checks it; here each named secret ({ "env" } or { "file" }) is read once into a
// Secret, which never prints itself.

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
  return resolveNotify(v.parse(notifySection, {}), 'config', {});
}

type Env = Record<string, string | undefined>;

/** The checked `notify` section of `file` with its secrets read from `env` and files (relative to the file). */
export function resolveNotify(section: NotifySection, file: string, env: Env): NotifyConfig {
  const where = `${file}: notify`;
  const read = secretReader(file, env);
  const { smtp, webhooks, mastodon, bluesky, formSecret, subscriptions, email, ...numbers } = section;
  return {
    ...numbers,
    email: { ...email },
    smtp: smtp && {
      ...smtp,
      secure: smtp.secure ?? smtp.port === 465,
      password: smtp.password && read(smtp.password, `${where}.smtp.password`),
    },
    webhooks: mapValues(webhooks, (a, name) => ({ ...a, secret: read(a.secret, `${where}.webhooks.${name}.secret`) })),
    mastodon: mapValues(mastodon, (a, name) => ({ ...a, token: read(a.token, `${where}.mastodon.${name}.token`) })),
    bluesky: mapValues(bluesky, (a, name) => ({ ...a, appPassword: read(a.appPassword, `${where}.bluesky.${name}.appPassword`) })),
    subscriptions: subscriptions.map((s) => ({ ...s, article: s.article ?? null, source: s.source ?? null, query: s.query ?? null })),
    formSecret: formSecret && read(formSecret, `${where}.formSecret`),
  };
}

function mapValues<A, B>(record: Record<string, A>, map: (a: A, name: string) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([name, a]) => [name, map(a, name)]));
}

function secretReader(file: string, env: Env) {
  return (ref: SecretRef, where: string): Secret => {
    if ('env' in ref) {
      const value = env[ref.env];
      if (!value) throw new UsageError(`${where}: environment variable ${ref.env} is not set`);
      return new Secret(value);
    }
    const path = resolve(dirname(file), ref.file);
    try {
      return new Secret(readFileSync(path, 'utf8').trim());
    } catch (err) {
      throw new UsageError(`${where}: cannot read secret file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  };
}
