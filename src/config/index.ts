export type {
  Config,
  FetchConfig,
  LimitsConfig,
  RenderConfig,
  ScheduleConfig,
  ScheduleTier,
  WebSubConfig,
  WorkerConfig,
  WebConfig,
  Role,
  AdminConfig,
  OpsConfig,
  EvidenceConfig,
  WaybackConfig,
} from './config.ts';
export { publicBaseUrl } from './config.ts';
export { defaultConfig, DEFAULT_TIERS, DEFAULT_USER_AGENT } from './defaults.ts';
export { loadConfig, parseConfig, SHIPPED_CONFIG, type ConfigOverrides } from './load.ts';
export { parseDuration } from './duration.ts';
export { parseSource, type SourceDefaults } from './sources.ts';
export * as rules from './rules.ts';
export { checked, checkedNumber, isPostgresUrl, MANUAL_SOURCE_KEY } from './rules.ts';
export { Secret } from './secret.ts';
export type { NotifyConfig, SmtpConfig, WebhookAccount, MastodonAccount, BlueskyAccount, SubscriptionSpec } from './notify.ts';
export { defaultNotifyConfig } from './notify.ts';
