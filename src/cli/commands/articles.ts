import type { ArticleStatus, ArticleWithSource } from '../../model/index.ts';
import { UsageError } from '../../model/index.ts';
import { openStore } from '../../store/index.ts';
import type { Store } from '../../store/store.ts';
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

function table(list: ArticleWithSource[]): string {
  if (list.length === 0) return 'no articles yet (add a source with `redline sources add`, or run `redline demo`)\n';
  const lines = list.map((a) => {
    const state = a.status === 'active' ? (a.lastError ? 'error' : '') : a.status;
    return `${String(a.id).padStart(6)}  ${String(a.versionCount).padStart(3)}v  ${a.sourceKey.padEnd(10)} ${state.padEnd(8)} ${a.title ?? a.feedTitle ?? ''}\n${''.padStart(22)}${a.url}`;
  });
  return `${'id'.padStart(6)}  ver  ${'source'.padEnd(10)} ${'state'.padEnd(8)} headline / url\n${lines.join('\n')}\n${list.length} articles\n`;
}
