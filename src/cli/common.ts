import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checked, checkedNumber, loadConfig, rules, type Config } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import { UsageError } from '../model/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { openTracker, type TrackerDeps } from '../tracker/index.ts';

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
    if (!existed && existsSync(file))
      process.stderr.write(`redline: created a new database at ${file} (if you expected your data, check --data)\n`);
  };
}

export function configFrom(values: { data?: string; config?: string; database?: string; port?: string; role?: string }): Config {
  return loadConfig({
    dataDir: values.data,
    configFile: values.config,
    databaseUrl: values.database,
    port: values.port === undefined ? undefined : checkedNumber(rules.port, values.port, '--port'),
    role: values.role === undefined ? undefined : checked(rules.role, values.role, '--role'),
  });
}

/** Opens the configured database for one command (saying so when it had to create it) and closes it whatever happens. */
export async function withStore<T>(config: Config, use: (store: Store) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const announce = newDatabaseNotice(config);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, ...options });
  announce();
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** The tracker's dependencies (store, fetcher, renderer, clock) for one command (saying so when it created the database), closed whatever happens. */
export async function withTracker<T>(config: Config, log: Logger | undefined, use: (deps: TrackerDeps) => Promise<T>): Promise<T> {
  const announce = newDatabaseNotice(config);
  const deps = await openTracker(config, log);
  announce();
  try {
    return await use(deps);
  } finally {
    await deps.store.close();
  }
}
