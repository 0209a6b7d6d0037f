import type { SourceInput } from '../model/index.ts';

export type Role = 'web' | 'worker' | 'all';

export interface ScheduleConfig {
  /** Shortest article re-check period, and the period after a new version (30 min). */
  minPeriodSec: number;
  /** Period multiplier after a check with no change or an error (1.2). */
  backoffFactor: number;
  /** An article whose period would exceed this is retired (40 days). */
  retireAfterSec: number;
  /** Feed poll period bounds. */
  feedMinPeriodSec: number;
  feedDefaultPeriodSec: number;
  /** Extra backoff for an article that keeps flipping between known versions (multiplier per revert). */
  revertBackoffFactor: number;
}

export interface FetchConfig {
  userAgent: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  perHostConcurrency: number;
  perHostDelayMs: number;
  globalConcurrency: number;
  respectRobots: boolean;
  robotsCacheSec: number;
}

export interface WorkerConfig {
  role: Role;
  /** Articles claimed per batch. */
  batchSize: number;
  /** A claimed article returns to the pool when its lease expires (a crashed worker). */
  leaseSec: number;
  /** Sleep between scheduler ticks when nothing is due. */
  idleMs: number;
  /** Keep the raw HTML of each stored version (compressed). */
  keepRaw: boolean;
}

export interface WebConfig {
  host: string;
  port: number;
  /** Public base URL used in feeds, e.g. http://localhost:8080 */
  baseUrl: string;
}

export interface Config {
  dataDir: string;
  /** postgres://… selects PostgreSQL; null means SQLite at `${dataDir}/redline.db`. */
  databaseUrl: string | null;
  schedule: ScheduleConfig;
  fetch: FetchConfig;
  worker: WorkerConfig;
  web: WebConfig;
  /** Sources declared in the config file; synced into the database at start. */
  sources: SourceInput[];
}
