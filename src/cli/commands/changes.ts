import { parseDuration } from '../../config/index.ts';
import type { Change, Millis } from '../../model/index.ts';
import { UsageError } from '../../model/index.ts';
import type { Store } from '../../store/store.ts';
import { formatTime } from '../../text/time.ts';
import { changeJson } from '../../web/api/serialize.ts';
import { createDigestCache, type ChangeDigest } from '../../web/digest.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline changes [--json] [--source KEY] [--since TIME] [--limit N] [--data DIR]
  The stream of changes, newest first: new versions (2 and later) and removed/restored/revert
  events, as on the website's front page. Hidden articles and versions are left out.
  --source KEY   only this source's articles
  --since TIME   only changes after TIME: an ISO date/time (2026-11-20, 2026-11-20T09:00Z) or an age (90m, 6h, 2d)
  --limit N      at most N changes (default 50)
  --json         a JSON array of the same objects as the API's /api/v1/changes items`;

export interface ChangeFilter {
  sourceId?: number;
  since?: Millis;
  limit: number;
}

/** Pages through the store's change stream until the limit or the `since` cutoff. */
export async function collectChanges(store: Store, filter: ChangeFilter): Promise<Change[]> {
  const out: Change[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listChanges({ sourceId: filter.sourceId, limit: Math.min(200, filter.limit - out.length), cursor });
    for (const change of page.items) {
      if (filter.since !== undefined && change.at <= filter.since) return out;
      out.push(change);
    }
    cursor = page.nextCursor;
  } while (cursor && out.length < filter.limit);
  return out;
}

export function parseSince(text: string, now: Millis): Millis {
  if (/^\s*\d+(\.\d+)?\s*[smhd]\s*$/i.test(text)) return now - parseDuration(text) * 1000;
  const at = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(at)) throw new UsageError(`--since must be an ISO date/time or an age such as 6h (got ${JSON.stringify(text)})`);
  return at;
}

function parseLimit(text: string | undefined): number {
  if (text === undefined) return 50;
  if (!/^[1-9][0-9]{0,6}$/.test(text)) throw new UsageError(`--limit must be a positive whole number (got ${JSON.stringify(text)})`);
  return Number(text);
}

export function changeLine(c: Change, digest: ChangeDigest | null = null): string {
  const head = `${formatTime(c.at, { seconds: false })}  ${c.article.sourceKey}  #${c.article.id}`;
  if (c.type === 'version') {
    const v = c.version;
    // The digest names the change (`Headline changed: "X" → "Y"`), as feed items do.
    return `${head} v${v.number}  +${v.wordsAdded} -${v.wordsRemoved}  ${digest?.title ?? (v.title || c.article.url)}`;
  }
  const e = c.event;
  const what = e.kind === 'revert' ? `reverted to v${e.versionNumber ?? '?'}` : e.kind;
  return `${head} ${what}${e.detail ? ` (${e.detail})` : ''}  ${c.article.title ?? c.article.url}`;
}

export default async function changes(argv: string[]): Promise<number> {
  const { values } = parseCommand(
    argv,
    { json: { type: 'boolean' }, source: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' } },
    false,
  );
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const limit = parseLimit(values.limit);
  const since = values.since === undefined ? undefined : parseSince(values.since, Date.now());
  const config = configFrom(values);
  return withStore(config, async (store) => {
    let sourceId: number | undefined;
    if (values.source) {
      const source = await store.getSource(values.source);
      if (!source) throw new UsageError(`no source with key ${values.source}`);
      sourceId = source.id;
    }
    const list = await collectChanges(store, { sourceId, since, limit });
    const digests = await createDigestCache(store, list.length).forVersions(list.flatMap((c) => (c.type === 'version' ? [c.version] : [])));
    const digestOf = (c: Change) => (c.type === 'version' ? digests.get(c.version.id) ?? null : null);
    if (values.json) process.stdout.write(JSON.stringify(list.map((c) => changeJson(c, digestOf(c))), null, 2) + '\n');
    else process.stdout.write(list.length ? list.map((c) => changeLine(c, digestOf(c))).join('\n') + '\n' : 'no changes yet\n');
    return 0;
  });
}
