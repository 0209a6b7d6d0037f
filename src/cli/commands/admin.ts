import { userInfo } from 'node:os';
import { ACTION_NAMES, createToken, perform, revokeToken, type ActionName, type AdminAction } from '../../admin/index.ts';
import type { Config } from '../../config/index.ts';
import { NotFoundError, UsageError } from '../../model/index.ts';
import type { Store } from '../../store/store.ts';
import { formatTime } from '../../text/time.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline admin SUBCOMMAND [options] [--data DIR]
  Moderation from the command line; every action is written to the audit log (actor cli:USER).

  hide-article ID --reason TEXT        hide an article: its pages answer 410 "removed for legal reasons"
  unhide-article ID [--reason TEXT]    show it again
  hide-version ID N --reason TEXT      hide one version of an article
  unhide-version ID N [--reason TEXT]
  retire-article ID [--reason TEXT]    stop checking an article for changes
  revive-article ID [--reason TEXT]    check a retired article again (at once)
  pause-source KEY [--reason TEXT]     stop polling a source and checking its articles
  resume-source KEY [--reason TEXT]
  hidden [--json]                      what is hidden, with the reasons
  audit [--json] [--limit N]           the audit log, newest first (default 50)
  token create NAME                    make an admin token and print it (shown once; only its hash is kept)
  token list [--json]                  tokens with their last use
  token revoke NAME                    revoke a token and end its sessions

  Admin tokens are for the website's /admin pages (paste it in the login form) and the admin API
  (Authorization: Bearer TOKEN on /api/v1/admin/...).`;

const OPTIONS = { reason: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } } as const;

function actor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function positive(text: string | undefined, what: string): number {
  if (!text || !/^[1-9][0-9]{0,14}$/.test(text))
    throw new UsageError(`${what} must be a positive whole number (got ${JSON.stringify(text ?? '')})`);
  return Number(text);
}

/** `hide-version 12 3 --reason x` -> an AdminAction. */
export function actionFromArgs(name: ActionName, args: string[], reason: string | undefined): AdminAction {
  const want = name.endsWith('-version') ? 2 : 1;
  if (args.length !== want)
    throw new UsageError(
      `admin ${name} takes ${want === 2 ? 'ARTICLE_ID VERSION' : name.endsWith('-source') ? 'a source KEY' : 'an ARTICLE_ID'}`,
    );
  if (name === 'pause-source' || name === 'resume-source') return { action: name, source: args[0], reason };
  const articleId = positive(args[0], 'ARTICLE_ID');
  if (name === 'hide-version' || name === 'unhide-version')
    return { action: name, articleId, version: positive(args[1], 'VERSION'), reason };
  return { action: name, articleId, reason };
}

export default async function admin(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, OPTIONS);
  const [sub, ...args] = positionals;
  if (values.help || !sub) {
    process.stdout.write(HELP + '\n');
    return sub || values.help ? 0 : 2;
  }
  const config = configFrom(values);
  const known = ACTION_NAMES.includes(sub as ActionName) || ['hidden', 'audit', 'token'].includes(sub);
  if (!known) throw new UsageError(`unknown admin subcommand ${JSON.stringify(sub)} (see redline admin --help)`);
  return withStore(config, async (store) => {
    return await run(store, config, sub, args, values);
  });
}

async function run(
  store: Store,
  config: Config,
  sub: string,
  args: string[],
  values: { reason?: string; json?: boolean; limit?: string },
): Promise<number> {
  const deps = { store, config, now: Date.now };
  const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  if (ACTION_NAMES.includes(sub as ActionName)) {
    // A missing article or source is the user's to fix: exit 2, like every other command.
    const entry = await perform(deps, actor(), actionFromArgs(sub as ActionName, args, values.reason)).catch((err: unknown) => {
      throw err instanceof NotFoundError ? new UsageError(err.message) : err;
    });
    out(`${entry.action} ${entry.target}: done (audit #${entry.id})`);
    return 0;
  }
  if (sub === 'hidden') {
    const hidden = await store.listHidden();
    if (values.json) out(JSON.stringify(hidden, null, 2));
    else
      out(
        hidden.length
          ? hidden
              .map(
                (h) =>
                  `${formatTime(h.hiddenAt, { seconds: false })}  #${h.articleId}${h.versionNumber ? ` v${h.versionNumber}` : ''}  ${h.sourceKey}  ${h.title ?? h.url}  (${h.reason ?? 'no reason'})`,
              )
              .join('\n')
          : 'nothing is hidden',
      );
    return 0;
  }
  if (sub === 'audit') {
    const limit = values.limit === undefined ? 50 : positive(values.limit, '--limit');
    const page = await store.listAudit({ limit });
    if (values.json) out(JSON.stringify(page.items, null, 2));
    else
      out(
        page.items.length
          ? page.items
              .map((e) => `${formatTime(e.at)}  ${e.actor}  ${e.action}  ${e.target}${e.reason ? `  "${e.reason}"` : ''}`)
              .join('\n')
          : 'no admin action yet',
      );
    return 0;
  }
  return tokenCommand(deps, args, values);
}

async function tokenCommand(
  deps: { store: Store; config: Config; now: () => number },
  args: string[],
  values: { json?: boolean },
): Promise<number> {
  const [verb, name, ...extra] = args;
  if (verb === 'list' && !name) {
    const tokens = await deps.store.listAdminTokens();
    if (values.json) process.stdout.write(JSON.stringify(tokens, null, 2) + '\n');
    else
      process.stdout.write(
        (tokens.length
          ? tokens
              .map(
                (t) =>
                  `${t.name.padEnd(20)} created ${formatTime(t.createdAt, { seconds: false })}  ${t.revokedAt ? `revoked ${formatTime(t.revokedAt, { seconds: false })}` : t.lastUsedAt ? `last used ${formatTime(t.lastUsedAt, { seconds: false })}` : 'never used'}`,
              )
              .join('\n')
          : 'no admin tokens') + '\n',
      );
    return 0;
  }
  if ((verb === 'create' || verb === 'revoke') && name && extra.length === 0) {
    if (verb === 'revoke') {
      await revokeToken(deps, actor(), name);
      process.stdout.write(`token ${name} revoked\n`);
      return 0;
    }
    const { secret } = await createToken(deps, actor(), name);
    // The secret alone on stdout, so `TOKEN=$(redline admin token create x)` works; the advice on stderr.
    process.stdout.write(secret + '\n');
    process.stderr.write(`redline: admin token ${name} created; it is shown only now (only its hash is stored)\n`);
    return 0;
  }
  throw new UsageError('usage: redline admin token create NAME | token list | token revoke NAME');
}
