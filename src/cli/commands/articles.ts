import { UsageError, type ArticleStatus, type ArticleWithSource } from '../../model/index.ts';
import { checked, rules } from '../../config/index.ts';
import type { Store } from '../../store/store.ts';
import { formatTime } from '../../text/time.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline articles [--json] [--source KEY] [--status active|removed|retired] [--min-versions N] [--data DIR]
  Lists tracked articles, newest first.`;

export default async function articles(argv: string[]): Promise<number> {
  const { values } = parseCommand(
    argv,
    { json: { type: 'boolean' }, source: { type: 'string' }, status: { type: 'string' }, 'min-versions': { type: 'string' } },
    false,
  );
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const status = values.status === undefined ? undefined : checked(rules.articleStatus, values.status, '--status');
  const minVersions = values['min-versions'] === undefined ? undefined : Number(values['min-versions']);
  if (minVersions !== undefined && !Number.isInteger(minVersions)) throw new UsageError('--min-versions must be a whole number');
  const config = configFrom(values);
  return withStore(config, async (store) => {
    let sourceId: number | undefined;
    if (values.source) {
      const source = await store.getSource(values.source);
      if (!source) throw new UsageError(`no source with key ${values.source}`);
      sourceId = source.id;
    }
    const list = await allArticles(store, { sourceId, status, minVersions });
    const width = process.stdout.isTTY ? process.stdout.columns : undefined;
    process.stdout.write(values.json ? JSON.stringify(list, null, 2) + '\n' : table(list, width));
    return 0;
  });
}

async function allArticles(store: Store, query: { sourceId?: number; status?: ArticleStatus; minVersions?: number }) {
  const out: ArticleWithSource[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listArticles({ ...query, limit: 500, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * Columns sized to the data; the URL goes under the headline so that long ones do not wrap the
 * table. With a `width` (the terminal's), headlines wrap between words and URLs at the width, both
 * under the headline column, as `redline diff` wraps its text.
 */
export function table(list: ArticleWithSource[], width?: number): string {
  if (list.length === 0) return 'no articles yet (add a source with `redline sources add`, or run `redline demo`)\n';
  const idW = Math.max(2, ...list.map((a) => String(a.id).length));
  const srcW = Math.max(6, ...list.map((a) => a.sourceKey.length));
  const cols = (id: string, ver: string, src: string, changed: string, state: string, rest: string) =>
    `${id.padStart(idW)}  ${ver.padStart(3)}  ${src.padEnd(srcW)}  ${changed.padEnd(16)}  ${state.padEnd(7)}  ${rest}`.trimEnd();
  const indent = idW + 2 + 3 + 2 + srcW + 2 + 16 + 2 + 7 + 2;
  const lines = [cols('id', 'ver', 'source', 'last change', 'state', 'headline / url')];
  for (const a of list) {
    const state = a.status === 'active' ? (a.lastError ? 'error' : '') : a.status;
    const changed = a.lastVersionAt === null ? '-' : formatTime(a.lastVersionAt, { seconds: false }).replace(' UTC', '');
    const room = width && width - indent >= 20 ? width - indent : Infinity;
    const [first, ...more] = wrapWords(a.title ?? a.feedTitle ?? '(no headline yet)', room);
    lines.push(cols(String(a.id), String(a.versionCount), a.sourceKey, changed, state, first));
    for (const line of [...more, ...cutEvery(a.url, room)]) lines.push(' '.repeat(indent) + line);
  }
  const changedCount = list.filter((a) => a.versionCount >= 2).length;
  return `${lines.join('\n')}\n${list.length} article${list.length === 1 ? '' : 's'}, ${changedCount} with 2 or more versions (times in UTC)\n`;
}

/** Greedy word wrap; a word longer than the line is cut. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (const part of cutEvery(word, width)) {
      if (line && line.length + 1 + part.length > width) {
        lines.push(line);
        line = part;
      } else line = line ? `${line} ${part}` : part;
    }
  }
  return [...lines, line];
}

function cutEvery(text: string, width: number): string[] {
  if (!Number.isFinite(width) || text.length <= width) return [text];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}
