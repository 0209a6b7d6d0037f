import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config, type Role } from '../config/index.ts';
import { UsageError } from '../model/index.ts';

/** Flags every command understands. */
export const COMMON_OPTIONS = {
  data: { type: 'string' },
  config: { type: 'string' },
  database: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** parseArgs with the common flags added and a UsageError on anything unknown. */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message, { cause: err });
  }
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
