import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extractArticle, type ExtractResult } from '../../extract/index.ts';
import { createFetcher } from '../../fetch/index.ts';
import { UsageError } from '../../model/index.ts';
import { decodeHtml } from '../../text/charset.ts';
import { configFrom, parseCommand } from '../common.ts';

const HELP = `usage: redline extract FILE|URL [--json] [--url PAGE_URL]
       redline extract --batch LIST.jsonl
  Extracts headline, byline, date and body paragraphs from one page (a .html or .html.gz file,
  or a URL fetched politely), or from every page listed in LIST.jsonl: one {"id","url","path"}
  per line, answered by one JSON line per input, in order ({"id","title","byline","published",
  "paragraphs","fingerprint"} or {"id","error"}). Relative paths are read from the current
  directory, else from the list's directory. --url gives a file's original address (site rules,
  canonical URL).`;

export default async function extract(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    json: { type: 'boolean' },
    batch: { type: 'string' },
    url: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (values.batch !== undefined) {
    if (positionals.length > 0) throw new UsageError('extract --batch takes no other FILE or URL');
    await extractBatch(values.batch);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('extract needs one FILE or URL (or --batch LIST.jsonl)');
  const target = positionals[0];
  const page = /^https?:\/\//i.test(target) ? await fetchPage(target, values) : await readPage(target, values.url);
  const result = extractArticle(page.html, page.url);
  process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : readable(result));
  return 0;
}

async function fetchPage(
  url: string,
  values: { data?: string; config?: string; database?: string },
): Promise<{ html: string; url: string }> {
  const fetcher = createFetcher(configFrom(values).fetch);
  const result = await fetcher.get(url, { accept: 'html' });
  return { html: result.text, url: result.url };
}

async function readPage(path: string, url?: string): Promise<{ html: string; url: string }> {
  const bytes = await readFile(path);
  // Gzip by magic number, so a compressed file without .gz is read right too.
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return { html: decodeHtml(raw).text, url: url ?? pathToFileURL(resolve(path)).href };
}

function readable(r: ExtractResult): string {
  const meta = [r.byline ? `By ${r.byline}` : null, r.published].filter(Boolean).join(' · ');
  const head = [r.title, '='.repeat(Math.min(r.title.length, 78)), meta, r.canonicalUrl ? `<${r.canonicalUrl}>` : ''].filter(Boolean);
  return `${head.join('\n')}\n\n${r.paragraphs.join('\n\n')}\n`;
}

interface BatchLine {
  id?: unknown;
  url?: unknown;
  path?: unknown;
}

/** Streams one output line per input line, in order; a failing page is an {"id","error"} line. */
async function extractBatch(listPath: string): Promise<void> {
  if (!existsSync(listPath)) throw new UsageError(`no such list file: ${listPath}`);
  const listDir = dirname(resolve(listPath));
  const lines = createInterface({ input: createReadStream(listPath), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    await write(JSON.stringify(await batchItem(line, listDir)) + '\n');
  }
}

async function batchItem(line: string, listDir: string): Promise<Record<string, unknown>> {
  let item: BatchLine;
  try {
    item = JSON.parse(line) as BatchLine;
    if (item === null || typeof item !== 'object') throw new Error('not a JSON object');
  } catch (err) {
    return { id: null, error: `bad input line: ${(err as Error).message}` };
  }
  const id = item.id ?? null;
  try {
    if (typeof item.path !== 'string') throw new Error('missing "path"');
    const path = existsSync(item.path) ? item.path : resolve(listDir, item.path);
    const page = await readPage(path, typeof item.url === 'string' ? item.url : undefined);
    const r = extractArticle(page.html, page.url);
    return { id, title: r.title, byline: r.byline, published: r.published, paragraphs: r.paragraphs, fingerprint: r.fingerprint };
  } catch (err) {
    const e = err as Error & { kind?: string };
    return { id, error: e.kind ? `${e.kind}: ${e.message}` : e.message };
  }
}

function write(s: string): Promise<void> {
  return new Promise((done, fail) => {
    // Respect backpressure so a huge batch piped to a slow reader does not pile up in memory.
    if (process.stdout.write(s)) done();
    else process.stdout.once('drain', done).once('error', fail);
  });
}
