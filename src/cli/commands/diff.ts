import { diffVersions, renderTerminalDiff } from '../../diff/index.ts';
import { UsageError, type ArticleWithSource, type Version } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { formatTime, laterOrEarlier } from '../../text/time.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline diff ARTICLE_ID A B [--no-color] [--json] [--data DIR]
  Compares versions A and B of an article (any two, in either order): headline, byline,
  published time and paragraph-aligned text with the changed words marked.
  Colour when stdout is a terminal and NO_COLOR is unset; otherwise [-removed-] {+added+}.
  --json prints the structured diff model.`;

export interface DiffRequest {
  articleId: number;
  a: number;
  b: number;
  json: boolean;
  color: boolean;
  width?: number;
}

export default async function diff(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' }, 'no-color': { type: 'boolean' } });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const [articleId, a, b] = parsePositionals(positionals);
  const tty = process.stdout.isTTY === true;
  const color = tty && !values['no-color'] && !process.env.NO_COLOR;
  const config = configFrom(values);
  return withStore(config, async (store) => {
    const request = { articleId, a, b, json: values.json === true, color, width: tty ? process.stdout.columns : undefined };
    process.stdout.write(await diffOutput(store, request));
    return 0;
  });
}

function parsePositionals(positionals: string[]): [number, number, number] {
  const numbers = positionals.map(Number);
  if (positionals.length !== 3 || !numbers.every((n) => Number.isInteger(n) && n > 0)) {
    throw new UsageError('diff needs ARTICLE_ID A B (three positive numbers), e.g. `redline diff 12 1 3`');
  }
  return numbers as [number, number, number];
}

/** What `redline diff` prints, given an open store; separate from the process plumbing so it can be tested. */
export async function diffOutput(store: Pick<Store, 'getArticle' | 'getVersion'>, req: DiffRequest): Promise<string> {
  const article = await store.getArticle(req.articleId);
  if (!article) throw new UsageError(`no article ${req.articleId} (see \`redline articles\`)`);
  const a = await versionOrFail(store, article, req.a);
  const b = await versionOrFail(store, article, req.b);
  const model = diffVersions(a, b);
  if (req.json) {
    const side = (v: Version) => ({ number: v.number, capturedAt: v.capturedAt });
    return JSON.stringify({ article: { id: article.id, url: article.url }, a: side(a), b: side(b), diff: model }, null, 2) + '\n';
  }
  const header = [
    `article ${article.id} (${article.sourceKey}) ${article.url}`,
    `version ${a.number} (${formatTime(a.capturedAt)}) → version ${b.number} (${formatTime(b.capturedAt)}, ${laterOrEarlier(a.capturedAt, b.capturedAt)})`,
    '',
  ];
  return header.join('\n') + renderTerminalDiff(model, { color: req.color, width: req.width });
}

async function versionOrFail(store: Pick<Store, 'getVersion'>, article: ArticleWithSource, n: number): Promise<Version> {
  const version = await store.getVersion(article.id, n);
  if (version) return version;
  const range = article.versionCount === 1 ? 'only version 1' : `versions 1 to ${article.versionCount}`;
  throw new UsageError(`article ${article.id} has no version ${n} (it has ${range})`);
}
