import { CHANGE_LABELS } from '../../diff/index.ts';
import { UsageError, type Subscription } from '../../model/index.ts';
import { describeWatch, subscriptionFrom } from '../../notify/index.ts';
import { openStore } from '../../store/index.ts';
import type { Store } from '../../store/store.ts';
import { formatTime } from '../../text/time.ts';
import { configFrom, parseCommand } from '../common.ts';

const HELP = `usage: redline follow --to TARGET [--article ID|URL | --source KEY | --query TEXT [--source KEY]]
                      [--min minor|substantive|major] [--kind KIND]... [--digest hourly|daily] [--confirmed]
       redline unfollow ID
       redline follows [--json] [--all]
  TARGET is webhook:NAME, mastodon:NAME or bluesky:NAME (accounts declared in the config's "notify"
  section) or email:ADDRESS. With no --article/--source/--query, every change is followed. A query is
  words and "quoted phrases" that must occur in one added or removed sentence (e.g. --query Rwanda).
  --min and --kind filter on the labels the diff engine stores with each version: a change of at
  least that level, carrying at least one of the kinds (repeat --kind, or separate with commas):
  ${CHANGE_LABELS.join(', ')}.
  An email address gets a confirmation mail first, unless --confirmed.`;

const OPTIONS = {
  to: { type: 'string' },
  article: { type: 'string' },
  source: { type: 'string' },
  query: { type: 'string' },
  min: { type: 'string' },
  kind: { type: 'string', multiple: true },
  digest: { type: 'string' },
  confirmed: { type: 'boolean' },
  json: { type: 'boolean' },
  all: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommand<typeof OPTIONS>>['values'];

async function withStore<T>(values: Values, fn: (store: Store, config: ReturnType<typeof configFrom>) => Promise<T>): Promise<T> {
  const config = configFrom(values);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

/** `redline follow`: adds a subscription. */
export default async function follow(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, OPTIONS);
  if (values.help) return help(0);
  if (positionals.length) throw new UsageError(`unexpected ${positionals.join(' ')} (see redline follow --help)`);
  if (!values.to) throw new UsageError('follow needs --to webhook:NAME, mastodon:NAME, bluesky:NAME or email:ADDRESS');
  return withStore(values, async (store, config) => {
    const input = await subscriptionFrom(
      store,
      config,
      {
        to: values.to!,
        article: values.article,
        source: values.source,
        query: values.query,
        min: values.min,
        kinds: values.kind,
        digest: values.digest,
      },
      'cli',
    );
    const pending = input.channel === 'email' && !values.confirmed;
    const sub = await store.addSubscription(input, pending ? 'pending' : 'active', Date.now());
    process.stdout.write(`subscription ${sub.id}: ${await line(store, sub)}\n`);
    if (pending) process.stdout.write(`a confirmation mail goes to ${sub.address}; nothing else is sent until it is confirmed\n`);
    return 0;
  });
}

export async function unfollow(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, OPTIONS);
  if (values.help) return help(0);
  if (positionals.length !== 1 || !/^\d+$/.test(positionals[0]))
    throw new UsageError('unfollow needs one subscription ID (see `redline follows`)');
  return withStore(values, async (store) => {
    const sub = await store.unsubscribe(Number(positionals[0]), Date.now());
    if (!sub) throw new UsageError(`no subscription ${positionals[0]} (see \`redline follows\`)`);
    process.stdout.write(`subscription ${sub.id} ended; its pending deliveries are cancelled\n`);
    return 0;
  });
}

export async function follows(argv: string[]): Promise<number> {
  const { values } = parseCommand(argv, OPTIONS, false);
  if (values.help) return help(0);
  return withStore(values, async (store) => {
    const subs = (await store.listSubscriptions()).filter((s) => values.all || s.status !== 'unsubscribed');
    if (values.json) {
      process.stdout.write(JSON.stringify(subs, null, 2) + '\n');
      return 0;
    }
    if (subs.length === 0) process.stdout.write('no subscriptions (add one with `redline follow --to ...`)\n');
    for (const s of subs) process.stdout.write(`${String(s.id).padStart(4)}  ${s.status.padEnd(12)} ${await line(store, s)}\n`);
    return 0;
  });
}

async function line(store: Store, s: Subscription): Promise<string> {
  const filters = [
    s.minLevel !== 'minor' && `at least ${s.minLevel}`,
    s.kinds.length > 0 && `kinds ${s.kinds.join(', ')}`,
    s.digest !== 'none' && `${s.digest} digest`,
  ]
    .filter(Boolean)
    .join('; ');
  return `${s.channel}:${s.address} <- ${await describeWatch(store, s)}${filters ? ` (${filters})` : ''}, since ${formatTime(s.createdAt)}${s.origin === 'config' ? ' [config]' : ''}`;
}

function help(code: number): number {
  process.stdout.write(HELP + '\n');
  return code;
}
