import type { ArticleEvent, Version } from '../../model/index.ts';
import { UsageError } from '../../model/index.ts';
import { describeEvent } from '../../text/events.ts';
import { formatTime } from '../../text/time.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline versions ARTICLE_ID [--json] [--data DIR]
  Lists the stored versions of an article with its removed/restored/revert events, oldest first.
  --json prints the versions (with their paragraphs) as a JSON array.`;

export default async function versions(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('versions needs one ARTICLE_ID, e.g. `redline versions 12` (see `redline articles`)');
  const id = Number(positionals[0]);
  if (!/^\d+$/.test(positionals[0]) || !Number.isSafeInteger(id) || id <= 0)
    throw new UsageError(`ARTICLE_ID must be a positive whole number (got ${JSON.stringify(positionals[0])})`);
  const config = configFrom(values);
  return withStore(config, async (store) => {
    const article = await store.getArticle(id);
    if (!article) throw new UsageError(`no article ${id} (see \`redline articles\`)`);
    const list = await store.listVersions(id);
    if (values.json) {
      process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      return 0;
    }
    const events = await store.listEvents(id);
    const head = `article ${id} (${article.sourceKey}) ${article.url}\n`;
    const body =
      list.length === 0 && events.length === 0
        ? `  no version stored yet${article.lastError ? ` (last error: ${article.lastError})` : ''}\n`
        : timeline(list, events);
    process.stdout.write(head + body);
    return 0;
  });
}

/** Versions and events in time order, one aligned line each; a headline is shown when it changes. */
function timeline(list: Version[], events: ArticleEvent[]): string {
  const rows: { at: number; order: number; text: string }[] = [];
  let title: string | null = null;
  for (const v of list) {
    const words = v.number === 1 ? 'first seen' : `+${v.wordsAdded} -${v.wordsRemoved} words`;
    const headline = v.title === title ? '' : v.title;
    title = v.title;
    rows.push({ at: v.capturedAt, order: 0, text: row(`v${v.number}`, v.capturedAt, `${words.padEnd(16)} ${headline}`) });
  }
  for (const e of events) rows.push({ at: e.at, order: 1, text: row('event', e.at, describeEvent(e)) });
  rows.sort((a, b) => a.at - b.at || a.order - b.order);
  return rows.map((r) => r.text.trimEnd() + '\n').join('');
}

function row(label: string, at: number, text: string): string {
  return `  ${label.padEnd(6)} ${formatTime(at)}  ${text}`;
}
