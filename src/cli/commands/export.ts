import { UsageError } from '../../model/index.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline export warc FILE.warc.gz [--source KEY] [--since TIME] [--data DIR]
       redline export --format jsonl|parquet --out DIR [--source KEY] [--data DIR]

  warc     WARC/1.1 (gzip per record): per version a request, a response with the exact bytes
           captured and a metadata record (JSON: extracted text, fingerprint, chain record); per
           removed/restored/revert event a metadata record. --since: ISO 8601 time or epoch ms.
  jsonl, parquet
           research tables in DIR: articles, versions (text as a list of paragraphs), changes
           (version pairs with the diff engine's counts), sentence_edits (per version pair). See
           docs/research-export.md for every column.`;

export default async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    source: { type: 'string' },
    since: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const [what, file, ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  const config = configFrom(values);
  if (what === 'warc') {
    if (!file) throw new UsageError('export warc needs an output FILE.warc.gz');
    const since = values.since === undefined ? undefined : parseTime(values.since);
    const { exportWarc } = await import('../../evidence/warc/export.ts');
    return withStore(config, async (store) => {
      const r = await exportWarc(store, file, { sourceKey: values.source, since });
      process.stdout.write(
        `${file}: ${r.articles} articles, ${r.versions} versions (${r.responses} with their capture), ${r.events} events\n`,
      );
      return 0;
    });
  }
  if (what === undefined && values.format) {
    if (values.format !== 'jsonl' && values.format !== 'parquet')
      throw new UsageError(`--format must be jsonl or parquet (got ${values.format})`);
    const { out, format } = values;
    if (!out) throw new UsageError('export --format needs --out DIR');
    const { exportResearch } = await import('../../evidence/research/export.ts');
    return withStore(config, async (store) => {
      const r = await exportResearch(store, out, { format, sourceKey: values.source });
      process.stdout.write(
        `${out}: ${Object.entries(r.rows)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')} rows (${format})\n`,
      );
      return 0;
    });
  }
  process.stdout.write(HELP + '\n');
  return 2;
}

function parseTime(text: string): number {
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms)) throw new UsageError(`--since must be an ISO 8601 time or epoch milliseconds (got ${JSON.stringify(text)})`);
  return ms;
}
