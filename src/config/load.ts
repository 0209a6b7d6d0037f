import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type SourceInput } from '../model/index.ts';
import type { Config, Role } from './config.ts';
import { defaultConfig } from './defaults.ts';
import { parseDuration } from './duration.ts';
import { mergeNotify } from './notify.ts';

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
 * else the shipped config/default.json), then environment, then command-line flags.
 */
export function loadConfig(overrides: ConfigOverrides = {}, env: Env = process.env): Config {
  const config = defaultConfig();
  const dataDir = resolve(overrides.dataDir ?? env.REDLINE_DATA ?? config.dataDir);
  const file = overrides.configFile ?? firstExisting([join(dataDir, 'redline.json'), SHIPPED_CONFIG]);
  if (file) mergeFile(config, file, env);
  config.dataDir = dataDir;
  if (env.DATABASE_URL) config.databaseUrl = env.DATABASE_URL;
  if (env.REDLINE_USER_AGENT) config.fetch.userAgent = env.REDLINE_USER_AGENT;
  if (env.REDLINE_PORT) config.web.port = parsePort(env.REDLINE_PORT);
  if (env.REDLINE_SPN_ACCESS_KEY) config.evidence.wayback.accessKey = env.REDLINE_SPN_ACCESS_KEY;
  if (env.REDLINE_SPN_SECRET_KEY) config.evidence.wayback.secretKey = env.REDLINE_SPN_SECRET_KEY;
  if (overrides.databaseUrl) config.databaseUrl = overrides.databaseUrl;
  if (overrides.port !== undefined) config.web.port = overrides.port;
  if (overrides.role) config.worker.role = overrides.role;
  if (config.databaseUrl?.startsWith('sqlite:')) config.databaseUrl = null;
  validate(config);
  return config;
}

function firstExisting(paths: string[]): string | undefined {
  return paths.find((p) => existsSync(p));
}

function mergeFile(config: Config, file: string, env: Env): void {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read config file ${file}: ${(err as Error).message}`, { cause: err });
  }
  if (!raw || typeof raw !== 'object') throw new UsageError(`config file ${file} must hold a JSON object`);
  const obj = raw as Record<string, unknown>;
  for (const section of ['schedule', 'fetch', 'worker', 'web', 'admin', 'ops', 'websub', 'render', 'limits'] as const) {
    if (obj[section] !== undefined) Object.assign(config[section], obj[section]);
  }
  if (obj.evidence !== undefined) mergeEvidence(config, obj.evidence, file);
  if (typeof obj.databaseUrl === 'string') config.databaseUrl = obj.databaseUrl;
  if (obj.notify !== undefined) mergeNotify(config.notify, obj.notify, file, env);
  if (obj.sources !== undefined) {
    if (!Array.isArray(obj.sources)) throw new UsageError(`config file ${file}: "sources" must be a list`);
    config.sources = obj.sources.map((s, i) => parseSource(s, `${file}: sources[${i}]`, config.schedule.feedDefaultPeriodSec));
  }
}

function mergeEvidence(config: Config, value: unknown, file: string): void {
  if (!value || typeof value !== 'object') throw new UsageError(`config file ${file}: "evidence" must be an object`);
  const { wayback, ...rest } = value as Record<string, unknown>;
  Object.assign(config.evidence, rest);
  if (wayback !== undefined) {
    if (!wayback || typeof wayback !== 'object') throw new UsageError(`config file ${file}: "evidence.wayback" must be an object`);
    Object.assign(config.evidence.wayback, wayback);
  }
}

function parseSource(value: unknown, where: string, defaultPeriodSec: number): SourceInput {
  if (!value || typeof value !== 'object') throw new UsageError(`${where} must be an object`);
  const s = value as Record<string, unknown>;
  if (typeof s.key !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/i.test(s.key)) {
    throw new UsageError(`${where}: "key" must be a short name of letters, digits, - or _`);
  }
  const type = s.type ?? 'feed';
  if (type !== 'feed' && type !== 'page') throw new UsageError(`${where}: "type" must be "feed" or "page"`);
  // A page source names its front page; "feedUrl" is accepted for it too.
  const url = type === 'page' ? (s.pageUrl ?? s.feedUrl) : s.feedUrl;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    throw new UsageError(`${where}: "${type === 'page' ? 'pageUrl' : 'feedUrl'}" must be an http(s) URL`);
  }
  const render = s.render ?? 'http';
  if (render !== 'http' && render !== 'chromium') throw new UsageError(`${where}: "render" must be "http" or "chromium"`);
  const every = s.every === undefined ? defaultPeriodSec : parseDuration(String(s.every));
  const linkPattern = s.linkPattern === undefined ? null : stringList(s.linkPattern, `${where}.linkPattern`)[0];
  if (linkPattern !== null && type !== 'page') throw new UsageError(`${where}: "linkPattern" is for sources of type "page"`);
  return {
    key: s.key,
    name: typeof s.name === 'string' ? s.name : s.key,
    feedUrl: url,
    pollPeriodSec: every,
    include: stringList(s.include, `${where}.include`),
    exclude: stringList(s.exclude, `${where}.exclude`),
    type,
    linkPattern,
    render,
  };
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  for (const v of list) {
    if (typeof v !== 'string') throw new UsageError(`${where} must be a string or list of strings`);
    try {
      new RegExp(v);
    } catch (err) {
      throw new UsageError(`${where}: invalid regular expression ${JSON.stringify(v)}`, { cause: err });
    }
  }
  return list as string[];
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port ${JSON.stringify(text)}`);
  return port;
}

function validate(config: Config): void {
  const { schedule, fetch, worker } = config;
  const positive: [string, number][] = [
    ['schedule.minPeriodSec', schedule.minPeriodSec],
    ['schedule.retireAfterSec', schedule.retireAfterSec],
    ['fetch.totalTimeoutMs', fetch.totalTimeoutMs],
    ['fetch.maxBodyBytes', fetch.maxBodyBytes],
    ['fetch.perHostConcurrency', fetch.perHostConcurrency],
    ['fetch.globalConcurrency', fetch.globalConcurrency],
    ['worker.batchSize', worker.batchSize],
    ['worker.leaseSec', worker.leaseSec],
    ['admin.sessionHours', config.admin.sessionHours],
    ...Object.entries(config.ops).map(([k, v]): [string, number] => [`ops.${k}`, v]),
    ['worker.extractThreads', worker.extractThreads],
    ['worker.extractBudgetMs', worker.extractBudgetMs],
    ['worker.feedBudgetMs', worker.feedBudgetMs],
    ['worker.extractMemoryMb', worker.extractMemoryMb],
    ['limits.newArticlesPerPoll', config.limits.newArticlesPerPoll],
    ['limits.newArticlesPerDay', config.limits.newArticlesPerDay],
    ['limits.versionsPerArticlePerDay', config.limits.versionsPerArticlePerDay],
    ['limits.maxTextChars', config.limits.maxTextChars],
  ];
  for (const [name, v] of positive) {
    if (typeof v !== 'number' || !(v > 0)) throw new UsageError(`config: ${name} must be a positive number`);
  }
  validateEvidence(config);
  if (typeof fetch.allowPrivateNetworks !== 'boolean') throw new UsageError('config: fetch.allowPrivateNetworks must be true or false');
  if (!Array.isArray(fetch.allowPrivateHosts) || fetch.allowPrivateHosts.some((h) => typeof h !== 'string')) {
    throw new UsageError('config: fetch.allowPrivateHosts must be a list of host names');
  }
  if (schedule.backoffFactor < 1) throw new UsageError('config: schedule.backoffFactor must be >= 1');
  validateTiers(schedule.tiers, schedule.retireAfterSec);
  if (!['auto', 'always', 'never'].includes(config.websub.subscribe)) throw new UsageError('config: websub.subscribe must be auto, always or never');
  for (const [name, v] of [['websub.leaseSec', config.websub.leaseSec], ['websub.fallbackPollSec', config.websub.fallbackPollSec], ['render.maxPages', config.render.maxPages], ['render.maxRequests', config.render.maxRequests]] as const) {
    if (typeof v !== 'number' || !(v > 0)) throw new UsageError(`config: ${name} must be a positive number`);
  }
  if (!['web', 'worker', 'all'].includes(worker.role)) throw new UsageError(`config: unknown role ${worker.role}`);
  if (config.databaseUrl && !/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new UsageError(`config: database URL must start with postgres:// (or be omitted for SQLite)`);
  }
  if (typeof config.web.baseUrl !== 'string' || (config.web.baseUrl && !/^https?:\/\/[^/]/.test(config.web.baseUrl))) {
    throw new UsageError('config: web.baseUrl must be an http(s) URL, or empty to use the address the website listens on');
  }
}

function validateTiers(tiers: unknown, retireAfterSec: number): void {
  if (!Array.isArray(tiers)) throw new UsageError('config: schedule.tiers must be a list of { "maxAgeSec": N, "periodSec": N }');
  let previous = 0;
  for (const [i, t] of tiers.entries()) {
    const tier = t as { maxAgeSec?: unknown; periodSec?: unknown } | null;
    const where = `config: schedule.tiers[${i}]`;
    if (!tier || typeof tier.maxAgeSec !== 'number' || typeof tier.periodSec !== 'number' || !(tier.maxAgeSec > 0) || !(tier.periodSec > 0)) {
      throw new UsageError(`${where} needs a positive "maxAgeSec" and "periodSec" (seconds)`);
    }
    if (tier.maxAgeSec <= previous) throw new UsageError(`${where}: maxAgeSec must grow from one tier to the next`);
    if (tier.periodSec > retireAfterSec) throw new UsageError(`${where}: periodSec exceeds schedule.retireAfterSec`);
    previous = tier.maxAgeSec;
  }
}

function validateEvidence({ evidence }: Config): void {
  const { wayback } = evidence;
  for (const [name, v] of [
    ['evidence.sealEverySec', evidence.sealEverySec],
    ['evidence.wayback.maxRequests', wayback.maxRequests],
    ['evidence.wayback.windowSec', wayback.windowSec],
    ['evidence.wayback.statusPollSec', wayback.statusPollSec],
    ['evidence.wayback.maxAttempts', wayback.maxAttempts],
  ] as const) {
    if (typeof v !== 'number' || !(v > 0)) throw new UsageError(`config: ${name} must be a positive number`);
  }
  const days = evidence.keepCapturesDays;
  if (days !== null && (typeof days !== 'number' || !(days >= 0))) {
    throw new UsageError('config: evidence.keepCapturesDays must be a number of days >= 0, or null to keep every capture');
  }
  if (evidence.signingKeyFile !== null && typeof evidence.signingKeyFile !== 'string') throw new UsageError('config: evidence.signingKeyFile must be a path');
  if (!Array.isArray(wayback.sources) || !wayback.sources.every((s) => typeof s === 'string')) {
    throw new UsageError('config: evidence.wayback.sources must be a list of source keys (or ["*"])');
  }
  if (!/^https?:\/\//.test(String(wayback.endpoint))) throw new UsageError('config: evidence.wayback.endpoint must be an http(s) URL');
}
