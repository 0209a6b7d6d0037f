import { existsSync } from 'node:fs';
import { importWarc } from '../../evidence/warc/import.ts';
import { UsageError } from '../../model/index.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline import warc FILE.warc.gz... [--data DIR]
  Reads WARC files written by \`redline export warc\` into the database: sources (without a feed),
  articles (not scheduled), versions with their exact captures, removed/restored/revert events.
  Versions already there with the same fingerprint are skipped, so a re-run is harmless. Reports
  how many versions got the same chain record as in the archive. Exits 1 on any problem.`;

export default async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, {});
  const [format, ...files] = positionals;
  if (values.help || !format) {
    process.stdout.write(HELP + '\n');
    return values.help ? 0 : 2;
  }
  if (format !== 'warc') throw new UsageError(`unknown import format ${JSON.stringify(format)} (warc)`);
  if (files.length === 0) throw new UsageError('import warc needs at least one FILE.warc.gz');
  for (const f of files) if (!existsSync(f)) throw new UsageError(`no such file: ${f}`);
  const config = configFrom(values);
  return withStore(config, async (store) => {
    let problems = 0;
    for (const file of files) {
      const r = await importWarc(store, file, Date.now());
      problems += r.problems.length;
      process.stdout.write(
        `${file}: ${r.versions} versions imported (${r.recordsMatching} with the archive's chain record), ${r.skipped} already there, ${r.events} events\n` +
          r.problems.map((p) => `  problem: ${p}\n`).join(''),
      );
    }
    return problems ? 1 : 0;
  });
}
