import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config, type Role } from '../config/index.ts';
import { UsageError } from '../model/index.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/store.ts';

/** Flags every command understands. */
export const COMMON_OPTIONS = {
  data: { type: 'string' },
  config: { type: 'string' },
  database: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** parseArgs with the common flags added and a UsageError on anything unknown, listing the valid options. */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, allowPositionals = true) {
  const all = { ...COMMON_OPTIONS, ...options };
  try {
    return parseArgs({ args: argv, options: all, allowPositionals, strict: true });
  } catch (err) {
    const e = err as Error & { code?: string };
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const bad = e.message.match(/option '([^']+)'/)?.[1] ?? e.message;
      throw new UsageError(`unknown option ${bad}; valid options: ${optionList(all)}`, { cause: err });
    }
    throw new UsageError(e.message, { cause: err });
  }
}

function optionList(options: NonNullable<ParseArgsConfig['options']>): string {
  return Object.entries(options)
    .map(([name, o]) => `--${name}${o.type === 'string' ? ' VALUE' : ''}`)
    .join(', ');
}

/**
 * Call before opening the store, and the returned function after: a mistyped --data would
 * otherwise silently give an empty database, and "no articles yet" would look like lost data.
 */
export function newDatabaseNotice(config: Config): () => void {
  if (config.databaseUrl) return () => {};
  const file = join(config.dataDir, 'redline.db');
  const existed = existsSync(file);
  return () => {
    if (!existed && existsSync(file)) process.stderr.write(`redline: created a new database at ${file} (if you expected your data, check --data)\n`);
  };
}

/** openStore for commands that read the data, saying so when it had to create the database. */
export async function openDataStore(config: Config): Promise<Store> {
  const announce = newDatabaseNotice(config);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  announce();
  return store;
}

export function configFrom(values: { data?: string; config?: string; database?: string; port?: string; role?: string }): Config {
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port ${values.port}`);
  }
  if (values.role !== undefined && !['web', 'worker', 'all'].includes(values.role)) {
    throw new UsageError(`--role must be web, worker or all (got ${values.role})`);
  }
  return loadConfig({
    dataDir: values.data,
    configFile: values.config,
    databaseUrl: values.database,
    port,
    role: values.role as Role | undefined,
  });
}
