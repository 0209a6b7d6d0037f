import type * as v from 'valibot';
import type { Role, SourceInput } from '../model/index.ts';
import type { NotifyConfig } from './notify.ts';
import type { configFile } from './schema.ts';

/** The types of the settings, derived from the one schema (schema.ts): documented there, field by field. */
type File = v.InferOutput<typeof configFile>;

export type { Role };
export type ScheduleConfig = File['schedule'];
export type ScheduleTier = ScheduleConfig['tiers'][number];
export type FetchConfig = File['fetch'];
export type WorkerConfig = File['worker'];
export type WebConfig = File['web'];
export type AdminConfig = File['admin'];
export type OpsConfig = File['ops'];
export type WebSubConfig = File['websub'];
export type RenderConfig = File['render'];
export type EvidenceConfig = File['evidence'];
export type WaybackConfig = EvidenceConfig['wayback'];
export type LimitsConfig = File['limits'];

/** The one typed Config object, built once in `main` (load.ts) and passed down. */
export interface Config extends Omit<File, 'databaseUrl' | 'sources' | 'notify'> {
  dataDir: string;
  /** postgres://… selects PostgreSQL; null means SQLite at `${dataDir}/redline.db`. */
  databaseUrl: string | null;
  /** Sources declared in the config file; synced into the database at start. */
  sources: SourceInput[];
  /** Subscriptions, delivery accounts and settings (config file section `notify`, checked by notify-schema.ts, secrets resolved by notify.ts). */
  notify: NotifyConfig;
}

/**
 * The base URL links are built on, without a trailing slash: `web.baseUrl` when set, else the
 * address actually listened on (`listening`, e.g. after `--port 0`), else host and port as configured.
 */
export function publicBaseUrl(web: WebConfig, listening?: { host: string; port: number } | null): string {
  if (web.baseUrl) return web.baseUrl.replace(/\/+$/, '');
  const host = listening?.host ?? web.host;
  const port = listening?.port ?? web.port;
  const name = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
