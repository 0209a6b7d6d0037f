import { RedlineError, UsageError } from '../model/index.ts';

type Command = (argv: string[]) => Promise<number>;

/** Each command lives in its own file and is loaded only when used, so `redline extract` starts fast. */
const COMMANDS: Record<string, { load: () => Promise<{ default: Command }>; help: string }> = {
  start: { load: () => import('./commands/start.ts'), help: 'run the tracker and the website (--role web|worker|all, --port N)' },
  run: { load: () => import('./commands/run.ts'), help: 'one pass over everything due, then exit (--once)' },
  check: { load: () => import('./commands/check.ts'), help: 'check URL now: fetch, extract, store, print the outcome' },
  demo: { load: () => import('./commands/demo.ts'), help: 'start a simulated newsroom on 127.0.0.1 and track it (--duration SECONDS)' },
  extract: { load: () => import('./commands/extract.ts'), help: 'extract FILE|URL [--json], or --batch LIST.jsonl' },
  articles: { load: () => import('./commands/articles.ts'), help: 'list tracked articles [--json]' },
  versions: { load: () => import('./commands/versions.ts'), help: 'list the versions of ARTICLE_ID [--json]' },
  diff: { load: () => import('./commands/diff.ts'), help: 'diff ARTICLE_ID A B: paragraph-aligned, coloured' },
  sources: { load: () => import('./commands/sources.ts'), help: 'sources add URL --key K | list | remove KEY | import FILE.opml' },
  verify: {
    load: () => import('./commands/verify.ts'),
    help: 'recompute hash chains, captures, signed roots; name every break [--article ID] [--from-root FILE]',
  },
  evidence: {
    load: () => import('./commands/evidence.ts'),
    help: 'evidence seal | pin ARTICLE_ID N | unpin ARTICLE_ID N | prune | status',
  },
  export: {
    load: () => import('./commands/export.ts'),
    help: 'export warc FILE.warc.gz [--source K] [--since T], or --format jsonl|parquet --out DIR',
  },
  import: {
    load: () => import('./commands/import.ts'),
    help: 'import warc FILE...: read WARC files (as written by export warc) into the database',
  },
  db: { load: () => import('./commands/db.ts'), help: 'db migrate | db copy --from sqlite:PATH --to postgres://...' },
  changes: {
    load: () => import('./commands/changes.ts'),
    help: 'the stream of changes, newest first [--json] [--source KEY] [--since T] [--limit N]',
  },
  admin: { load: () => import('./commands/admin.ts'), help: 'moderation: hide-article, pause-source, audit, token create|list|revoke ...' },
  follow: {
    load: () => import('./commands/follow.ts'),
    help: 'follow --to webhook:NAME|email:ADDR|mastodon:NAME|bluesky:NAME [--article|--source|--query] [--min LEVEL]',
  },
  unfollow: { load: () => import('./commands/unfollow.ts'), help: 'unfollow ID: end a subscription' },
  follows: { load: () => import('./commands/follows.ts'), help: 'list subscriptions [--json]' },
  deliveries: { load: () => import('./commands/deliveries.ts'), help: 'the delivery log [--status failed]; deliveries show|redeliver ID' },
};

/** The version in package.json, the one `npm install` installed. */
async function packageVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function usage(): string {
  const lines = ['usage: redline COMMAND [options]   (every command takes --data DIR, default ./data)', '       redline --version', ''];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.help}`);
  return lines.join('\n');
}

/** Entry point: returns the process exit code. Errors become exit codes here, once. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`redline ${await packageVersion()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`redline: unknown command ${JSON.stringify(name)}\n\n${usage()}\n`);
    return 2;
  }
  try {
    const mod = await command.load();
    return await mod.default(rest);
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`redline: ${err.message}\n`);
    return 2;
  }
  if (err instanceof RedlineError) {
    process.stderr.write(`redline: ${err.kind}: ${err.message}\n`);
    return 1;
  }
  process.stderr.write(`redline: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
  return 1;
}
