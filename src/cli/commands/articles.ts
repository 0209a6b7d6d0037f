import type { ArticleStatus, ArticleWithSource } from '../../model/index.ts';
import { UsageError } from '../../model/index.ts';
import { openStore } from '../../store/index.ts';
import type { Store } from '../../store/store.ts';
import { formatTime } from '../../tracker/index.ts';
import { configFrom, parseCommand } from '../common.ts';

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
  const status = values.status as ArticleStatus | undefined;
  if (status && !['active', 'removed', 'retired'].includes(status)) throw new UsageError(`--status must be active, removed or retired`);
  const minVersions = values['min-versions'] === undefined ? undefined : Number(values['min-versions']);
  if (minVersions !== undefined && !Number.isInteger(minVersions)) throw new UsageError('--min-versions must be a whole number');
  const config = configFrom(values);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    let sourceId: number | undefined;
    if (values.source) {
      const source = await store.getSource(values.source);
      if (!source) throw new UsageError(`no source with key ${values.source}`);
      sourceId = source.id;
    }
    const list = await allArticles(store, { sourceId, status, minVersions });
    process.stdout.write(values.json ? JSON.stringify(list, null, 2) + '\n' : table(list));
  } finally {
    await store.close();
  }
  return 0;
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

/** Columns sized to the data; the URL goes under the headline so that long ones do not wrap the table. */
function table(list: ArticleWithSource[]): string {
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
    lines.push(cols(String(a.id), String(a.versionCount), a.sourceKey, changed, state, a.title ?? a.feedTitle ?? '(no headline yet)'));
    lines.push(' '.repeat(indent) + a.url);
  }
  const changedCount = list.filter((a) => a.versionCount >= 2).length;
  return `${lines.join('\n')}\n${list.length} article${list.length === 1 ? '' : 's'}, ${changedCount} with 2 or more versions (times in UTC)\n`;
}
