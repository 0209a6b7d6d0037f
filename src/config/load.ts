import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { UsageError, type Role } from '../model/index.ts';
import type { Config } from './config.ts';
import { resolveNotify } from './notify.ts';
import { checked, checkedNumber, describeIssues, port, postgresUrl, role } from './rules.ts';
import { configFile } from './schema.ts';
import { parseSource } from './sources.ts';

/** The config that ships with Redline: a dozen public news feeds. */
export const SHIPPED_CONFIG = join(dirname(fileURLToPath(import.meta.url)), '../../config/default.json');

export interface ConfigOverrides {
  dataDir?: string;
  configFile?: string;
  databaseUrl?: string;
  port?: number;
  role?: Role;
}

type Env = Record<string, string | undefined>;

/**
 * Builds the one typed Config: defaults, then the config file (--config, else DATA/redline.json,
 * else the shipped config/default.json), then environment, then command-line flags. Every value
 * is checked by the schema's rules (schema.ts, rules.ts); an unknown key names itself and the file.
 */
export function loadConfig(overrides: ConfigOverrides = {}, env: Env = process.env): Config {
  const dataDir = resolve(overrides.dataDir ?? env.REDLINE_DATA ?? './data');
  const file = overrides.configFile ?? firstExisting([join(dataDir, 'redline.json'), SHIPPED_CONFIG]);
  const config = parseConfig(file ? readJson(file) : {}, file ? `config file ${file}` : 'config', { file, env });
  config.dataDir = dataDir;
  if (env.DATABASE_URL) config.databaseUrl = env.DATABASE_URL;
  if (env.REDLINE_USER_AGENT) config.fetch.userAgent = env.REDLINE_USER_AGENT;
  if (env.REDLINE_PORT) config.web.port = checkedNumber(port, env.REDLINE_PORT, 'REDLINE_PORT');
  if (env.REDLINE_SPN_ACCESS_KEY) config.evidence.wayback.accessKey = env.REDLINE_SPN_ACCESS_KEY;
  if (env.REDLINE_SPN_SECRET_KEY) config.evidence.wayback.secretKey = env.REDLINE_SPN_SECRET_KEY;
  if (overrides.databaseUrl) config.databaseUrl = overrides.databaseUrl;
  if (overrides.port !== undefined) config.web.port = checked(port, overrides.port, '--port');
  if (overrides.role) config.worker.role = checked(role, overrides.role, '--role');
  if (config.databaseUrl?.startsWith('sqlite:')) config.databaseUrl = null;
  if (config.databaseUrl !== null) checked(postgresUrl, config.databaseUrl, 'database URL');
  return config;
}

/**
 * A config file's content (or `{}` for the defaults) as the typed Config; `where` names it in errors.
 * The `notify` section's secrets are named ({ "env" } or { "file" }, the file relative to the config
 * file) and resolved from `env` and files once, here (notify.ts).
 */
export function parseConfig(raw: unknown, where: string, from: { file?: string; env?: Env } = {}): Config {
  const result = v.safeParse(configFile, raw, { abortEarly: false });
  if (!result.success) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${where} must hold a JSON object`);
    throw new UsageError(`${where}: ${describeIssues(result.issues).join('; ')}`);
  }
  const { sources, notify: notifySection, ...settings } = result.output;
  const notify = resolveNotify(notifySection, from.file ?? where, from.env ?? process.env);
  return {
    ...settings,
    notify,
    dataDir: './data',
    databaseUrl: settings.databaseUrl?.startsWith('sqlite:') ? null : settings.databaseUrl,
    sources: sources.map((s, i) => parseSource(s, settings.schedule, `${where}: sources[${i}]`)),
  };
}

function firstExisting(paths: string[]): string | undefined {
  return paths.find((p) => existsSync(p));
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read config file ${file}: ${(err as Error).message}`, { cause: err });
  }
}
