import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../../model/index.ts';
import { copyStore, type CopyProgress, type CopyReport } from '../../store/copy.ts';
import { isPostgresUrl, openSqliteFile, openStore, type Store } from '../../store/index.ts';
import { relabelVersions, type RelabelResult } from '../../tracker/index.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline db migrate [--database URL] [--data DIR]
       redline db relabel [--database URL] [--data DIR]
       redline db copy --from sqlite:PATH --to postgres://USER:PASS@HOST/DB

  migrate   applies pending schema migrations and prints the schema version, then
            relabels versions stored before change labels existed
  relabel   only the relabelling: computes the change labels (level, headline flag,
            preview) of every version that has none yet; start and run do it too
  copy      copies a whole installation (sources, articles, versions with raw HTML, events)
            from an embedded SQLite database (PATH = data directory or .db file) into an
            empty database; safe to re-run after an interruption (copies what is missing);
            verifies counts, fingerprints and raw pages at the end and exits 1 on a mismatch.
            Stop Redline on the source database while copying.`;

export default async function db(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { from: { type: 'string' }, to: { type: 'string' } });
  const [sub, ...extra] = positionals;
  if (values.help || !sub) {
    process.stdout.write(HELP + '\n');
    return values.help ? 0 : 2;
  }
  if (extra.length) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (sub === 'migrate') return migrate(values);
  if (sub === 'relabel') return relabel(values);
  if (sub === 'copy') return copy(values);
  throw new UsageError(`unknown db command ${JSON.stringify(sub)} (migrate, relabel or copy)`);
}

async function migrate(values: { data?: string; config?: string; database?: string }): Promise<number> {
  const config = configFrom(values);
  return withStore(
    config,
    async (store) => {
      const before = await store.schemaVersion();
      await store.migrate();
      const after = await store.schemaVersion();
      const what = after === before ? 'already up to date' : `migrated from ${before}`;
      process.stdout.write(`${store.kind} schema version ${after} (${what})\n`);
      reportRelabel(await relabelVersions(store));
      return 0;
    },
    { migrate: false },
  );
}

async function relabel(values: { data?: string; config?: string; database?: string }): Promise<number> {
  const config = configFrom(values);
  return withStore(config, async (store) => {
    reportRelabel(await relabelVersions(store));
    return 0;
  });
}

function reportRelabel(r: RelabelResult): void {
  const skipped = r.skipped ? `, ${r.skipped} skipped (previous version missing)` : '';
  process.stdout.write(`${r.relabelled} version${r.relabelled === 1 ? '' : 's'} relabelled${skipped}\n`);
}

async function copy(values: { data?: string; config?: string; from?: string; to?: string }): Promise<number> {
  if (!values.from || !values.to) throw new UsageError('db copy needs --from sqlite:PATH and --to postgres://...');
  const config = configFrom({ data: values.data, config: values.config });
  const from = await openLocation(values.from, config.dataDir, true);
  try {
    const to = await openLocation(values.to, config.dataDir, false);
    try {
      const bar = progressBar(process.stderr);
      const report = await copyStore(from, to, { onProgress: bar });
      process.stderr.write('\n');
      process.stdout.write(describe(report));
      return report.verification.ok ? 0 : 1;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

/** `sqlite:PATH` (a data directory or a .db file) or a postgres:// URL. */
async function openLocation(location: string, dataDir: string, mustExist: boolean): Promise<Store> {
  if (isPostgresUrl(location)) return openStore({ dataDir, databaseUrl: location });
  const path = location.replace(/^sqlite:/, '');
  if (!location.startsWith('sqlite:') || !path) throw new UsageError(`expected sqlite:PATH or postgres://… (got ${location})`);
  if (existsSync(path) && statSync(path).isDirectory()) return openStore({ dataDir: path, databaseUrl: null });
  if (!existsSync(path) && mustExist) throw new UsageError(`no SQLite database at ${path}`);
  if (!existsSync(path)) mkdirSync(dirname(path), { recursive: true });
  return openSqliteFile(path);
}

/** A bar redrawn in place on a terminal; on a pipe, one line per tenth so logs stay short. */
function progressBar(out: NodeJS.WriteStream): (p: CopyProgress) => void {
  let lastTenth = -1;
  let lastPhase = '';
  return (p) => {
    const share = p.total ? p.done / p.total : 1;
    const line = `${p.phase.padEnd(8)} [${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${p.done}/${p.total}`;
    if (out.isTTY) return void out.write(`\r${line}`);
    const tenth = Math.floor(share * 10);
    if (tenth === lastTenth && p.phase === lastPhase) return;
    [lastTenth, lastPhase] = [tenth, p.phase];
    out.write(line + '\n');
  };
}

function describe(r: CopyReport): string {
  const v = r.verification;
  const row = (name: string, t: { copied: number; skipped: number }) =>
    `  ${name.padEnd(9)} ${t.copied} copied, ${t.skipped} already there\n`;
  const counts = (['sources', 'articles', 'versions'] as const).map((k) => `${k} ${v.from[k]} -> ${v.to[k]}`).join(', ');
  return [
    'copy:\n',
    row('sources', r.sources),
    row('articles', r.articles),
    row('versions', r.versions),
    row('events', r.events),
    `verification: ${v.ok ? 'OK' : 'FAILED'} (${counts}; ${v.checkedVersions} version fingerprints and raw pages compared)\n`,
    ...v.problems.map((p) => `  problem: ${p}\n`),
  ].join('');
}
