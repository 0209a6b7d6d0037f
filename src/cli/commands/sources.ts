import { readFileSync } from 'node:fs';
import { MANUAL_SOURCE_KEY, parseSource, type Config } from '../../config/index.ts';
import { parseOpml } from '../../feeds/index.ts';
import { UsageError, type SourceInput, type SourceWithStats } from '../../model/index.ts';
import type { Store } from '../../store/store.ts';
import { formatPeriod } from '../../text/time.ts';
import { formatAgo, formatDelay } from '../report.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline sources add URL [--key K] [--name N] [--every 5m] [--include REGEX]... [--exclude REGEX]...
                          [--type feed|page] [--link-pattern REGEX] [--render http|chromium]
       redline sources list [--json]
       redline sources remove KEY [--purge]
       redline sources import FILE.opml [--every 10m]
  Sources added here are kept in the database (the config file's sources are synced at start).
  --type page: URL is a front page without a feed; its links matching --link-pattern are the articles.
  --render chromium: fetch the articles with headless Chromium (pages whose text is written by JavaScript).
  remove: a source with stored versions is only removed with --purge (its history is deleted, and
  \`redline verify\` then reports it); \`redline admin pause-source KEY\` stops polling and keeps it.`;

const OPTIONS = {
  key: { type: 'string' },
  name: { type: 'string' },
  every: { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  type: { type: 'string' },
  'link-pattern': { type: 'string' },
  render: { type: 'string' },
  json: { type: 'boolean' },
  purge: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommand<typeof OPTIONS>>['values'];

export default async function sources(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, OPTIONS);
  const [sub, ...args] = positionals;
  if (values.help || !sub) {
    process.stdout.write(HELP + '\n');
    return values.help ? 0 : 2;
  }
  // Each action checks its arguments before the database is opened.
  const actions: Record<string, (config: Config) => Promise<number>> = {
    add: (c) => add(c, args, values),
    list: (c) => withStore(c, (s) => list(s, values)),
    remove: (c) => withStore(c, (s) => remove(s, args, values)),
    import: (c) => withStore(c, (s) => importOpml(s, c, args, values)),
  };
  const action = actions[sub];
  if (!action) throw new UsageError(`unknown sources command ${JSON.stringify(sub)} (add, list, remove, import)`);
  return action(configFrom(values));
}

async function add(config: Config, args: string[], values: Values): Promise<number> {
  if (args.length !== 1) throw new UsageError('sources add needs one feed (or, with --type page, front page) URL');
  const input = sourceInput(config, args[0], values.key ?? (URL.canParse(args[0]) ? keyFromUrl(args[0]) : 'source'), values);
  return withStore(config, async (store) => {
    const existed = await store.getSource(input.key);
    await store.upsertSource(input, Date.now());
    process.stdout.write(`${existed ? 'updated' : 'added'} source ${describeAdded(input)}\n`);
    return 0;
  });
}

function describeAdded(input: SourceInput): string {
  const kind =
    input.type === 'page' ? `front page ${input.feedUrl} (links matching ${input.linkPattern ?? 'its own site'})` : input.feedUrl;
  const render = input.render === 'chromium' ? ', rendered with Chromium' : '';
  return `${input.key}: ${kind} every ${formatPeriod(input.pollPeriodSec)}${render}`;
}

function sourceInput(config: Config, url: string, key: string, values: Values): SourceInput {
  const spec = {
    key,
    name: values.name,
    type: values.type,
    [values.type === 'page' ? 'pageUrl' : 'feedUrl']: url,
    linkPattern: values['link-pattern'],
    render: values.render,
    every: values.every,
    include: values.include,
    exclude: values.exclude,
  };
  return parseSource(spec, config.schedule, `sources add ${url}`, flagName);
}

/** `linkPattern` -> `--link-pattern`; the URL is the command's argument. */
function flagName(field: string): string {
  if (field === 'feedUrl' || field === 'pageUrl') return 'the URL';
  return `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/\[\d+\]$/, '')}`;
}

/** `https://feeds.bbci.co.uk/news/rss.xml` -> `bbci`: the most telling label of the host. */
export function keyFromUrl(url: string): string {
  const host = new URL(url).hostname.toLowerCase();
  if (/^[\d.]+$|:/.test(host) || host.startsWith('[')) return `feed-${host.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  const labels = host.split('.').filter((l) => !['www', 'feeds', 'feed', 'rss', 'co', 'com', 'org', 'net'].includes(l));
  const key = (labels.length > 1 ? labels.slice(0, -1) : labels).pop() ?? 'source';
  return key.replace(/[^a-z0-9_-]/g, '-');
}

async function list(store: Store, values: Values): Promise<number> {
  const all = await store.listSources();
  if (values.json) {
    process.stdout.write(JSON.stringify(all, null, 2) + '\n');
    return 0;
  }
  if (all.length === 0) {
    process.stdout.write('no sources yet (add one with `redline sources add URL --key KEY`)\n');
    return 0;
  }
  const keyW = Math.max(...all.map((s) => s.key.length));
  const now = Date.now();
  const lines = all.map((s) => {
    const counts = `${String(s.articleCount).padStart(6)} articles ${String(s.versionCount).padStart(7)} versions`;
    const every = s.feedUrl ? `every ${formatPeriod(s.pollPeriodSec)}`.padEnd(10) : ''.padEnd(10);
    return `${s.key.padEnd(keyW)}  ${counts}  ${every}  ${s.feedUrl || '-'}\n${''.padEnd(keyW + 2)}${pollState(s, now)}\n`;
  });
  process.stdout.write(lines.join(''));
  return 0;
}

/** `error 3 min ago: fetch dns: ...; next poll in 10 min`, or `ok 2 min ago; next poll in 3 min`, after what kind of source it is. */
function pollState(s: SourceWithStats, now: number): string {
  if (!s.feedUrl) return s.key === MANUAL_SOURCE_KEY ? 'no feed: articles added by hand with `redline check URL`' : 'no feed: not polled';
  const kind = s.type === 'page' ? `front page, links matching ${s.linkPattern ?? 'its own site'}; ` : '';
  const render = s.render === 'chromium' ? 'rendered with Chromium; ' : '';
  return kind + render + lastPoll(s, now);
}

function lastPoll(s: SourceWithStats, now: number): string {
  const next = `next poll ${formatDelay(s.nextPollAt - now)}`;
  if (s.lastPollAt === null || s.lastStatus === null) return `not polled yet; ${next}`;
  const status =
    s.lastStatus === 'not_modified' ? 'ok (not modified)' : s.lastStatus === 'ok' && s.lastNote ? `ok, ${s.lastNote}` : s.lastStatus;
  return `${status} ${formatAgo(now - s.lastPollAt)}${s.lastError ? `: ${s.lastError}` : ''}; ${next}`;
}

async function remove(store: Store, args: string[], values: Values): Promise<number> {
  if (args.length !== 1) throw new UsageError('sources remove needs one KEY');
  const key = args[0];
  const source = (await store.listSources()).find((s) => s.key === key);
  if (!source) throw new UsageError(`no source with key ${key} (see \`redline sources list\`)`);
  // The record is the product: deleting signed history must be asked for by name.
  if (source.versionCount > 0 && !values.purge) {
    throw new UsageError(
      `source ${key} has ${source.versionCount} stored versions of ${source.articleCount} articles; removing it deletes that history ` +
        `(and \`redline verify\` will report every deleted version, as their signed chain records remain). ` +
        `To stop polling and keep the history: \`redline admin pause-source ${key}\`. To delete it anyway: \`redline sources remove ${key} --purge\``,
    );
  }
  await store.removeSource(key);
  process.stdout.write(`removed source ${key} with its ${source.articleCount} articles and ${source.versionCount} versions\n`);
  return 0;
}

async function importOpml(store: Store, config: Config, args: string[], values: Values): Promise<number> {
  if (args.length !== 1) throw new UsageError('sources import needs one OPML file');
  let text: string;
  try {
    text = readFileSync(args[0], 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${args[0]}: ${(err as Error).message}`);
  }
  const feeds = parseOpml(text);
  const existing = await store.listSources();
  const knownUrls = new Set(existing.map((s) => s.feedUrl));
  const keys = new Set(existing.map((s) => s.key));
  let added = 0;
  for (const [i, feed] of feeds.entries()) {
    if (!knownUrls.has(feed.feedUrl) && /^https?:\/\//.test(feed.feedUrl)) {
      const key = uniqueKey(slug(feed.title) || keyFromUrl(feed.feedUrl), keys);
      await store.upsertSource(sourceInput(config, feed.feedUrl, key, { ...values, name: feed.title || key }), Date.now());
      knownUrls.add(feed.feedUrl);
      added++;
    }
    if ((i + 1) % 25 === 0 || i + 1 === feeds.length) process.stderr.write(`import: ${i + 1}/${feeds.length} feeds read, ${added} added\n`);
  }
  process.stdout.write(
    `imported ${added} new source${added === 1 ? '' : 's'} from ${args[0]} (${feeds.length - added} already present or not http)\n`,
  );
  return 0;
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

function uniqueKey(base: string, taken: Set<string>): string {
  let key = /^[a-z0-9]/.test(base) ? base : `feed-${base}`;
  for (let n = 2; taken.has(key) || key === MANUAL_SOURCE_KEY; n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}
