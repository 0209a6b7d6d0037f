import { parseDuration } from '../../config/index.ts';
import type { Change, Millis } from '../../model/index.ts';
import { UsageError } from '../../model/index.ts';
import type { Store } from '../../store/store.ts';
import { formatTime } from '../../text/time.ts';
import { CHANGE_LABELS, CHANGE_LEVELS } from '../../diff/index.ts';
import { changeJson } from '../../web/api/serialize.ts';
import { CHANGE_KINDS, describeSignificance, parseSignificance, type Significance } from '../../web/significance.ts';
import { createDigestCache, type ChangeDigest } from '../../web/digest.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

/** Words of `text` on lines of at most `width` characters, each after `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.map((l) => indent + l).join('\n');
}

const HELP = `usage: redline changes [--min LEVEL] [--kind K] [--source KEY] [--since TIME] [--limit N] [--json] [--data DIR]
  The stream of changes, newest first: new versions (2 and later) and removed/restored/revert
  events, as on the website's front page. Hidden articles and versions are left out.
  --min LEVEL    only changes of at least this level: ${CHANGE_LEVELS.join(', ')} (minor: every change);
                 article events stay
  --kind K       only changes of these kinds (comma-separated): ${CHANGE_KINDS.map((k) => k.key).join(', ')}
                 (headline = headline-changed, removals = paragraphs-removed and removed articles,
                 corrections = notice-added), or a change label:
${wrap(CHANGE_LABELS.join(', '), 80, '                 ')}
                 (README: "How much a change matters"; each label's rule: the website's /about page)
  --source KEY   only this source's articles
  --since TIME   only changes after TIME: an ISO date/time (2026-11-20, 2026-11-20T09:00Z) or an age (90m, 6h, 2d)
  --limit N      at most N changes (default 50)
  --json         a JSON array of the same objects as the API's /api/v1/changes items`;

export interface ChangeFilter {
  sourceId?: number;
  since?: Millis;
  limit: number;
  /** Level and kinds (significance.ts), as the website's filters. */
  significance?: Significance['filter'];
}

/** Pages through the store's change stream until the limit or the `since` cutoff. */
export async function collectChanges(store: Store, filter: ChangeFilter): Promise<Change[]> {
  const out: Change[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listChanges({
      ...filter.significance,
      sourceId: filter.sourceId,
      limit: Math.min(200, filter.limit - out.length),
      cursor,
    });
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
    // Level and labels as stored (diff/labels.ts); the digest names the change (`Headline changed: "X" → "Y"`), as feed items do.
    const kind = v.change ? `  ${v.change.level}${v.change.labels.length ? ` [${v.change.labels.join(', ')}]` : ''}` : '';
    return `${head} v${v.number}${kind}  +${v.wordsAdded} -${v.wordsRemoved}  ${digest?.title ?? (v.title || c.article.url)}`;
  }
  const e = c.event;
  const what = e.kind === 'revert' ? `reverted to v${e.versionNumber ?? '?'}` : e.kind;
  return `${head} ${what}${e.detail ? ` (${e.detail})` : ''}  ${c.article.title ?? c.article.url}`;
}

export default async function changes(argv: string[]): Promise<number> {
  const { values } = parseCommand(
    argv,
    {
      json: { type: 'boolean' },
      source: { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string' },
      min: { type: 'string' },
      kind: { type: 'string' },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const limit = parseLimit(values.limit);
  // Checked before the database is opened: a mistyped level or kind lists the valid ones.
  const significance = parseSignificance({ min: values.min, kind: values.kind }, { min: '--min', kind: '--kind' });
  const since = values.since === undefined ? undefined : parseSince(values.since, Date.now());
  const config = configFrom(values);
  return withStore(config, async (store) => {
    let sourceId: number | undefined;
    if (values.source) {
      const source = await store.getSource(values.source);
      if (!source) throw new UsageError(`no source with key ${values.source}`);
      sourceId = source.id;
    }
    const list = await collectChanges(store, { sourceId, since, limit, significance: significance.filter });
    const digests = await createDigestCache(store, list.length).forVersions(list.flatMap((c) => (c.type === 'version' ? [c.version] : [])));
    const digestOf = (c: Change) => (c.type === 'version' ? (digests.get(c.version.id) ?? null) : null);
    if (values.json)
      process.stdout.write(
        JSON.stringify(
          list.map((c) => changeJson(c, digestOf(c))),
          null,
          2,
        ) + '\n',
      );
    else
      process.stdout.write(
        list.length
          ? list.map((c) => changeLine(c, digestOf(c))).join('\n') + '\n'
          : `no ${describeSignificance(significance) ?? 'changes'} yet\n`,
      );
    return 0;
  });
}
