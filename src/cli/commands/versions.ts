import { NotFoundError, UsageError, type Version } from '../../model/index.ts';
import { openStore } from '../../store/index.ts';
import { configFrom, parseCommand } from '../common.ts';

const HELP = `usage: redline versions ARTICLE_ID [--json] [--data DIR]
  Lists the stored versions of an article (and its removed/restored/revert events).`;

export default async function versions(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const id = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(id) || id <= 0) throw new UsageError('versions needs one ARTICLE_ID (a number)');
  const config = configFrom(values);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const article = await store.getArticle(id);
    if (!article) throw new NotFoundError(`no article ${id}`);
    const list = await store.listVersions(id);
    const events = await store.listEvents(id);
    if (values.json) {
      process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      return 0;
    }
    process.stdout.write(`article ${id} (${article.sourceKey}) ${article.url}\n`);
    for (const v of list) process.stdout.write(line(v) + '\n');
    for (const e of events) {
      const target = e.versionNumber === null ? '' : ` to version ${e.versionNumber}`;
      process.stdout.write(`  event  ${new Date(e.at).toISOString()}  ${e.kind}${target}${e.detail ? ` (${e.detail})` : ''}\n`);
    }
  } finally {
    await store.close();
  }
  return 0;
}

function line(v: Version): string {
  const words = v.number === 1 ? 'first seen' : `+${v.wordsAdded} -${v.wordsRemoved} words`;
  return `  v${String(v.number).padEnd(4)} ${new Date(v.capturedAt).toISOString()}  ${words.padEnd(18)} ${v.title}`;
}
